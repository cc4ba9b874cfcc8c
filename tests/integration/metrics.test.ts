/**
 * What an operator watches (issue 24): `/metrics` in the Prometheus format on a port of its own,
 * bound to this machine only, scraped while two people are in a meeting and one set-up link and
 * one cancellation wait in the outbox. Real database, real collaboration server on port 0,
 * stock y-websocket clients; the metrics server as server/index.ts starts it with METRICS_PORT.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { enqueueMails } from '../../src/lib/server/mail/outbox';
import { startMetricsServer, type MetricsServer } from '../../server/metrics';
import { createTestDatabase, makeMeeting, makeUnit, makeUser, signIn } from '../factories';
import {
	clientPool,
	startCollabServer,
	synced,
	typeParagraph,
	waitFor,
	type RunningServer
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
let metrics: MetricsServer;
const pool = clientPool();
let meetingId: string;
const tokens: string[] = [];
const participantIds: string[] = [];

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	const chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	const police = await makeUser(db, { role: 'professional' });
	const made = await makeMeeting(db, {
		unitId: unit.id,
		participants: [
			{ user: chair, role: 'chair' },
			{ user: police, role: 'professional' }
		]
	});
	meetingId = made.meeting.id;
	for (const user of [chair, police]) {
		tokens.push(await signIn(db, user.id));
		participantIds.push(made.participants.find((p) => p.userId === user.id)!.id);
	}
	await enqueueMails({
		db,
		mails: [
			{ to: 'a@example.test', purpose: 'account-invite', subject: 'Set up', text: 'Link.' },
			{ to: 'b@example.test', purpose: 'cancellation', subject: 'Cancelled', text: 'Sorry.' }
		]
	});
	server = await startCollabServer(db);
	metrics = await startMetricsServer({ db, collab: server.collab, port: 0, host: '127.0.0.1' });
});

afterAll(async () => {
	pool.closeAll();
	await metrics?.close();
	await server?.close();
	await handle?.close();
});

/** One metric's value (the first line with that name and labels). */
function valueOf(text: string, name: string): number {
	const line = text.split('\n').find((l) => l.startsWith(`${name} `));
	if (!line) throw new Error(`no ${name} in:\n${text.slice(0, 2000)}`);
	return Number(line.split(' ')[1]);
}

describe('/metrics', () => {
	it('is on its own port, on this machine only, and says what the server is doing', async () => {
		expect(metrics.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
		const clients = tokens.map((token) => pool.open({ url: server.url, meetingId, token }));
		await Promise.all(clients.map((c) => synced(c)));
		for (let i = 0; i < 5; i++)
			for (const [n, client] of clients.entries())
				typeParagraph(client.doc, `contribution:${participantIds[n]}`, `line ${i}`);
		await waitFor('updates applied', () => server.collab.stats.updatesApplied >= 10);

		const response = await fetch(metrics.url);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('text/plain');
		const text = await response.text();
		expect(valueOf(text, 'roundtable_collab_open_sockets')).toBe(2);
		expect(valueOf(text, 'roundtable_collab_loaded_meetings')).toBe(1);
		expect(valueOf(text, 'roundtable_collab_updates_applied_total')).toBeGreaterThanOrEqual(10);
		expect(valueOf(text, 'roundtable_write_behind_depth')).toBeGreaterThanOrEqual(0);
		expect(valueOf(text, 'roundtable_outbox_queued{priority="2"}')).toBe(1);
		expect(valueOf(text, 'roundtable_outbox_queued{priority="0"}')).toBe(1);
		expect(valueOf(text, 'roundtable_outbox_queued{priority="1"}')).toBe(0);
		expect(text).toContain('nodejs_eventloop_lag_p99_seconds');

		// The queue's writes are timed once it has written the edits.
		await waitFor('a timed write', async () => {
			const again = await (await fetch(metrics.url)).text();
			return valueOf(again, 'roundtable_write_behind_flush_seconds_count') > 0;
		});

		// The counter only grows, however often it is scraped.
		const later = await (await fetch(metrics.url)).text();
		expect(valueOf(later, 'roundtable_collab_updates_applied_total')).toBe(
			server.collab.stats.updatesApplied
		);
		// Nothing else is served there.
		expect((await fetch(metrics.url.replace('/metrics', '/'))).status).toBe(404);
	});
});
