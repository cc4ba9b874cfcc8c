import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { meetingParticipants } from '../../src/lib/server/db/schema';
import { createMeeting } from '../../src/lib/server/meetings/commands/create-meeting';
import { CommandError } from '../../src/lib/server/command-error';
import { inviteParticipant } from '../../src/lib/server/meetings/commands/invite-participant';
import { recordAttendance } from '../../src/lib/server/meetings/commands/record-attendance';
import { meetingForViewer, visibleMeetings } from '../../src/lib/server/meetings/queries';
import { createTestDatabase, makeFamily, makeUnit, makeUser, sessionOf } from '../factories';

let handle: DatabaseHandle;
beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(async () => {
	await handle?.close();
});

describe('scheduling and preparing a meeting', () => {
	it('schedules a sibling group conference, links the previous meeting, and tracks attendance and reports', async () => {
		const { db } = handle;
		const unit = await makeUnit(db);
		const admin = await makeUser(db, { role: 'admin', unitId: unit.id });
		const chair = await makeUser(db, { role: 'chair', unitId: unit.id });
		const mum = await makeUser(db, { role: 'parent' });
		const gp = await makeUser(db, { role: 'professional' });
		const { children } = await makeFamily(db, {
			unitId: unit.id,
			children: ['Chrissie', 'Leo'],
			parents: [{ userId: mum.id, relationship: 'Mum' }]
		});
		const childIds = children.map((c) => c.id);

		const icpc = await createMeeting({
			db,
			scheduler: sessionOf(admin),
			kind: 'initial-conference',
			title: 'ICPC',
			scheduledAt: new Date('2026-12-18T10:00:00Z'),
			childIds,
			chairId: chair.id
		});
		const coreGroup = await createMeeting({
			db,
			scheduler: sessionOf(admin),
			kind: 'core-group',
			title: 'Core group',
			scheduledAt: new Date('2027-01-06T10:00:00Z'),
			childIds: [childIds[0]],
			chairId: chair.id
		});
		expect(icpc.previousMeetingId).toBeNull();
		expect(coreGroup.previousMeetingId).toBe(icpc.id);

		const chairView = await meetingForViewer({ db, user: sessionOf(chair), meetingId: icpc.id });
		expect(chairView?.role).toBe('chair');
		expect(chairView?.children.map((c) => c.name)).toEqual(['Chrissie', 'Leo']);

		await inviteParticipant({
			db,
			actorId: admin.id,
			meetingId: icpc.id,
			userId: mum.id,
			name: null,
			role: 'parent',
			agencyId: null,
			voting: true,
			reportRequested: false
		});
		const gpRow = await inviteParticipant({
			db,
			actorId: admin.id,
			meetingId: icpc.id,
			userId: gp.id,
			name: null,
			role: 'professional',
			agencyId: null,
			voting: true,
			reportRequested: true
		});
		const teacher = await inviteParticipant({
			db,
			actorId: admin.id,
			meetingId: icpc.id,
			userId: null,
			name: 'Mrs Green',
			role: 'professional',
			agencyId: null,
			voting: true,
			reportRequested: true
		});
		expect(teacher.userId).toBeNull();
		await expect(
			inviteParticipant({
				db,
				actorId: admin.id,
				meetingId: icpc.id,
				userId: mum.id,
				name: null,
				role: 'parent',
				agencyId: null,
				voting: false,
				reportRequested: false
			})
		).rejects.toThrow(CommandError);

		expect((await visibleMeetings({ db, user: sessionOf(mum) })).map((m) => m.id)).toEqual([
			icpc.id
		]);

		await recordAttendance({
			db,
			actorId: admin.id,
			meetingId: icpc.id,
			participantId: gpRow.id,
			attendance: 'apologies',
			reportReceived: true,
			reportSharedWithParents: true
		});
		const [gpAfter] = await db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.id, gpRow.id));
		expect(gpAfter.attendance).toBe('apologies');
		expect(gpAfter.reportReceivedAt).not.toBeNull();
		expect(gpAfter.reportSharedWithParents).toBe(true);

		await expect(
			recordAttendance({
				db,
				actorId: admin.id,
				meetingId: icpc.id,
				participantId: teacher.id,
				attendance: 'present',
				reportReceived: false,
				reportSharedWithParents: true
			})
		).rejects.toThrow(/only be shared with the parents once it has arrived/);
	});

	it('refuses children from outside the unit and a chair who is not one', async () => {
		const { db } = handle;
		const unit = await makeUnit(db);
		const elsewhere = await makeUnit(db, 'Another unit');
		const admin = await makeUser(db, { role: 'admin', unitId: unit.id });
		const chair = await makeUser(db, { role: 'chair', unitId: unit.id });
		const notAChair = await makeUser(db, { role: 'professional', unitId: unit.id });
		const theirs = await makeFamily(db, { unitId: elsewhere.id, children: ['Someone'] });
		const ours = await makeFamily(db, { unitId: unit.id, children: ['Ours'] });
		await expect(
			createMeeting({
				db,
				scheduler: sessionOf(admin),
				kind: 'cic-review',
				title: 'x',
				scheduledAt: new Date(),
				childIds: [theirs.children[0].id],
				chairId: chair.id
			})
		).rejects.toMatchObject({ field: 'childIds' });
		await expect(
			createMeeting({
				db,
				scheduler: sessionOf(admin),
				kind: 'cic-review',
				title: 'x',
				scheduledAt: new Date(),
				childIds: [ours.children[0].id],
				chairId: notAChair.id
			})
		).rejects.toMatchObject({ field: 'chairId' });
		await expect(
			createMeeting({
				db,
				scheduler: sessionOf(admin),
				kind: 'cic-review',
				title: 'x',
				scheduledAt: new Date(),
				childIds: [],
				chairId: chair.id
			})
		).rejects.toMatchObject({ field: 'childIds' });
	});
});
