/**
 * Due dates that are kept (issue 13): End meeting dates the notes (15 working days) and the
 * 24-hour plan (one working day); business support's queue says how late each is in working
 * days; two working days before the notes are due the scheduler queues one reminder each to
 * business support and the chair through the outbox, once, however often it runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { meetingDocuments, outbox, type User } from '../../src/lib/server/db/schema';
import { endMeeting } from '../../src/lib/server/meetings/commands/end-meeting';
import { dueDocuments } from '../../src/lib/server/documents/due';
import { queueDueMail } from '../../src/lib/server/mail/scheduler';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	noRegister,
	sessionOf
} from '../factories';

let handle: DatabaseHandle;
let chair: User, admin: User;
let meetingId: string;
let unitId: string;
beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	unitId = unit.id;
	chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Priya Shah' });
	admin = await makeUser(db, { role: 'admin', unitId: unit.id, name: 'Ben Admin' });
	const { children } = await makeFamily(db, { unitId: unit.id, children: ['Chrissie Walker'] });
	// Friday 18 December 2026, 10:00 London: the notes are due Wednesday 13 January 2027.
	const made = await makeMeeting(db, {
		unitId: unit.id,
		childIds: [children[0].id],
		scheduledAt: new Date('2026-12-18T10:00:00Z'),
		participants: [{ user: chair, role: 'chair' }]
	});
	meetingId = made.meeting.id;
	await endMeeting({
		db,
		user: sessionOf(chair),
		meetingId,
		confirmation: noRegister,
		now: new Date('2026-12-18T11:30:00Z')
	});
});

afterAll(async () => {
	await handle?.close();
});

describe('due dates', () => {
	it('dates the notes 15 working days and the 24-hour plan one working day after the meeting', async () => {
		const rows = await handle.db
			.select({ kind: meetingDocuments.kind, dueBy: meetingDocuments.dueBy })
			.from(meetingDocuments)
			.where(eq(meetingDocuments.meetingId, meetingId));
		const due = Object.fromEntries(rows.map((r) => [r.kind, r.dueBy]));
		expect(due['notes']).toBe('2027-01-13');
		expect(due['plan-24h']).toBe('2026-12-21');
	});

	it('lists them for business support, outstanding first, saying how late in working days', async () => {
		const documents = await dueDocuments({ db: handle.db, unitId, today: '2027-01-18' });
		expect(documents.map((d) => d.kind)).toEqual(['notes', 'plan-24h']);
		expect(documents[1]).toMatchObject({
			state: 'final',
			workingDaysLate: 0,
			lateness: 'done',
			done: true
		});
		expect(documents[0]).toMatchObject({
			state: 'draft',
			dueBy: '2027-01-13',
			workingDaysLate: 3,
			lateness: '3 working days late',
			done: false
		});
	});

	it('reminds business support and the chair two working days before, once', async () => {
		const { db } = handle;
		const reminders = () =>
			db
				.select()
				.from(outbox)
				.where(and(eq(outbox.meetingId, meetingId), eq(outbox.purpose, 'document-due')));
		await queueDueMail({ db, now: new Date('2027-01-08T09:00:00Z') }); // three working days before
		expect(await reminders()).toHaveLength(0);
		await queueDueMail({ db, now: new Date('2027-01-11T09:00:00Z') }); // Monday: two before
		await queueDueMail({ db, now: new Date('2027-01-12T09:00:00Z') });
		const sent = await reminders();
		expect(sent.map((m) => m.recipientEmail).sort()).toEqual([admin.email, chair.email].sort());
		const [notes] = await db
			.select({ id: meetingDocuments.id })
			.from(meetingDocuments)
			.where(and(eq(meetingDocuments.meetingId, meetingId), eq(meetingDocuments.kind, 'notes')));
		for (const message of sent) {
			expect(message.documentId).toBe(notes.id);
			expect(message.textBody).toContain(`/meetings/${meetingId}/notes`);
			expect(message.textBody).not.toContain('Chrissie');
		}
	});
});
