/**
 * Moving and cancelling a meeting (issue 11): only its chair or the unit's business support
 * (anyone else: not found); a reason is required and a time in the past refused, each with a
 * message; the calendar SEQUENCE rises and everyone invited is sent an update or a
 * cancellation carrying the same UID — and neither the reason nor a child's name.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { meetingCalendar, meetings, outbox, type User } from '../../src/lib/server/db/schema';
import { createMeeting } from '../../src/lib/server/meetings/commands/create-meeting';
import { inviteParticipant } from '../../src/lib/server/meetings/commands/invite-participant';
import {
	cancelMeeting,
	rescheduleMeeting
} from '../../src/lib/server/meetings/commands/change-meeting-date';
import { CommandError } from '../../src/lib/server/command-error';
import { createTestDatabase, makeFamily, makeUnit, makeUser, sessionOf } from '../factories';

let handle: DatabaseHandle;
let admin: User;
let chair: User;
let otherChair: User;
let police: User;
let dawn: User;
let meetingId: string;
const now = new Date('2027-01-01T09:00:00Z');
const reason = "Chrissie's school trip clashes with the meeting";

function calendarOf(contentBase64: string) {
	const calendar = new ICAL.Component(
		ICAL.parse(Buffer.from(contentBase64, 'base64').toString('utf8'))
	);
	for (const zone of calendar.getAllSubcomponents('vtimezone'))
		ICAL.TimezoneService.register(new ICAL.Timezone(zone));
	const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
	return {
		method: calendar.getFirstPropertyValue('method'),
		uid: event.uid,
		sequence: event.sequence,
		start: event.startDate.toJSDate().toISOString()
	};
}

async function refusal(attempt: Promise<unknown>) {
	const problem = await attempt.then(
		() => null,
		(error: unknown) => error
	);
	expect(problem).toBeInstanceOf(CommandError);
	const { status, message } = problem as CommandError;
	return { status, message };
}

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	otherChair = await makeUser(db, { role: 'chair', unitId: unit.id });
	police = await makeUser(db, { role: 'professional', email: 'jo.reid@police.example.test' });
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
		title: 'Review for Chrissie and Leo',
		scheduledAt: new Date('2027-01-14T10:00:00Z'),
		childIds: walkers.children.map((c) => c.id),
		chairId: chair.id
	});
	meetingId = meeting.id;
	for (const [user, role] of [
		[police, 'professional'],
		[dawn, 'parent']
	] as const) {
		await inviteParticipant({
			db,
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
});

afterAll(async () => {
	await handle?.close();
});

describe('moving a meeting', () => {
	it('is not found for anyone but its chair and business support', async () => {
		for (const user of [police, dawn, otherChair]) {
			expect(
				(
					await refusal(
						rescheduleMeeting({
							db: handle.db,
							user: sessionOf(user),
							meetingId,
							scheduledAt: new Date('2027-01-21T10:00:00Z'),
							reason,
							now
						})
					)
				).status
			).toBe(404);
			expect(
				(
					await refusal(
						cancelMeeting({ db: handle.db, user: sessionOf(user), meetingId, reason, now })
					)
				).status
			).toBe(404);
		}
	});

	it('needs a reason and a time that has not passed', async () => {
		const user = sessionOf(chair);
		expect(
			await refusal(
				rescheduleMeeting({
					db: handle.db,
					user,
					meetingId,
					scheduledAt: new Date('2027-01-21T10:00:00Z'),
					reason: '  ',
					now
				})
			)
		).toEqual({
			status: 400,
			message: 'Say why, so everyone invited knows: the reason is kept with the meeting.'
		});
		expect(
			await refusal(
				rescheduleMeeting({
					db: handle.db,
					user,
					meetingId,
					scheduledAt: new Date('2026-12-21T10:00:00Z'),
					reason,
					now
				})
			)
		).toEqual({ status: 400, message: 'Choose a time that has not passed yet.' });
		expect(
			await refusal(
				rescheduleMeeting({
					db: handle.db,
					user,
					meetingId,
					scheduledAt: new Date(NaN),
					reason,
					now
				})
			)
		).toEqual({ status: 400, message: 'Enter a real date and time.' });
		expect(
			(await refusal(cancelMeeting({ db: handle.db, user, meetingId, reason: '', now }))).status
		).toBe(400);
		const [meeting] = await handle.db.select().from(meetings).where(eq(meetings.id, meetingId));
		expect(meeting.scheduledAt.toISOString()).toBe('2027-01-14T10:00:00.000Z');
	});

	it('moves it, raises SEQUENCE and sends everyone invited an update with the same UID', async () => {
		const { db } = handle;
		const moved = await rescheduleMeeting({
			db,
			user: sessionOf(chair),
			meetingId,
			scheduledAt: new Date('2027-01-21T14:30:00Z'),
			reason,
			now
		});
		expect(moved.scheduledAt.toISOString()).toBe('2027-01-21T14:30:00.000Z');
		const [entry] = await db
			.select()
			.from(meetingCalendar)
			.where(eq(meetingCalendar.meetingId, meetingId));
		expect(entry).toMatchObject({ sequence: 1, changeReason: reason });
		const updates = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.meetingId, meetingId), eq(outbox.purpose, 'update')));
		// Everyone on the list with an account: the chair (added when it was scheduled), the police officer and Mum.
		expect(updates.map((m) => m.recipientEmail).sort()).toEqual(
			[chair.email, 'dawn@example.test', 'jo.reid@police.example.test'].sort()
		);
		for (const mail of updates) {
			expect(mail.subject).toBe(
				'A meeting you are invited to has moved to Thursday 21 January at 14:30'
			);
			expect(calendarOf(mail.attachments[0].contentBase64)).toEqual({
				method: 'REQUEST',
				uid: `meeting-${meetingId}@roundtable`,
				sequence: 1,
				start: '2027-01-21T14:30:00.000Z'
			});
			for (const text of [
				mail.subject,
				mail.textBody,
				Buffer.from(mail.attachments[0].contentBase64, 'base64').toString()
			]) {
				expect(text).not.toContain('Chrissie');
				expect(text).not.toContain('school trip');
			}
		}
	});

	it('cancels it: business support may, SEQUENCE rises again and everyone invited is sent METHOD:CANCEL', async () => {
		const { db } = handle;
		const cancelled = await cancelMeeting({
			db,
			user: sessionOf(admin),
			meetingId,
			reason: 'The family moved away',
			now
		});
		expect(cancelled.status).toBe('cancelled');
		const cancellations = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.meetingId, meetingId), eq(outbox.purpose, 'cancellation')));
		expect(cancellations).toHaveLength(3);
		for (const mail of cancellations) {
			expect(mail.subject).toBe('The meeting on Thursday 21 January at 14:30 is cancelled');
			expect(mail.attachments[0].contentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
			expect(calendarOf(mail.attachments[0].contentBase64)).toMatchObject({
				method: 'CANCEL',
				uid: `meeting-${meetingId}@roundtable`,
				sequence: 2
			});
		}
		expect(
			(
				await refusal(
					cancelMeeting({ db, user: sessionOf(admin), meetingId, reason: 'again', now })
				)
			).status
		).toBe(409);
		expect(
			(
				await refusal(
					rescheduleMeeting({
						db,
						user: sessionOf(chair),
						meetingId,
						scheduledAt: new Date('2027-02-01T10:00:00Z'),
						reason,
						now
					})
				)
			).status
		).toBe(409);
	});
});
