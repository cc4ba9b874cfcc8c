/**
 * `npm run demo` queues the mail of the demo's scheduled meetings when it loads them (issue 11):
 * their invitations and report requests (dated when the meetings were arranged), then what has
 * fallen due — reminders, the chaser for the GP's late report — so the demo's /outbox shows
 * them. Loading the demo again queues nothing twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { outbox, users } from '../../src/lib/server/db/schema';
import { outboxForViewer } from '../../src/lib/server/mail/outbox-view';
import { lateReportsForViewer } from '../../src/lib/server/mail/report-requests';
import { demoIds, seedDemo } from '../../server/seed/demo';
import { createTestDatabase } from '../factories';

let handle: DatabaseHandle;
// Wednesday 2 December 2026, 08:00: before the initial conference at 10:00.
const today = new Date('2026-12-02T08:00:00Z');

async function counts() {
	const rows = await handle.db
		.select({ purpose: outbox.purpose, meetingId: outbox.meetingId, to: outbox.recipientEmail })
		.from(outbox);
	const byPurpose: Record<string, number> = {};
	for (const row of rows) byPurpose[row.purpose] = (byPurpose[row.purpose] ?? 0) + 1;
	return { byPurpose, rows };
}

beforeAll(async () => {
	handle = await createTestDatabase();
	await seedDemo({ db: handle.db, today });
});

afterAll(async () => {
	await handle?.close();
});

describe("the demo's outbox", () => {
	it('holds the invitations and report requests of its scheduled meetings, and the reminders and chaser due today', async () => {
		const { byPurpose, rows } = await counts();
		// Invitations: everyone with an account on the five scheduled meetings, but the chair (put on the list, not invited).
		// Reminders: the conference today and the core group (the review on Monday 7 December is three
		// working days away, a day before its reminder), and the chair's for the strategy meeting
		// tomorrow and Tyler's missing from home meeting today (server/seed/demo-linked-meetings.ts).
		// Circulation: the first review's final notes, sent weeks ago to the chair, the social worker, the health visitor and Mum (the teacher has no address).
		expect(byPurpose).toEqual({
			circulation: 4,
			invitation: 13,
			reminder: 8,
			'report-request': 1,
			'report-chaser': 1,
			// The Regulation 33 visits' reports, sent at the time (server/seed/demo-homes.ts).
			'reg33-report': 5,
			// The exploitation group's output for Tyler, sent to his case holder weeks ago (issue 25).
			'exploitation-output': 1
		});
		const gp = rows
			.filter((row) => row.to === 'gp@demo.test' && row.meetingId === demoIds.icpc)
			.map((row) => row.purpose)
			.sort();
		expect(gp).toEqual(['invitation', 'report-chaser', 'report-request']); // apologies sent: no reminder
		expect(rows.some((row) => row.meetingId === demoIds.miaConference)).toBe(false); // already live
		expect(rows.some((row) => row.to === 'chair@demo.test' && row.purpose === 'invitation')).toBe(
			false
		);
	});

	it('shows them to business support at /outbox, invitations dated when the meetings were arranged', async () => {
		const [admin] = await handle.db.select().from(users).where(eq(users.email, 'admin@demo.test'));
		const messages = (await outboxForViewer({ db: handle.db, viewer: admin }))!;
		expect(new Set(messages.map((m) => m.purpose))).toEqual(
			new Set([
				'invitation',
				'reminder',
				'report-request',
				'report-chaser',
				'circulation',
				'exploitation-output'
			])
		);
		const invitation = messages.find((m) => m.purpose === 'invitation')!;
		expect(invitation.createdAt).toBe('2026-11-18T08:00:00.000Z');
		expect(invitation.attachments[0]).toMatchObject({ filename: 'meeting.ics' });
		const late = (await lateReportsForViewer({ db: handle.db, viewer: admin, now: today }))!;
		expect(late.map((r) => [r.name, r.meeting.id, r.state])).toEqual([
			['Dr Ravi Patel', demoIds.icpc, 'late']
		]);
	});

	it('queues nothing twice when the demo is loaded again, that day or the next', async () => {
		const before = (await counts()).byPurpose;
		await seedDemo({ db: handle.db, today });
		expect((await counts()).byPurpose).toEqual(before);
		await seedDemo({ db: handle.db, today: new Date('2026-12-03T08:00:00Z') });
		const after = (await counts()).byPurpose;
		expect(after.invitation).toBe(13);
		expect(after['report-request']).toBe(1);
		expect(after['report-chaser']).toBe(1);
	});
});
