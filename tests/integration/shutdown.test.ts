/**
 * Stopping the production server (issue 20, item 6): the real process (`node --import tsx
 * server/index.ts`, the built app, an embedded database in a temporary folder) with 3,000
 * set-up links queued and a slow SMTP server. On SIGTERM it stops accepting connections,
 * finishes the message in hand and exits 0 within 10 seconds; every message the SMTP server
 * took is marked sent and every other one is still queued, due at once, for the next start.
 * The app is built first if `build/` has none (the sender and the shutdown path are not in the
 * build: server/index.ts loads them from src).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { openDatabase } from '../../src/lib/server/db';
import { outbox } from '../../src/lib/server/db/schema';
import { enqueueMails } from '../../src/lib/server/mail/outbox';
import { createMailSender } from '../../src/lib/server/mail/sender';
import { startSmtpServer, type TestSmtpServer } from '../smtp';

const QUEUED = 3_000;
let dataDir: string;
let smtp: TestSmtpServer;
let child: ChildProcess | null = null;

beforeAll(async () => {
	if (!existsSync('build/handler.js')) {
		const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
			stdio: 'inherit',
			timeout: 600_000
		});
		if (built.status !== 0) throw new Error('the app could not be built for this test');
	}
	dataDir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-shutdown-'));
	const handle = await openDatabase({
		dataDir: path.join(dataDir, 'pglite'),
		migrationsDir: 'drizzle'
	});
	for (let start = 0; start < QUEUED; start += 500)
		await enqueueMails({
			db: handle.db,
			mails: Array.from({ length: 500 }, (_, i) => ({
				to: `person.${start + i + 1}@unit.example.test`,
				purpose: 'account-invite' as const,
				subject: `Set up your Roundtable account (${start + i + 1})`,
				text: 'Choose your password with this link.'
			}))
		});
	await handle.close();
	smtp = await startSmtpServer({ delayMs: 700 });
}, 660_000);

afterAll(async () => {
	if (child && child.exitCode === null) child.kill('SIGKILL');
	await smtp?.close();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe('SIGTERM', () => {
	it('stops accepting, finishes the message in hand, exits within 10 s, and leaves the unsent mail queued', async () => {
		const env: NodeJS.ProcessEnv = {
			...process.env,
			NODE_ENV: 'production',
			DATA_DIR: dataDir,
			PORT: '0',
			HOST: '127.0.0.1',
			SMTP_URL: smtp.url
		};
		for (const name of ['DATABASE_URL', 'ORIGIN', 'REDIS_URL', 'PROTOCOL_HEADER']) delete env[name];
		const started = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
			env,
			stdio: ['ignore', 'pipe', 'pipe']
		});
		child = started;
		let output = '';
		started.stdout!.on('data', (chunk) => (output += chunk));
		started.stderr!.on('data', (chunk) => (output += chunk));
		const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
			started.once('exit', (code) => resolve({ code, at: performance.now() }))
		);

		// Listening, and sending: a few messages have gone, one is in hand.
		const end = Date.now() + 120_000;
		while (!/listening on (\S+)/.test(output) || smtp.received.length < 3) {
			if (Date.now() > end || started.exitCode !== null)
				throw new Error(`the server did not start sending: ${output}`);
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		const url = /listening on (\S+)/.exec(output)![1];
		expect((await fetch(`${url}/health`)).status).toBe(200);

		const asked = performance.now();
		started.kill('SIGTERM');
		// It no longer accepts connections while it finishes the message in hand.
		await new Promise((resolve) => setTimeout(resolve, 150));
		await expect(fetch(`${url}/health`)).rejects.toThrow();
		const { code, at } = await exited;
		const tookMs = at - asked;
		expect(code).toBe(0);
		expect(tookMs).toBeLessThan(10_000);
		expect(output).toContain('SIGTERM: Roundtable is stopping (unsent mail stays queued).');

		// Nothing lost: what the SMTP server took is sent, everything else queued and due now.
		const received = smtp.received.length;
		expect(received).toBeGreaterThan(0);
		expect(received).toBeLessThan(QUEUED);
		const handle = await openDatabase({
			dataDir: path.join(dataDir, 'pglite'),
			migrationsDir: 'drizzle'
		});
		try {
			const rows = await handle.db
				.select({ state: outbox.state, n: sql<number>`count(*)::int` })
				.from(outbox)
				.groupBy(outbox.state);
			expect(Object.fromEntries(rows.map((r) => [r.state, r.n]))).toEqual({
				sent: received,
				queued: QUEUED - received
			});
			const [waiting] = await handle.db
				.select({ n: sql<number>`count(*)::int` })
				.from(outbox)
				.where(and(eq(outbox.state, 'queued'), sql`${outbox.nextAttemptAt} > now()`));
			expect(waiting.n).toBe(0);

			// After a restart (a sender on the same database) the rest goes out, none twice.
			const fast = await startSmtpServer();
			const sender = createMailSender({ db: handle.db, smtpUrl: fast.url, batchSize: 5 });
			sender.start(60_000);
			const until = Date.now() + 20_000;
			while (fast.received.length < 5 && Date.now() < until)
				await new Promise((resolve) => setTimeout(resolve, 20));
			await sender.stop();
			await fast.close();
			expect(fast.received.length).toBeGreaterThanOrEqual(5);
			const before = new Set(smtp.received.map((m) => m.subject));
			expect(fast.received.some((m) => before.has(m.subject))).toBe(false);
		} finally {
			await handle.close();
		}
	}, 180_000);
});
