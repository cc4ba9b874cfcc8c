/**
 * What an operator watches (issue 24): `/metrics` in the Prometheus text format (prom-client),
 * on a port of its own (METRICS_PORT) that listens on this machine only by default
 * (METRICS_HOST 127.0.0.1), never on the app's port — the figures say how busy the unit is.
 *
 *   roundtable_collab_open_sockets            sockets open now
 *   roundtable_collab_loaded_meetings         meetings with a channel loaded now
 *   roundtable_collab_updates_applied_total   updates from sockets applied (rate() = updates/s)
 *   roundtable_write_behind_depth             updates and audit entries waiting to be written
 *   roundtable_write_behind_flush_seconds     how long each write of the queue took
 *   roundtable_outbox_queued{priority}        mail waiting to be sent, by priority (2 first)
 *   nodejs_eventloop_lag_*, process_*, nodejs_heap_*   prom-client's defaults (event-loop delay, CPU, memory)
 */
import http from 'node:http';
import { sql } from 'drizzle-orm';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../src/lib/server/db';
import { outbox } from '../src/lib/server/db/schema';
import { writeBehindOf } from '../src/lib/server/records';
import type { CollabServer } from './collab';

export interface MetricsServer {
	/** http://host:port/metrics */
	url: string;
	close(): Promise<void>;
}

/** The process's metrics, read from the collaboration server and the database when scraped. */
export function createMetrics(props: { db: Database; collab: CollabServer }): Registry {
	const { db, collab } = props;
	const register = new Registry();
	collectDefaultMetrics({ register });
	new Gauge({
		name: 'roundtable_collab_open_sockets',
		help: 'Collaboration sockets open now.',
		registers: [register],
		collect() {
			this.set(collab.stats.sockets);
		}
	});
	new Gauge({
		name: 'roundtable_collab_loaded_meetings',
		help: 'Meetings with at least one live channel loaded now.',
		registers: [register],
		collect() {
			this.set(collab.stats.loadedMeetings);
		}
	});
	let counted = 0;
	new Counter({
		name: 'roundtable_collab_updates_applied_total',
		help: 'Updates from sockets applied to live records since the process started.',
		registers: [register],
		collect() {
			const now = collab.stats.updatesApplied;
			this.inc(now - counted);
			counted = now;
		}
	});
	const queue = writeBehindOf(db);
	new Gauge({
		name: 'roundtable_write_behind_depth',
		help: 'Updates and audit entries waiting for the write-behind queue.',
		registers: [register],
		collect() {
			this.set(queue.depth);
		}
	});
	const flush = new Histogram({
		name: 'roundtable_write_behind_flush_seconds',
		help: 'How long each write of the write-behind queue took.',
		buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
		registers: [register]
	});
	queue.onWritten = (ms) => flush.observe(ms / 1000);
	new Gauge({
		name: 'roundtable_outbox_queued',
		help: 'Mail waiting in the outbox, by priority (2 is sent first).',
		labelNames: ['priority'],
		registers: [register],
		async collect() {
			const rows = await db
				.select({ priority: outbox.priority, n: sql<number>`count(*)::int` })
				.from(outbox)
				.where(sql`${outbox.state} = 'queued'`)
				.groupBy(outbox.priority);
			this.reset();
			for (const priority of [0, 1, 2]) this.set({ priority: String(priority) }, 0);
			for (const row of rows) this.set({ priority: String(row.priority) }, Number(row.n));
		}
	});
	return register;
}

/** Serves `/metrics` on its own port; anything else is 404. */
export async function startMetricsServer(props: {
	db: Database;
	collab: CollabServer;
	port: number;
	host: string;
}): Promise<MetricsServer> {
	const register = createMetrics(props);
	const server = http.createServer((request, response) => {
		if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
			response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
			response.end('Only /metrics is served here.\n');
			return;
		}
		register.metrics().then(
			(text) => {
				response.writeHead(200, { 'Content-Type': register.contentType });
				response.end(text);
			},
			() => {
				response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
				response.end('The metrics could not be read.\n');
			}
		);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(props.port, props.host, () => resolve());
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : props.port;
	return {
		url: `http://${props.host.includes(':') ? `[${props.host}]` : props.host}:${port}/metrics`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
