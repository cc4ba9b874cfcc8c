/**
 * Reminders and report requests (issue 11), over the weeks before one meeting on Thursday 14
 * January 2027 at 10:00: everyone invited is reminded on Tuesday 12 January (two working days
 * before); the GP, asked for a report, gets the request, a reminder on Thursday 7 January (two
 * working days before the deadline, Monday 11 January, over the weekend) and a chaser on Tuesday
 * 12 January when it has not come. Each is queued exactly once however often the scheduler runs
 * (or two at once); the meeting page's states and the unit's late list follow; a meeting that
 * moves is reminded of again. No email names a child.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { DatabaseHandle } from '../db';
import {
	agencies,
	meetingParticipants,
	outbox,
	reportRequests,
	scheduledMail,
	type User
} from '../db/schema';
import { createMeeting } from '../meetings/commands/create-meeting';
import { inviteParticipant } from '../meetings/commands/invite-participant';
import { recordAttendance } from '../meetings/commands/record-attendance';
import { rescheduleMeeting } from '../meetings/commands/change-meeting-date';
import { createMailScheduler, queueDueMail } from './scheduler';
import { lateReportsForViewer, reportRequestsForMeeting } from './report-requests';
import { enqueueMailOnce } from './outbox';
import {
	createTestDatabase,
	makeFamily,
	makeUnit,
	makeUser,
	sessionOf
} from '../../../../tests/factories';

let handle: DatabaseHandle;
let admin: User;
let chair: User;
let police: User;
let gp: User;
let dawn: User;
let meetingId: string;
let gpParticipantId: string;
let policeParticipantId: string;
let childIds: string[];

const at = (iso: string) => new Date(`${iso}T09:00:00Z`);
const none = { reminders: 0, reportRequests: 0, reportReminders: 0, reportChasers: 0 };

async function mailOf(purpose: string) {
	return handle.db
		.select()
		.from(outbox)
		.where(and(eq(outbox.meetingId, meetingId), eq(outbox.purpose, purpose as 'reminder')));
}

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	chair = await makeUser(db, { role: 'chair', unitId: unit.id, email: 'chair@unit.example.test' });
	police = await makeUser(db, { role: 'professional', email: 'jo.reid@police.example.test' });
	const [practice] = await db
		.insert(agencies)
		.values({ name: 'Riverside GP practice', kind: 'gp' })
		.returning();
	gp = await makeUser(db, {
		role: 'professional',
		name: 'Dr Ravi Patel',
		email: 'ravi.patel@gp.example.test',
		agencyId: practice.id
	});
	dawn = await makeUser(db, { role: 'parent', email: 'dawn@example.test' });
	const walkers = await makeFamily(db, {
		unitId: unit.id,
		children: ['Chrissie', 'Leo'],
		parents: [{ userId: dawn.id, relationship: 'Mum' }]
	});
	const meeting = await createMeeting({
		db,
		scheduler: sessionOf(admin),
		kind: 'review-conference',
		title: 'Review for Chrissie and Leo Walker',
		scheduledAt: new Date('2027-01-14T10:00:00Z'),
		childIds: walkers.children.map((c) => c.id),
		chairId: chair.id
	});
	meetingId = meeting.id;
	childIds = walkers.children.map((c) => c.id);
	for (const [user, role] of [
		[police, 'professional'],
		[gp, 'professional'],
		[dawn, 'parent']
	] as const) {
		const row = await inviteParticipant({
			db,
			actorId: admin.id,
			meetingId,
			userId: user.id,
			name: null,
			role,
			agencyId: null,
			voting: false,
			reportRequested: false
		});
		if (user === gp) gpParticipantId = row.id;
		if (user === police) policeParticipantId = row.id;
	}
	// Invited a month before; the report is asked of the GP from then on (the scheduler asks).
	await db
		.update(outbox)
		.set({ createdAt: at('2026-12-14') })
		.where(eq(outbox.meetingId, meetingId));
	await db
		.update(meetingParticipants)
		.set({ reportRequested: true })
		.where(eq(meetingParticipants.id, gpParticipantId));
});

afterAll(async () => {
	await handle?.close();
});

describe('the weeks before a meeting', () => {
	it('asks the GP for the report the first time the scheduler runs, once', async () => {
		const { db } = handle;
		expect(await queueDueMail({ db, now: at('2026-12-14') })).toEqual({
			...none,
			reportRequests: 1
		});
		expect(await queueDueMail({ db, now: at('2026-12-14') })).toEqual(none);
		const [request] = await mailOf('report-request');
		expect(request).toMatchObject({
			recipientEmail: 'ravi.patel@gp.example.test',
			userId: gp.id,
			state: 'queued'
		});
		expect(request.subject).toBe(
			'Please send a report for a meeting on Thursday 14 January at 10:00'
		);
		expect(request.textBody).toContain(
			"for the review child protection conference on Thursday 14 January 2027 at 10:00 (UK time). Please send it to the unit's business support by Monday 11 January 2027"
		);
		expect(request.textBody).toContain(`/meetings/${meetingId}`);
		const [row] = await db
			.select()
			.from(reportRequests)
			.where(eq(reportRequests.participantId, gpParticipantId));
		expect(row.askedAt.toISOString()).toBe('2026-12-14T09:00:00.000Z');
		expect(
			(await reportRequestsForMeeting({ db, meetingId, now: at('2026-12-14') })).map(
				({ name, agency, deadline, state, late }) => ({ name, agency, deadline, state, late })
			)
		).toEqual([
			{
				name: 'Dr Ravi Patel',
				agency: 'Riverside GP practice',
				deadline: '2027-01-11',
				state: 'asked',
				late: false
			}
		]);
	});

	it('queues nothing on the days nothing is due', async () => {
		for (const day of ['2026-12-15', '2027-01-04', '2027-01-06'])
			expect(await queueDueMail({ db: handle.db, now: at(day) })).toEqual(none);
	});

	it('reminds the GP of the report two working days before its deadline, once', async () => {
		const { db } = handle;
		expect(await queueDueMail({ db, now: at('2027-01-07') })).toEqual({
			...none,
			reportReminders: 1
		});
		expect(await queueDueMail({ db, now: at('2027-01-08') })).toEqual(none);
		const [reminder] = await mailOf('report-reminder');
		expect(reminder.recipientEmail).toBe('ravi.patel@gp.example.test');
		expect(reminder.subject).toBe(
			'Reminder: your report for the meeting on Thursday 14 January at 10:00 is due by Monday 11 January 2027'
		);
		expect(
			(await reportRequestsForMeeting({ db, meetingId, now: at('2027-01-07') }))[0].state
		).toBe('reminded');
	});

	it('reminds everyone invited two working days before, with the calendar file, except someone who sent apologies', async () => {
		const { db } = handle;
		await recordAttendance({
			db,
			actorId: admin.id,
			meetingId,
			participantId: policeParticipantId,
			attendance: 'apologies',
			reportReceived: false,
			reportSharedWithParents: false
		});
		// Two schedulers at once (two nodes): each reminder is queued once all the same.
		// Monday 11 January: the report's deadline, and no reminder yet.
		expect(await queueDueMail({ db, now: at('2027-01-11') })).toEqual(none);
		// Tuesday 12 January: the reminders, and the GP's chaser (the deadline has passed).
		const [first, second] = await Promise.all([
			queueDueMail({ db, now: at('2027-01-12') }),
			queueDueMail({ db, now: at('2027-01-12') })
		]);
		expect(first.reminders + second.reminders).toBe(3);
		expect(first.reportChasers + second.reportChasers).toBe(1);
		expect(await queueDueMail({ db, now: at('2027-01-12') })).toEqual(none);
		const reminders = await mailOf('reminder');
		expect(reminders.map((m) => m.recipientEmail).sort()).toEqual([
			'chair@unit.example.test',
			'dawn@example.test',
			'ravi.patel@gp.example.test'
		]);
		for (const mail of reminders) {
			expect(mail.subject).toBe('Reminder: a meeting on Thursday 14 January at 10:00');
			const ics = Buffer.from(mail.attachments[0].contentBase64, 'base64').toString('utf8');
			const calendar = new ICAL.Component(ICAL.parse(ics));
			const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
			expect([calendar.getFirstPropertyValue('method'), event.uid, event.sequence]).toEqual([
				'REQUEST',
				`meeting-${meetingId}@roundtable`,
				0
			]);
			for (const text of [mail.subject, mail.textBody, ics])
				for (const name of ['Chrissie', 'Leo', 'Walker']) expect(text).not.toContain(name);
		}
		const keys = await db
			.select()
			.from(scheduledMail)
			.where(and(eq(scheduledMail.meetingId, meetingId), eq(scheduledMail.purpose, 'reminder')));
		expect(keys).toHaveLength(3);
		expect(keys.every((key) => key.outboxId !== null && key.sequence === 0)).toBe(true);
	});

	it('chases the GP once the deadline has passed, and lists the report as late for the unit', async () => {
		const { db } = handle;
		// The day's first run queued the chaser with the reminders (above); the scheduler finds
		// nothing more to do however often it runs that day.
		const scheduler = createMailScheduler({ db, now: () => at('2027-01-12') });
		expect(await scheduler.runDue()).toEqual(none);
		expect(await scheduler.runDue()).toEqual(none);
		await scheduler.stop();
		const [chaser] = await mailOf('report-chaser');
		expect(chaser.subject).toBe(
			'Your report for the meeting on Thursday 14 January at 10:00 is late'
		);
		expect(chaser.textBody).toContain(
			'was due by Monday 11 January 2027 and has not reached the unit yet'
		);
		for (const text of [chaser.subject, chaser.textBody]) expect(text).not.toContain('Chrissie');
		const late = await lateReportsForViewer({
			db,
			viewer: sessionOf(admin),
			now: at('2027-01-12')
		});
		expect(
			late?.map((r) => ({
				name: r.name,
				meeting: r.meeting.id,
				state: r.state,
				chased: r.chasedAt !== null
			}))
		).toEqual([{ name: 'Dr Ravi Patel', meeting: meetingId, state: 'late', chased: true }]);
		expect(
			await lateReportsForViewer({ db, viewer: sessionOf(chair), now: at('2027-01-12') })
		).toHaveLength(1);
		expect(
			await lateReportsForViewer({ db, viewer: sessionOf(gp), now: at('2027-01-12') })
		).toBeNull();
		expect(
			await lateReportsForViewer({ db, viewer: sessionOf(admin), now: at('2027-01-08') })
		).toEqual([]);
	});

	it('stops once the report arrives: received, then shared with the parents', async () => {
		const { db } = handle;
		await recordAttendance({
			db,
			actorId: admin.id,
			meetingId,
			participantId: gpParticipantId,
			attendance: 'invited',
			reportReceived: true,
			reportSharedWithParents: false,
			now: at('2027-01-12')
		});
		expect(
			(await reportRequestsForMeeting({ db, meetingId, now: at('2027-01-13') }))[0]
		).toMatchObject({ state: 'received', late: false, receivedAt: '2027-01-12T09:00:00.000Z' });
		expect(
			await lateReportsForViewer({ db, viewer: sessionOf(admin), now: at('2027-01-13') })
		).toEqual([]);
		await recordAttendance({
			db,
			actorId: admin.id,
			meetingId,
			participantId: gpParticipantId,
			attendance: 'invited',
			reportReceived: true,
			reportSharedWithParents: true
		});
		expect(
			(await reportRequestsForMeeting({ db, meetingId, now: at('2027-01-13') }))[0].state
		).toBe('shared');
		expect(await queueDueMail({ db, now: at('2027-01-13') })).toEqual(none);
	});

	it('reminds everyone again of a meeting that moves, before its new date, and nothing after the meeting day', async () => {
		const { db } = handle;
		await rescheduleMeeting({
			db,
			user: sessionOf(chair),
			meetingId,
			scheduledAt: new Date('2027-01-21T10:00:00Z'),
			reason: 'The room is needed',
			now: at('2027-01-13')
		});
		await db
			.update(outbox)
			.set({ createdAt: at('2027-01-13') })
			.where(and(eq(outbox.meetingId, meetingId), eq(outbox.purpose, 'update')));
		expect(await queueDueMail({ db, now: at('2027-01-15') })).toEqual(none);
		expect(await queueDueMail({ db, now: at('2027-01-18') })).toEqual(none);
		// Tuesday 19 January: two working days before Thursday 21.
		expect(await queueDueMail({ db, now: at('2027-01-19') })).toEqual({ ...none, reminders: 3 });
		const keys = await db
			.select()
			.from(scheduledMail)
			.where(
				and(
					eq(scheduledMail.meetingId, meetingId),
					eq(scheduledMail.purpose, 'reminder'),
					eq(scheduledMail.sequence, 1)
				)
			);
		expect(keys).toHaveLength(3);
		expect((await mailOf('reminder')).filter((m) => m.subject.includes('21 January'))).toHaveLength(
			3
		);
		expect(await queueDueMail({ db, now: at('2027-01-22') })).toEqual(none);
	});
});

describe('inviting someone and asking for their report', () => {
	it('queues the request at once, beside the invitation', async () => {
		const { db } = handle;
		const soon = new Date(Date.now() + 40 * 86_400_000);
		const other = await createMeeting({
			db,
			scheduler: sessionOf(admin),
			kind: 'core-group',
			title: 'Core group',
			scheduledAt: soon,
			childIds,
			chairId: chair.id
		});
		await inviteParticipant({
			db,
			actorId: admin.id,
			meetingId: other.id,
			userId: gp.id,
			name: null,
			role: 'professional',
			agencyId: null,
			voting: false,
			reportRequested: true
		});
		const queued = await db.select().from(outbox).where(eq(outbox.meetingId, other.id));
		// The GP's invitation and request, and the chair's invitation (business support scheduled it).
		expect(queued.map((m) => m.purpose).sort()).toEqual([
			'invitation',
			'invitation',
			'report-request'
		]);
		expect(
			await db.select().from(reportRequests).where(eq(reportRequests.meetingId, other.id))
		).toHaveLength(1);
	});
});

describe('a key queued twice at once', () => {
	it('queues one email: the second transaction finds the key', async () => {
		const { db } = handle;
		const key = {
			meetingId,
			participantId: policeParticipantId,
			purpose: 'reminder' as const,
			sequence: 99
		};
		const build = () => ({
			to: 'jo.reid@police.example.test',
			purpose: 'reminder' as const,
			meetingId,
			subject: 'Once',
			text: 'Once'
		});
		const results = await Promise.all([
			enqueueMailOnce({ db, key, build }),
			enqueueMailOnce({ db, key, build }),
			enqueueMailOnce({ db, key, build })
		]);
		expect(results.filter((r) => r !== null)).toHaveLength(1);
		expect(
			await db
				.select()
				.from(outbox)
				.where(and(eq(outbox.meetingId, meetingId), eq(outbox.subject, 'Once')))
		).toHaveLength(1);
	});
});
