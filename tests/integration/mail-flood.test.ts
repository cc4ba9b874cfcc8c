/**
 * Mail floods and stalls (issue 20, item 6), with a real SMTP server: meeting mail goes before
 * bulk mail — with 2,000 set-up links queued and then one cancellation, the cancellation is
 * the first message out, and a 24-hour plan queued during the flood overtakes what is left of
 * it; the sender asked to stop mid-flood stops within a second, and everything unsent stays
 * queued, due now, its attempt not counted, for the next start to send. Each purpose has its
 * priority, and the migration gave rows already queued theirs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { mailPriorities, outbox } from '../../src/lib/server/db/schema';
import { mailPurposes } from '../../src/lib/domain/vocabulary';
import { enqueueMail, enqueueMails, type QueuedMail } from '../../src/lib/server/mail/outbox';
import { createMailSender } from '../../src/lib/server/mail/sender';
import { createTestDatabase } from '../factories';
import { startSmtpServer, type TestSmtpServer } from '../smtp';

let handle: DatabaseHandle;
let smtp: TestSmtpServer;

beforeAll(async () => {
	handle = await createTestDatabase();
	smtp = await startSmtpServer();
});

afterAll(async () => {
	await smtp?.close();
	await handle?.close();
});

const setUpLink = (n: number): QueuedMail => ({
	to: `person.${n}@unit.example.test`,
	purpose: 'account-invite',
	subject: `Set up your Roundtable account (${n})`,
	text: 'Choose your password with this link.'
});

async function until(condition: () => boolean, what: string, withinMs = 20_000) {
	const end = Date.now() + withinMs;
	while (!condition()) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 10));
	}
}

async function states() {
	const rows = await handle.db
		.select({ state: outbox.state, n: sql<number>`count(*)::int` })
		.from(outbox)
		.groupBy(outbox.state);
	return Object.fromEntries(rows.map((r) => [r.state, r.n]));
}

describe('a flood of set-up links', () => {
	it('sends a cancellation queued after 2,000 set-up links first, lets a 24-hour plan queued mid-flood overtake the rest, and stops within a second with the rest still queued', async () => {
		const { db } = handle;
		const FLOOD = 2_000;
		for (let start = 0; start < FLOOD; start += 500)
			await enqueueMails({
				db,
				mails: Array.from({ length: 500 }, (_, i) => setUpLink(start + i + 1))
			});
		await enqueueMail({
			db,
			mail: {
				to: 'police@example.test',
				purpose: 'cancellation',
				subject: 'Cancelled: the meeting on Thursday 14 January at 10:00',
				text: 'The meeting is cancelled.'
			}
		});

		const sender = createMailSender({ db, smtpUrl: smtp.url, batchSize: 20 });
		sender.start(60_000);
		await until(() => smtp.received.length >= 30, '30 messages');
		expect(smtp.received[0].subject).toBe('Cancelled: the meeting on Thursday 14 January at 10:00');
		expect(smtp.received.slice(1, 30).every((m) => m.subject?.startsWith('Set up'))).toBe(true);
		// Then the oldest bulk mail: the first 500 were queued first.
		const number = (subject = '') => Number(/\((\d+)\)/.exec(subject)?.[1]);
		expect(smtp.received.slice(1, 30).every((m) => number(m.subject) <= 500)).toBe(true);

		// The 24-hour plan, queued while the flood goes out, waits for one batch at most.
		const queuedAt = smtp.received.length;
		await enqueueMail({
			db,
			mail: {
				to: 'edt@council.example.test',
				purpose: 'circulation',
				subject: 'The 24-hour plan',
				text: 'The plan is attached.'
			}
		});
		await until(
			() => smtp.received.some((m) => m.subject === 'The 24-hour plan'),
			'the 24-hour plan'
		);
		const planAt = smtp.received.findIndex((m) => m.subject === 'The 24-hour plan');
		expect(planAt - queuedAt).toBeLessThanOrEqual(20 + 1);

		// Stop mid-flood: within a second, after the message in hand.
		await until(() => smtp.received.length >= planAt + 10, 'more of the flood');
		const asked = performance.now();
		await sender.stop();
		const stoppedMs = performance.now() - asked;
		expect(stoppedMs).toBeLessThan(1_000);
		const sentCount = smtp.received.length;
		expect(sentCount).toBeLessThan(FLOOD);
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(smtp.received.length).toBe(sentCount); // nothing after the stop

		// What went out is marked sent; the rest is queued, due now, its attempt not counted.
		expect(await states()).toEqual({ sent: sentCount, queued: FLOOD + 2 - sentCount });
		const [leased] = await db
			.select({ n: sql<number>`count(*)::int` })
			.from(outbox)
			.where(
				and(
					eq(outbox.state, 'queued'),
					sql`(${outbox.nextAttemptAt} > now() or ${outbox.attempts} <> 0)`
				)
			);
		expect(leased.n).toBe(0);

		// The next start takes up where this one stopped.
		const next = createMailSender({ db, smtpUrl: smtp.url, batchSize: 5 });
		next.start(60_000);
		await until(() => smtp.received.length >= sentCount + 5, 'the next start');
		await next.stop();
		expect(smtp.received[sentCount].subject).toMatch(/^Set up your Roundtable account \(\d+\)$/);
		const sentSubjects = new Set(smtp.received.map((m) => m.subject));
		expect(sentSubjects.size).toBe(smtp.received.length); // none twice
	});

	it('takes the highest priority first, then the oldest', async () => {
		const { db } = handle;
		await db.delete(outbox);
		const before = smtp.received.length;
		const order: [QueuedMail['purpose'], string][] = [
			['account-invite', 'bulk, oldest'],
			['report-chaser', 'bulk, newer'],
			['invitation', 'meeting, older'],
			['reminder', 'meeting, newer'],
			['update', 'change, older'],
			['circulation', 'change, newer']
		];
		for (const [purpose, subject] of order)
			await enqueueMail({ db, mail: { to: 'a@example.test', purpose, subject, text: '.' } });
		const sender = createMailSender({ db, smtpUrl: smtp.url });
		expect(await sender.sendDue()).toEqual({ sent: 6, retried: 0, failed: 0 });
		await sender.stop();
		expect(smtp.received.slice(before).map((m) => m.subject)).toEqual([
			'change, older',
			'change, newer',
			'meeting, older',
			'meeting, newer',
			'bulk, oldest',
			'bulk, newer'
		]);
	});
});

describe('the priority column', () => {
	it('every purpose has a priority, and the migration gave rows already queued theirs', async () => {
		expect(Object.keys(mailPriorities).sort()).toEqual([...mailPurposes].sort());
		// The purposes that existed when the priority column came (later ones are born with it).
		const since0018: readonly string[] = [
			'advocacy-notice',
			'message-waiting',
			'placing-authority-alert',
			'reg33-report',
			'exploitation-output'
		];
		const before0018 = mailPurposes.filter((p) => !since0018.includes(p));
		// Migrate a database up to the migration before, queue one of each, then migrate on.
		const dir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-priority-'));
		try {
			cpSync('drizzle', dir, { recursive: true });
			const journalPath = path.join(dir, 'meta', '_journal.json');
			const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as {
				entries: { tag: string }[];
			};
			const at = journal.entries.findIndex((e) => e.tag.endsWith('_outbox_priority'));
			expect(at).toBeGreaterThan(0);
			writeFileSync(
				journalPath,
				JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) })
			);
			const client = new PGlite();
			const db = drizzle(client);
			await migrate(db, { migrationsFolder: dir });
			for (const purpose of before0018)
				await client.query(
					`insert into outbox (id, recipient_email, purpose, subject, text_body) values ($1, 'a@example.test', $1, 's', 't')`,
					[purpose]
				);
			await migrate(db, { migrationsFolder: 'drizzle' });
			const { rows } = await client.query<{ id: string; priority: number }>(
				'select id, priority from outbox'
			);
			expect(Object.fromEntries(rows.map((r) => [r.id, r.priority]))).toEqual(
				Object.fromEntries(before0018.map((p) => [p, mailPriorities[p]]))
			);
			await client.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
