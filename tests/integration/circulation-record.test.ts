/**
 * Circulation with proof (issue 13): the chair sends the 24-hour plan through the outbox as a
 * link behind sign-in to everyone on the distribution list (professionals the plan, the parent
 * the family's copy, the emergency duty team's address); with the SMTP server stopped the
 * record shows a failed delivery, and after it returns, its success; a recipient's first open
 * is recorded once; a parent may not circulate (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { agencies, meetingDocuments, outbox, type User } from '../../src/lib/server/db/schema';
import { endMeeting } from '../../src/lib/server/meetings/commands/end-meeting';
import {
	circulateDocument,
	circulationRecord,
	recordFirstOpen
} from '../../src/lib/server/circulation';
import { createMailSender } from '../../src/lib/server/mail/sender';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	noRegister,
	sessionOf
} from '../factories';
import { startSmtpServer, type TestSmtpServer } from '../smtp';

let handle: DatabaseHandle;
let chair: User, admin: User, sw: User, parent: User, otherAdmin: User;
let meetingId: string;
let smtp: TestSmtpServer | null = null;
beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	const other = await makeUnit(db, 'Another unit');
	chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Priya Shah' });
	admin = await makeUser(db, { role: 'admin', unitId: unit.id, name: 'Ali Admin' });
	otherAdmin = await makeUser(db, { role: 'admin', unitId: other.id });
	sw = await makeUser(db, { role: 'professional', name: 'Sam Okafor' });
	parent = await makeUser(db, { role: 'parent', name: 'Dawn Walker' });
	await db.insert(agencies).values({
		name: 'Emergency duty team',
		kind: 'emergency-duty',
		unitId: unit.id,
		email: 'edt@council.example.test'
	});
	const { children } = await makeFamily(db, {
		unitId: unit.id,
		children: ['Chrissie Walker'],
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
	const made = await makeMeeting(db, {
		unitId: unit.id,
		childIds: [children[0].id],
		participants: [
			{ user: chair, role: 'chair' },
			{ user: sw, role: 'professional' },
			{ user: parent, role: 'parent' }
		]
	});
	meetingId = made.meeting.id;
	// Held back at the end (issue 22), so this file sends the plan itself, as a chair would.
	await endMeeting({
		db,
		user: sessionOf(chair),
		meetingId,
		confirmation: noRegister,
		holdPlan: 'Checking the plan with the family first.'
	});
});

afterAll(async () => {
	await smtp?.close();
	await handle?.close();
});

async function documentOf(kind: string) {
	const [row] = await handle.db
		.select()
		.from(meetingDocuments)
		.where(eq(meetingDocuments.meetingId, meetingId))
		.then((rows) => rows.filter((r) => r.kind === kind));
	return row;
}

describe('circulating a meeting document', () => {
	it('refuses a parent, another unit, and a document of no meeting', async () => {
		const { db } = handle;
		const plan = await documentOf('plan-24h');
		for (const user of [parent, sw, otherAdmin])
			await expect(
				circulateDocument({ db, user: sessionOf(user), meetingId, documentId: plan.id })
			).rejects.toMatchObject({ status: 404 });
		await expect(
			circulateDocument({ db, user: sessionOf(admin), meetingId, documentId: 'nope' })
		).rejects.toMatchObject({ status: 400 });
		expect(await circulationRecord({ db, user: sessionOf(parent), meetingId })).toBeNull();
	});

	it('sends each recipient the copy they may read, as a link; a failed delivery and its later success show', async () => {
		const { db } = handle;
		const plan = await documentOf('plan-24h');
		const familyCopy = await documentOf('parent-plan');
		// A real SMTP server, stopped: the port refuses connections.
		const stopped = await startSmtpServer();
		const port = stopped.port;
		await stopped.close();
		let clock = new Date();
		const sender = createMailSender({ db, smtpUrl: `smtp://127.0.0.1:${port}`, now: () => clock });

		const { recipients } = await circulateDocument({
			db,
			user: sessionOf(chair),
			meetingId,
			documentId: plan.id
		});
		const byUser = new Map(recipients.map((r) => [r.userId, r]));
		expect(byUser.get(chair.id)?.documentId).toBe(plan.id);
		expect(byUser.get(sw.id)?.documentId).toBe(plan.id);
		expect(byUser.get(parent.id)?.documentId).toBe(familyCopy.id);
		expect(byUser.get(null)?.documentId).toBe(plan.id); // the emergency duty team's address
		expect(recipients).toHaveLength(4);
		const messages = await db.select().from(outbox).where(eq(outbox.meetingId, meetingId));
		for (const m of messages) {
			expect(m.purpose).toBe('circulation');
			// "an initial…", never "a initial…" (issue 21).
			expect(m.subject).toMatch(/^A document from an initial .* is ready for you$/);
			// No secure domains listed: each is a personal link with a one-time code (issue 22).
			expect(m.textBody).toMatch(/\/copies\/[a-z2-7]{32}\n/);
			expect(m.attachments).toEqual([]);
			expect(m.textBody).not.toContain('Chrissie');
		}

		clock = new Date(Date.now() + 1000); // queued a moment ago: due now
		expect((await sender.sendDue()).retried).toBe(4);
		let record = (await circulationRecord({ db, user: sessionOf(admin), meetingId }))!;
		const swEntry = () => record.find((e) => e.userId === sw.id)!;
		expect(swEntry()).toMatchObject({ state: 'queued', sentAt: null, version: 1 });
		expect(swEntry().lastError).toMatch(/refused the connection/);

		// The server comes back on the same port; the retry goes out.
		smtp = await startSmtpServer({ port });
		clock = new Date(clock.getTime() + 10 * 60_000);
		expect((await sender.sendDue()).sent).toBe(4);
		await sender.stop();
		record = (await circulationRecord({ db, user: sessionOf(admin), meetingId }))!;
		expect(swEntry()).toMatchObject({ state: 'sent', lastError: null, firstOpenedAt: null });
		expect(swEntry().sentAt).not.toBeNull();
		expect(smtp.envelopes.flat()).toContain('edt@council.example.test');
		expect(smtp.envelopes.flat()).toContain(parent.email);
	});

	it('sends nobody the same version twice: a second press reaches only who has no copy', async () => {
		const { db } = handle;
		const plan = await documentOf('plan-24h');
		const before = await db.select().from(outbox).where(eq(outbox.meetingId, meetingId));
		const again = await circulateDocument({
			db,
			user: sessionOf(chair),
			meetingId,
			documentId: plan.id
		});
		expect(again.recipients).toEqual([]);
		const after = await db.select().from(outbox).where(eq(outbox.meetingId, meetingId));
		expect(after).toHaveLength(before.length);
	});

	it('records the first open of a version once', async () => {
		const { db } = handle;
		const plan = await documentOf('plan-24h');
		const first = new Date('2026-11-26T09:00:00Z');
		await recordFirstOpen({ db, userId: sw.id, documentId: plan.id, now: first });
		await recordFirstOpen({
			db,
			userId: sw.id,
			documentId: plan.id,
			now: new Date('2026-11-27T09:00:00Z')
		});
		const record = (await circulationRecord({ db, user: sessionOf(chair), meetingId }))!;
		expect(record.find((e) => e.userId === sw.id)?.firstOpenedAt).toBe(first.toISOString());
		expect(record.find((e) => e.userId === chair.id)?.firstOpenedAt).toBeNull();
	});
});
