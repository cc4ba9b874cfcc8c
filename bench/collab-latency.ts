/**
 * Edit-to-peer latency and server memory of the collaboration server.
 *   npm run bench            (BENCH_MEETINGS=20 BENCH_CLIENTS=10 BENCH_SECONDS=15 BENCH_RATE=1)
 * The real server runs in a child process (server/collab/standalone.ts on port 0, PGlite in a
 * temporary folder, --expose-gc); stock y-websocket clients run here, each typing into its own
 * contribution at BENCH_RATE characters per second. Latency is from the sender's local edit to
 * each peer's receipt of it (same process, same clock). Memory is the server's heap after a
 * garbage collection with every meeting loaded, less its heap before any was, per meeting.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { openDatabase } from '../src/lib/server/db';
import { SESSION_COOKIE } from '../src/lib/server/auth/session';
import { roots } from '../src/lib/collab/roots';
import { makeMeeting, makeUnit, makeUser, signIn } from '../tests/factories';

const MEETINGS = Number(process.env.BENCH_MEETINGS ?? 20);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 10);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const RATE = Number(process.env.BENCH_RATE ?? 1);

type Heap = { heapUsed: number; rss: number; external: number; loadedChannels: number };

async function main() {
	process.setMaxListeners(0); // each stock provider adds an exit listener
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-bench-'));
	console.log(`seeding ${MEETINGS} meetings × ${CLIENTS} people…`);
	const handle = await openDatabase({ dataDir, migrationsDir: 'drizzle' });
	const { db } = handle;
	const unit = await makeUnit(db);
	const people = [];
	for (let i = 0; i < CLIENTS; i++) {
		const user = await makeUser(db, { role: i === 0 ? 'chair' : 'professional', unitId: unit.id });
		people.push({ user, token: await signIn(db, user.id) });
	}
	const meetings = [];
	for (let m = 0; m < MEETINGS; m++) {
		const made = await makeMeeting(db, {
			unitId: unit.id,
			participants: people.map((p, i) => ({
				user: p.user,
				role: i === 0 ? 'chair' : 'professional'
			}))
		});
		meetings.push(made);
	}
	await handle.close();

	const server = fork(path.resolve('server/collab/standalone.ts'), [], {
		execArgv: ['--import', 'tsx', '--expose-gc'],
		env: {
			...process.env,
			COLLAB_DATA_DIR: dataDir,
			COLLAB_PORT: '0',
			COLLAB_QUIET: '1',
			NODE_ENV: 'production'
		},
		stdio: ['ignore', 'pipe', 'inherit', 'ipc']
	});
	const port = await new Promise<number>((resolve, reject) => {
		server.stdout!.on('data', (chunk: Buffer) => {
			const match = /listening (\d+)/.exec(chunk.toString());
			if (match) resolve(Number(match[1]));
		});
		server.once('exit', (code) => reject(new Error(`server exited (${code})`)));
	});
	const heap = () =>
		new Promise<Heap>((resolve) => {
			server.once('message', (message) => resolve(message as Heap));
			server.send({ type: 'heap' });
		});
	const url = `ws://127.0.0.1:${port}/collab`;
	await new Promise((r) => setTimeout(r, 500));
	const before = await heap();

	const sentAt = new Map<string, number>();
	const latencies: number[] = [];
	const clients: {
		doc: Y.Doc;
		provider: WebsocketProvider;
		root: string;
		text: Y.XmlText | null;
	}[] = [];
	for (const { meeting, participants } of meetings) {
		for (let i = 0; i < CLIENTS; i++) {
			const token = people[i].token;
			const Socket = class extends WebSocket {
				constructor(address: string, protocols?: string | string[]) {
					super(address, protocols, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
				}
			};
			const doc = new Y.Doc();
			const provider = new WebsocketProvider(url, meeting.id, doc, {
				WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
				disableBc: true
			});
			doc.on('update', (update: Uint8Array, origin: unknown) => {
				if (origin !== provider) return;
				const now = performance.now();
				for (const [client, clock] of Y.parseUpdateMeta(update).to) {
					const started = sentAt.get(`${client}:${clock - 1}`);
					if (started !== undefined) latencies.push(now - started);
				}
			});
			const root = roots.contribution(participants[i].id);
			clients.push({ doc, provider, root, text: null });
		}
	}
	const deadline = Date.now() + 60_000;
	while (clients.some((c) => !c.provider.synced)) {
		if (Date.now() > deadline) throw new Error('clients did not sync');
		await new Promise((r) => setTimeout(r, 50));
	}
	// Each person starts a paragraph in their own contribution.
	for (const client of clients) {
		const fragment = client.doc.getXmlFragment(client.root);
		const paragraph = new Y.XmlElement('paragraph');
		const text = new Y.XmlText('');
		paragraph.insert(0, [text]);
		fragment.insert(0, [paragraph]);
		client.text = text;
	}
	await new Promise((r) => setTimeout(r, 1_000));
	latencies.length = 0;

	console.log(`measuring ${SECONDS}s: ${clients.length} clients typing ${RATE}/s each…`);
	const interval = 1000 / RATE;
	const timers = clients.map((client, i) =>
		setTimeout(function tick() {
			const { doc } = client;
			const text = client.text!;
			const started = performance.now();
			text.insert(text.length, String.fromCharCode(97 + (i % 26)));
			sentAt.set(`${doc.clientID}:${Y.getState(doc.store, doc.clientID) - 1}`, started);
			timers[i] = setTimeout(tick, interval * (0.5 + Math.random()));
		}, Math.random() * interval)
	);
	await new Promise((r) => setTimeout(r, SECONDS * 1000));
	for (const timer of timers) clearTimeout(timer);
	await new Promise((r) => setTimeout(r, 1_000)); // let the last edits arrive

	const loaded = await heap();
	latencies.sort((a, b) => a - b);
	const pct = (p: number) =>
		latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
	const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);
	const perMeeting = (loaded.heapUsed - before.heapUsed) / MEETINGS;
	const result = {
		meetings: MEETINGS,
		clientsPerMeeting: CLIENTS,
		editsPerClientPerSecond: RATE,
		peerDeliveries: latencies.length,
		p50ms: Number(pct(50).toFixed(2)),
		p99ms: Number(pct(99).toFixed(2)),
		maxMs: Number(latencies[latencies.length - 1].toFixed(2)),
		loadedChannels: loaded.loadedChannels,
		serverHeapPerMeetingMB: Number(mb(perMeeting)),
		serverHeapBeforeMB: Number(mb(before.heapUsed)),
		serverHeapLoadedMB: Number(mb(loaded.heapUsed)),
		machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`
	};
	console.log(
		`edit-to-peer latency: p50 ${result.p50ms} ms, p99 ${result.p99ms} ms (max ${result.maxMs} ms, ${result.peerDeliveries} deliveries)`
	);
	console.log(
		`server heap per loaded meeting (with its ${CLIENTS} sockets): ${result.serverHeapPerMeetingMB} MB`
	);
	console.log(JSON.stringify(result));

	for (const client of clients) {
		client.provider.destroy();
		client.doc.destroy();
	}
	server.kill('SIGTERM');
	await new Promise((r) => server.once('exit', r));
	rmSync(dataDir, { recursive: true, force: true });
	process.exit(0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
