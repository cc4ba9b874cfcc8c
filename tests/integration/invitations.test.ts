/**
 * A meeting role must fit the account (issue 9, item 7): a parent's account is invited only as
 * a parent, and only to a meeting about their own children, so no parent reads another
 * family's record or anyone's restricted information. Real database, the real command.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { meetingParticipants, type User } from '../../src/lib/server/db/schema';
import type { MeetingRole } from '../../src/lib/domain/vocabulary';
import { createMeeting } from '../../src/lib/server/meetings/commands/create-meeting';
import { CommandError } from '../../src/lib/server/command-error';
import { inviteParticipant } from '../../src/lib/server/meetings/commands/invite-participant';
import { invitablePeople } from '../../src/lib/server/meetings/invitable-people';
import { meetingForViewer } from '../../src/lib/server/meetings/queries';
import { createTestDatabase, makeFamily, makeUnit, makeUser, sessionOf } from '../factories';

let handle: DatabaseHandle;
let admin: User;
let dawn: User;
let jordan: User;
let police: User;
let meetingId: string;

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	admin = await makeUser(db, { role: 'admin', unitId: unit.id, name: 'Alan Admin' });
	const chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Priya Chair' });
	dawn = await makeUser(db, { role: 'parent', name: 'Dawn Walker' });
	jordan = await makeUser(db, { role: 'parent', name: 'Jordan Price' });
	police = await makeUser(db, { role: 'professional', name: 'PC Jo Reid' });
	const walkers = await makeFamily(db, {
		unitId: unit.id,
		name: 'Walker family',
		children: ['Chrissie', 'Leo'],
		parents: [{ userId: dawn.id, relationship: 'Mum' }]
	});
	await makeFamily(db, {
		unitId: unit.id,
		name: 'Price family',
		children: ['Mia'],
		parents: [{ userId: jordan.id, relationship: 'Dad' }]
	});
	const meeting = await createMeeting({
		db,
		scheduler: sessionOf(admin),
		kind: 'initial-conference',
		title: 'ICPC',
		scheduledAt: new Date('2027-01-06T10:00:00Z'),
		childIds: walkers.children.map((c) => c.id),
		chairId: chair.id
	});
	meetingId = meeting.id;
});

afterAll(async () => {
	await handle?.close();
});

function invite(user: User, role: MeetingRole) {
	return inviteParticipant({
		db: handle.db,
		actorId: admin.id,
		meetingId,
		userId: user.id,
		name: null,
		role,
		agencyId: null,
		voting: role === 'professional',
		reportRequested: false
	});
}

async function refusal(
	attempt: Promise<unknown>
): Promise<{ field: string | undefined; message: string }> {
	const problem = await attempt.then(
		() => null,
		(error: unknown) => error
	);
	expect(problem).toBeInstanceOf(CommandError);
	const { field, message } = problem as CommandError;
	return { field, message };
}

describe('inviting a person with an account', () => {
	it("refuses another family's parent as a professional (the form's old default), as an observer, and as a parent", async () => {
		expect(await refusal(invite(jordan, 'professional'))).toEqual({
			field: 'role',
			message:
				"Jordan Price has a parent's account: invite them as a parent or carer, and only to a meeting about their own children."
		});
		expect((await refusal(invite(jordan, 'observer'))).field).toBe('role');
		expect(await refusal(invite(jordan, 'parent'))).toEqual({
			field: 'userId',
			message:
				'Jordan Price is not a parent or carer of a child this meeting is about, so they cannot be invited to it.'
		});
		// Nothing was written, so Jordan cannot see the meeting, its record or its restricted information.
		const rows = await handle.db
			.select()
			.from(meetingParticipants)
			.where(
				and(eq(meetingParticipants.meetingId, meetingId), eq(meetingParticipants.userId, jordan.id))
			);
		expect(rows).toEqual([]);
		expect(
			await meetingForViewer({ db: handle.db, user: sessionOf(jordan), meetingId })
		).toBeNull();
	});

	it("refuses the children's own parent as a professional, and accepts them as a parent", async () => {
		expect((await refusal(invite(dawn, 'professional'))).field).toBe('role');
		const row = await invite(dawn, 'parent');
		expect(row).toMatchObject({ userId: dawn.id, role: 'parent', voting: false });
		expect(
			(await meetingForViewer({ db: handle.db, user: sessionOf(dawn), meetingId }))?.role
		).toBe('parent');
	});

	it('refuses a professional as a parent or as the chair, and accepts them as a professional', async () => {
		expect(await refusal(invite(police, 'parent'))).toEqual({
			field: 'role',
			message:
				'PC Jo Reid cannot be invited as parent or carer: choose professional, advocate, observer or interpreter.'
		});
		expect((await refusal(invite(police, 'chair'))).field).toBe('role');
		expect(await invite(police, 'professional')).toMatchObject({
			role: 'professional',
			voting: true
		});
	});

	it('still invites someone without an account by name, in any role', async () => {
		const carer = await inviteParticipant({
			db: handle.db,
			actorId: admin.id,
			meetingId,
			userId: null,
			name: 'Carol Hughes (foster carer)',
			role: 'parent',
			agencyId: null,
			voting: false,
			reportRequested: false
		});
		expect(carer).toMatchObject({ userId: null, role: 'parent' });
	});

	it("offers in the form only parents of this meeting's children, each person with the roles that fit (the usual one first)", async () => {
		const people = await invitablePeople({ db: handle.db, meetingId });
		const byName = Object.fromEntries(people.map((p) => [p.name, p.roles]));
		expect(byName['Jordan Price']).toBeUndefined();
		expect(byName['Dawn Walker']).toEqual(['parent']);
		expect(byName['PC Jo Reid']?.[0]).toBe('professional');
		expect(byName['Alan Admin']?.[0]).toBe('minute-taker');
	});

	it("offers and accepts only the unit's own staff, never another unit's (issue 15)", async () => {
		const elsewhere = await makeUnit(handle.db, 'Another safeguarding unit');
		const otherChair = await makeUser(handle.db, {
			role: 'chair',
			unitId: elsewhere.id,
			name: 'Olga Otherunit'
		});
		const otherManager = await makeUser(handle.db, {
			role: 'manager',
			unitId: elsewhere.id,
			name: 'Mo Othermanager'
		});
		const names = (await invitablePeople({ db: handle.db, meetingId })).map((p) => p.name);
		expect(names).not.toContain('Olga Otherunit');
		expect(names).not.toContain('Mo Othermanager');
		expect(names).toEqual(expect.arrayContaining(['Alan Admin', 'Priya Chair', 'PC Jo Reid']));
		// Answered as a missing id, whatever the role asked (issue 20): nothing names them.
		for (const role of ['observer', 'professional', 'chair'] as const) {
			expect(await refusal(invite(otherChair, role))).toEqual({
				field: 'userId',
				message: 'Choose a person from the list.'
			});
		}
		expect(await refusal(invite(otherManager, 'observer'))).toEqual({
			field: 'userId',
			message: 'Choose a person from the list.'
		});
		expect(
			await meetingForViewer({ db: handle.db, user: sessionOf(otherChair), meetingId })
		).toBeNull();
	});

	it('never offers, accepts or names a professional or parent another unit made (issue 20)', async () => {
		const elsewhere = await makeUnit(handle.db, 'Northfield unit');
		const theirGp = await makeUser(handle.db, {
			role: 'professional',
			unitId: elsewhere.id,
			name: 'Dr Fern Elsewhere',
			email: 'fern@elsewhere.test'
		});
		const theirParent = await makeUser(handle.db, {
			role: 'parent',
			unitId: elsewhere.id,
			name: 'Pat Elsewhere'
		});
		const names = (await invitablePeople({ db: handle.db, meetingId })).map((p) => p.name);
		expect(names).not.toContain('Dr Fern Elsewhere');
		expect(names).not.toContain('Pat Elsewhere');
		for (const [account, role] of [
			[theirGp, 'professional'],
			[theirGp, 'parent'],
			[theirParent, 'parent'],
			[theirParent, 'professional']
		] as const)
			expect(await refusal(invite(account, role))).toEqual({
				field: 'userId',
				message: 'Choose a person from the list.'
			});
		// Typing their address instead names a place that waits for its own set-up link (an
		// address is unique within a unit): the other unit's account is neither named nor linked.
		const byAddress = await inviteParticipant({
			db: handle.db,
			actorId: admin.id,
			meetingId,
			userId: null,
			name: 'Fern',
			email: 'fern@elsewhere.test',
			role: 'professional',
			agencyId: null,
			voting: true,
			reportRequested: false
		});
		expect(byAddress.userId).toBeNull();
		expect(byAddress.name).toBe('Fern');
		expect(
			await meetingForViewer({ db: handle.db, user: sessionOf(theirGp), meetingId })
		).toBeNull();
	});
});
