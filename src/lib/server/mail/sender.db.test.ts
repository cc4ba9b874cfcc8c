/**
 * The outbox and its sender against a real SMTP server (issue 11): a queued message with an
 * attachment arrives; while the server is down it stays queued with its error in plain words,
 * and goes out once the server is back; a new sender on the same database (a restart) loses
 * nothing and sends nothing twice; without SMTP_URL messages stay queued.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../db';
import { outbox } from '../db/schema';
import { enqueueMail, outboxMessage } from './outbox';
import { createMailSender } from './sender';
import { createTestDatabase } from '../../../../tests/factories';
import { startSmtpServer, type TestSmtpServer } from '../../../../tests/smtp';

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

const minutes = (n: number) => n * 60_000;

describe('the outbox sender', () => {
	it('delivers a queued message with its attachment, once', async () => {
		const { db } = handle;
		const queued = await enqueueMail({
			db,
			mail: {
				to: 'gp@example.test',
				purpose: 'invitation',
				subject: 'You are invited to a meeting',
				text: 'Hello',
				attachments: [
					{
						filename: 'meeting.ics',
						contentType: 'text/calendar; method=REQUEST',
						contentBase64: Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n').toString('base64')
					}
				]
			}
		});
		expect(queued.state).toBe('queued');
		const sender = createMailSender({
			db,
			smtpUrl: smtp.url,
			from: 'Roundtable <roundtable@unit.test>'
		});
		expect(await sender.sendDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
		expect(await sender.sendDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
		await sender.stop();

		expect(smtp.received).toHaveLength(1);
		const [mail] = smtp.received;
		expect(smtp.envelopes[0]).toEqual(['gp@example.test']);
		expect(mail.subject).toBe('You are invited to a meeting');
		expect(mail.from?.text).toContain('roundtable@unit.test');
		expect(mail.text?.trim()).toBe('Hello');
		expect(mail.attachments).toHaveLength(1);
		expect(mail.attachments[0].filename).toBe('meeting.ics');
		expect(mail.attachments[0].contentType).toBe('text/calendar');
		expect(mail.attachments[0].content.toString()).toBe('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');

		const row = await outboxMessage({ db, id: queued.id });
		expect(row?.state).toBe('sent');
		expect(row?.attempts).toBe(1);
		expect(row?.sentAt).toBeInstanceOf(Date);
		expect(row?.lastError).toBeNull();
	});

	it('keeps a message queued with its error while the server is down, survives a restart of the sender, and sends it once when the server is back', async () => {
		const { db } = handle;
		const before = smtp.received.length;
		const port = smtp.port;
		await smtp.close();

		const queued = await enqueueMail({
			db,
			mail: {
				to: 'police@example.test',
				purpose: 'update',
				subject: 'The meeting has moved',
				text: 'New time'
			}
		});
		let clock = new Date();
		const first = createMailSender({ db, smtpUrl: `smtp://127.0.0.1:${port}`, now: () => clock });
		expect(await first.sendDue()).toEqual({ sent: 0, retried: 1, failed: 0 });
		const waiting = await outboxMessage({ db, id: queued.id });
		expect(waiting?.state).toBe('queued');
		expect(waiting?.attempts).toBe(1);
		expect(waiting?.lastError).toBe(
			'The mail server refused the connection (is it running?); it will be tried again.'
		);
		expect(waiting?.lastError).not.toContain('police@example.test');
		expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(clock.getTime());
		// Not due yet: a second round now does not try again.
		expect(await first.sendDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
		await first.stop(); // the process ends

		// The server comes back on the same port; a new process starts a new sender.
		smtp = await startSmtpServer({ port, into: smtp });
		clock = new Date(clock.getTime() + minutes(2));
		const second = createMailSender({ db, smtpUrl: smtp.url, now: () => clock });
		expect(await second.sendDue()).toEqual({ sent: 1, retried: 0, failed: 0 });
		expect(await second.sendDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
		clock = new Date(clock.getTime() + minutes(60));
		expect(await second.sendDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
		await second.stop();

		expect(smtp.received.length - before).toBe(1);
		expect(smtp.received.at(-1)?.subject).toBe('The meeting has moved');
		const sent = await outboxMessage({ db, id: queued.id });
		expect(sent).toMatchObject({ state: 'sent', attempts: 2, lastError: null });
	});

	it('two senders on one database deliver each message exactly once', async () => {
		const { db } = handle;
		const before = smtp.received.length;
		const ids: string[] = [];
		for (let i = 0; i < 6; i++) {
			ids.push(
				(
					await enqueueMail({
						db,
						mail: {
							to: `person${i}@example.test`,
							purpose: 'reminder',
							subject: `Reminder ${i}`,
							text: 'Soon'
						}
					})
				).id
			);
		}
		const a = createMailSender({ db, smtpUrl: smtp.url, batchSize: 2 });
		const b = createMailSender({ db, smtpUrl: smtp.url, batchSize: 2 });
		const [ra, rb] = await Promise.all([a.sendDue(), b.sendDue()]);
		await Promise.all([a.stop(), b.stop()]);
		expect(ra.sent + rb.sent).toBe(6);
		const subjects = smtp.received
			.slice(before)
			.map((m) => m.subject)
			.sort();
		expect(subjects).toEqual([
			'Reminder 0',
			'Reminder 1',
			'Reminder 2',
			'Reminder 3',
			'Reminder 4',
			'Reminder 5'
		]);
		for (const id of ids) expect((await outboxMessage({ db, id }))?.attempts).toBe(1);
	});

	it('leaves messages queued when no SMTP server is configured', async () => {
		const { db } = handle;
		const queued = await enqueueMail({
			db,
			mail: { to: 'parent@example.test', purpose: 'invitation', subject: 'Invited', text: 'Hello' }
		});
		const sender = createMailSender({ db, smtpUrl: null });
		expect(await sender.sendDue()).toEqual({ sent: 0, retried: 0, failed: 0 });
		await sender.stop();
		const [row] = await db.select().from(outbox).where(eq(outbox.id, queued.id));
		expect(row).toMatchObject({ state: 'queued', attempts: 0, lastError: null });
	});
});
