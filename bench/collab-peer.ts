/**
 * Roundtable's collaboration server beside the reference server, in one run:
 *   npm run bench:collab      (edits only, storm and full mixes at 50×12, 100×12, 200×12, 3 runs each)
 *   BENCH_MIXES=edits,storm   which mixes (bench/collab-generator.ts): `edits` keystrokes only,
 *     `storm` everyone connecting at once then keystrokes, `full` keystrokes with carets and save checks
 *   BENCH_SCENARIOS=1x2,50x12 BENCH_SECONDS=15 BENCH_REPEAT=1 BENCH_DATABASE_URL=postgres://… (emptied!)
 *   npm run bench:collab -- --quick      (1 × 2 and 50 × 12, 10 s each)
 *   BENCH_NODES=2 (with BENCH_DATABASE_URL and Debian's redis-server): also Roundtable as two nodes
 *     relaying through Redis, each meeting's people split between them (cross-node latency)
 *   BENCH_ENTRY=standalone: Roundtable's collaboration server alone (server/collab/standalone.ts)
 *   BENCH_BUILD=skip: use build/ as it is; BENCH_CPU_PROF=dir: a CPU profile of each server over
 *     the measured window (dir/{server}-{scenario}-{n}.cpuprofile, for Chrome's DevTools)
 *
 * Builds the app if build/ is missing or older than the sources, seeds signed-in people and
 * live meetings straight into a fresh database (PGlite in a temporary DATA_DIR, or the
 * PostgreSQL of BENCH_DATABASE_URL), then for each scenario (meetings × people) starts, one
 * after the other and each fresh:
 *   - Roundtable's production entry as `npm start` runs it (`server/index.ts` compiled into
 *     build/roundtable/start.js, over the build, the embedded database on its worker thread:
 *     sign-in, the gate, authorship, presence, persistence — everything on), and
 *   - the reference, @y/websocket-server 0.1.1 (bench/reference-server.mjs: no auth, no storage),
 * and drives each with the same generator in a child process of its own
 * (bench/collab-generator.ts). Both servers run with bench/loop-probe.mjs preloaded (event-loop
 * delay, memory); CPU seconds are read from /proc/{pid}/stat over the measured window.
 * Writes bench/results/collab-peer-{time}.json and .md and prints the table.
 */
import { execSync, fork, spawn, type ChildProcess } from 'node:child_process';
import {
	mkdirSync,
	mkdtempSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync,
	existsSync
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import * as Y from 'yjs';
import { openDatabase, type DatabaseHandle } from '../src/lib/server/db';
import { collabUpdates, meetingParticipants, meetings } from '../src/lib/server/db/schema';
import { loadChannel } from '../src/lib/server/records';
import { makeMeeting, makeUnit, makeUser, signIn } from '../tests/factories';
import type { GeneratorMeeting, GeneratorResult, GeneratorStart } from './collab-generator';

type ServerKind = 'roundtable' | 'reference' | 'roundtable-2-nodes';
type Mix = GeneratorStart['mix'];
interface Scenario {
	meetings: number;
	people: number;
}
interface Probe {
	loopDelay: { p50: number; p99: number; max: number; mean: number };
	rss: number;
	heapUsed: number;
	external: number;
	cpuSeconds: number;
}
interface ServerRun {
	server: ServerKind;
	scenario: string;
	mix: Mix;
	edits: number;
	shareDelivered: number;
	latencyMs: GeneratorResult['latencyMs'];
	saveAckMs: GeneratorResult['saveAckMs'];
	cpuSeconds: number;
	/** Server CPU from the first client's connect until every client was synced. */
	connectCpuSeconds: number;
	/** Server CPU over the whole scenario: connecting, syncing, measuring, unloading. */
	cpuSecondsTotal: number;
	rssMB: number;
	rssPeakMB: number;
	/** Resident memory three seconds after every client left. */
	rssAfterMB: number;
	loopDelayMs: Probe['loopDelay'];
	/** Heap (after GC) with every meeting loaded, less the heap before any was, per meeting. */
	heapPerMeetingMB: number;
	rssPerMeetingMB: number;
	/** Heap after every client left and the meetings unloaded, less the heap before, in MB. */
	heapLeftAfterMB: number;
	connectMs: number;
	closes: Record<string, number>;
	generatorCpuSeconds: number;
	crossNodeLatencyMs: GeneratorResult['crossNodeLatencyMs'];
	unsynced: number;
}

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick') || process.env.BENCH_QUICK === '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? (quick ? 10 : 15));
const REPEAT = Number(process.env.BENCH_REPEAT ?? (quick ? 1 : 3));
/** The storm measures the first 10 s after everyone is synced. */
const STORM_SECONDS = Number(process.env.BENCH_STORM_SECONDS ?? 10);
const mixes: Mix[] = (process.env.BENCH_MIXES ?? (quick ? 'edits' : 'edits,storm,full'))
	.split(',')
	.map((m) => {
		const mix = m.trim();
		if (mix !== 'edits' && mix !== 'storm' && mix !== 'full')
			throw new Error(`BENCH_MIXES: "${m}" is not one of edits, storm, full`);
		return mix;
	});
const scenarios: Scenario[] = (
	process.env.BENCH_SCENARIOS ?? (quick ? '1x2,50x12' : '50x12,100x12,200x12')
)
	.split(',')
	.map((s) => {
		const [meetings, people] = s.trim().split(/[x×]/).map(Number);
		if (!(meetings > 0 && people >= 2))
			throw new Error(`BENCH_SCENARIOS: "${s}" is not meetings×people (e.g. 50x12)`);
		return { meetings, people };
	});
const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
const twoNodes = process.env.BENCH_NODES === '2';
if (twoNodes && !databaseUrl)
	throw new Error(
		'BENCH_NODES=2 needs BENCH_DATABASE_URL: two nodes share one PostgreSQL (PGlite allows one opener)'
	);
const servers: ServerKind[] = (
	process.env.BENCH_SERVERS ?? `roundtable,reference${twoNodes ? ',roundtable-2-nodes' : ''}`
).split(',') as ServerKind[];
const MIN_INTERVAL_MS = 300;
const MAX_INTERVAL_MS = 1000;
const CLK_TCK = 100; // Linux USER_HZ
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
/** Every process this run started: killed if the run ends early, so no server outlives it. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
	for (const child of children)
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
const mb = (bytes: number) => Number((bytes / 2 ** 20).toFixed(2));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** utime + stime of a process, in seconds, from /proc/{pid}/stat. */
function cpuSecondsOf(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

function rssOf(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) * 1024;
}

function newestMtime(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) newest = Math.max(newest, newestMtime(full));
		else newest = Math.max(newest, statSync(full).mtimeMs);
	}
	return newest;
}

/** Builds the app when build/ is missing or older than its sources (the benchmark runs the compiled production entry). */
function buildIfNeeded() {
	const built = ['build/handler.js', 'build/roundtable/start.js'].map((file) =>
		path.join(root, file)
	);
	const sources = Math.max(
		newestMtime(path.join(root, 'src')),
		newestMtime(path.join(root, 'server')),
		statSync(path.join(root, 'svelte.config.js')).mtimeMs
	);
	if (
		process.env.BENCH_BUILD === 'skip' ||
		built.every((file) => existsSync(file) && statSync(file).mtimeMs >= sources)
	)
		return;
	console.log('bench: building the app (vite build)…');
	execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}

/** Seeds every scenario's meetings (fresh ones per scenario and repeat) with signed-in people. */
async function seed(handle: DatabaseHandle) {
	const { db } = handle;
	const unit = await makeUnit(db);
	const most = Math.max(...scenarios.map((s) => s.people));
	const people: { userId: string; token: string; user: Awaited<ReturnType<typeof makeUser>> }[] =
		[];
	for (let i = 0; i < most; i++) {
		const user = await makeUser(db, { role: i === 0 ? 'chair' : 'professional', unitId: unit.id });
		people.push({ userId: user.id, user, token: await signIn(db, user.id) });
	}
	const seeded = new Map<string, GeneratorMeeting[]>();
	for (let r = 0; r < REPEAT; r++) {
		for (const scenario of scenarios) {
			// The reference stores nothing and checks no one: it is given the same meetings.
			for (const mix of mixes) {
				seeded.set(
					`${r}:${label(scenario)}:${mix}`,
					await seedMeetings(db, unit.id, people.slice(0, scenario.people), scenario.meetings)
				);
			}
		}
	}
	return seeded;
}

/**
 * Live meetings with these people in them, as tests/factories.ts `makeMeeting` makes them, but a
 * hundred meetings to a statement (thousands are seeded: one at a time took minutes).
 */
async function seedMeetings(
	db: DatabaseHandle['db'],
	unitId: string,
	people: { userId: string; token: string; user: Awaited<ReturnType<typeof makeUser>> }[],
	count: number
): Promise<GeneratorMeeting[]> {
	const made: GeneratorMeeting[] = [];
	for (let done = 0; done < count; done += 100) {
		const rows = await db
			.insert(meetings)
			.values(
				Array.from({ length: Math.min(100, count - done) }, () => ({
					unitId,
					kind: 'initial-conference' as const,
					title: 'Initial child protection conference',
					status: 'live' as const,
					scheduledAt: new Date(),
					chairId: people[0].userId
				}))
			)
			.returning({ id: meetings.id });
		const participants = await db
			.insert(meetingParticipants)
			.values(
				rows.flatMap((meeting) =>
					people.map((p, i) => ({
						meetingId: meeting.id,
						userId: p.userId,
						name: p.user.name,
						role: i === 0 ? ('chair' as const) : ('professional' as const),
						agencyId: p.user.agencyId,
						voting: i !== 0
					}))
				)
			)
			.returning({
				id: meetingParticipants.id,
				meetingId: meetingParticipants.meetingId,
				userId: meetingParticipants.userId
			});
		for (const meeting of rows)
			made.push({
				id: meeting.id,
				people: people.map((p) => ({
					token: p.token,
					participantId: participants.find(
						(row) => row.meetingId === meeting.id && row.userId === p.userId
					)!.id
				}))
			});
	}
	return made;
}

function label(s: Scenario) {
	return `${s.meetings}×${s.people}`;
}

/** Debian's redis-server on a free port, for two nodes; resolves with its URL. */
async function startRedis(): Promise<{ child: ChildProcess; url: string }> {
	const port = 20_000 + Math.floor(Math.random() * 20_000);
	const child = spawn(
		'redis-server',
		['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
		{ stdio: ['ignore', 'pipe', 'inherit'] }
	);
	children.add(child);
	await new Promise<void>((resolve, reject) => {
		let out = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			if (out.includes('Ready to accept connections')) resolve();
		});
		child.once('error', reject);
		child.once('exit', (code) =>
			reject(new Error(`redis-server exited (${code}): ${out.slice(-300)}`))
		);
	});
	return { child, url: `redis://127.0.0.1:${port}` };
}

/** Starts one server with the probe preloaded; resolves once it listens. */
async function startServer(
	kind: ServerKind,
	dataDir: string,
	redisUrl?: string
): Promise<{ child: ChildProcess; port: number }> {
	const probe = path.join(root, 'bench/loop-probe.mjs');
	const execArgv = ['--expose-gc', '--import', probe];
	const env: NodeJS.ProcessEnv = {
		...process.env,
		NODE_ENV: 'production',
		PORT: '0',
		HOST: '127.0.0.1'
	};
	let entry: string;
	if (kind !== 'reference') {
		// BENCH_ENTRY=standalone: the collaboration server alone (no pages, no mail), to tell its cost from the app's.
		const standalone = process.env.BENCH_ENTRY === 'standalone';
		// The production entry as `npm start` runs it: compiled at build time (build/roundtable/).
		entry = path.join(
			root,
			standalone ? 'server/collab/standalone.ts' : 'build/roundtable/start.js'
		);
		if (standalone) execArgv.push('--import', 'tsx');
		if (redisUrl) env.REDIS_URL = redisUrl;
		if (databaseUrl) env.DATABASE_URL = databaseUrl;
		else {
			delete env.DATABASE_URL;
			env.DATA_DIR = dataDir;
			env.COLLAB_DATA_DIR = path.join(dataDir, 'pglite');
		}
		if (standalone) Object.assign(env, { COLLAB_PORT: '0', COLLAB_QUIET: '1' });
		delete env.ORIGIN;
	} else {
		entry = path.join(root, 'bench/reference-server.mjs');
	}
	const child = fork(entry, [], {
		cwd: root,
		execArgv,
		env,
		stdio: ['ignore', 'pipe', 'pipe', 'ipc']
	});
	children.add(child);
	// The server's own log (e.g. sockets closed as the generator leaves) would drown the table: kept, shown on failure.
	let errors = '';
	child.stderr!.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-4_000)));
	child.once('exit', (code, signal) => {
		if (code && code !== 0 && signal !== 'SIGTERM')
			console.error(`bench: ${kind} server exited (${code}): ${errors}`);
	});
	const port = await new Promise<number>((resolve, reject) => {
		let out = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const match = /listening (\d+)|listening on https?:\/\/[^:]+:(\d+)/.exec(out);
			if (match) resolve(Number(match[1] ?? match[2]));
		});
		child.once('exit', (code) =>
			reject(new Error(`${kind} server exited (${code}) before listening: ${out.slice(0, 400)}`))
		);
	});
	return { child, port };
}

function ask<T>(child: ChildProcess, message: object, answer: string): Promise<T> {
	return new Promise((resolve, reject) => {
		const onMessage = (reply: { type: string; error?: string }) => {
			if (reply.type === 'failed') {
				child.off('message', onMessage);
				reject(new Error(reply.error));
			}
			if (reply.type !== answer) return;
			child.off('message', onMessage);
			resolve(reply as T);
		};
		child.on('message', onMessage);
		child.send(message);
	});
}

const probeOf = (child: ChildProcess, options: { gc?: boolean; reset?: boolean } = {}) =>
	ask<Probe>(child, { type: 'probe', ...options }, 'probe');

async function stopServer(child: ChildProcess) {
	if (child.exitCode !== null) return;
	const exited = new Promise((r) => child.once('exit', r));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
	await exited;
	clearTimeout(timer);
}

async function runOne(
	kind: ServerKind,
	mix: Mix,
	scenario: Scenario,
	meetings: GeneratorMeeting[],
	dataDir: string
): Promise<ServerRun> {
	const redis = kind === 'roundtable-2-nodes' ? await startRedis() : null;
	const started =
		kind === 'roundtable-2-nodes'
			? await Promise.all([
					startServer(kind, dataDir, redis!.url),
					startServer(kind, dataDir, redis!.url)
				])
			: [await startServer(kind, dataDir)];
	const processes = started.map((s) => s.child);
	const pids = processes.map((c) => c.pid!);
	const cpu = () => pids.reduce((sum, pid) => sum + cpuSecondsOf(pid), 0);
	const rss = () => pids.reduce((sum, pid) => sum + rssOf(pid), 0);
	/** Every process's probe, summed (delays: the worst). */
	const probeAll = async (options: { gc?: boolean; reset?: boolean } = {}): Promise<Probe> => {
		const probes = await Promise.all(processes.map((c) => probeOf(c, options)));
		return {
			loopDelay: {
				p50: Math.max(...probes.map((p) => p.loopDelay.p50)),
				p99: Math.max(...probes.map((p) => p.loopDelay.p99)),
				max: Math.max(...probes.map((p) => p.loopDelay.max)),
				mean: Math.max(...probes.map((p) => p.loopDelay.mean))
			},
			rss: probes.reduce((sum, p) => sum + p.rss, 0),
			heapUsed: probes.reduce((sum, p) => sum + p.heapUsed, 0),
			external: probes.reduce((sum, p) => sum + p.external, 0),
			cpuSeconds: probes.reduce((sum, p) => sum + p.cpuSeconds, 0)
		};
	};
	const cpuAtStart = cpu();
	await sleep(300);
	const before = await probeAll({ gc: true });
	const profileDir = process.env.BENCH_CPU_PROF;
	if (profileDir) {
		// The connect phase's own profile: from the first client until every one is synced.
		mkdirSync(profileDir, { recursive: true });
		await Promise.all(processes.map((c) => ask(c, { type: 'profile', start: true }, 'profile')));
	}
	const cpuAtConnect = cpu();
	const generator = fork(path.join(root, 'bench/collab-generator.ts'), [], {
		cwd: root,
		execArgv: ['--import', 'tsx'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	children.add(generator);
	const start: GeneratorStart = {
		type: 'start',
		urls: started.map((s) => `ws://127.0.0.1:${s.port}/collab`),
		meetings,
		seconds: mix === 'storm' ? STORM_SECONDS : SECONDS,
		mix,
		minIntervalMs: MIN_INTERVAL_MS,
		maxIntervalMs: MAX_INTERVAL_MS
	};
	let cpuAtSynced = NaN;
	let connectProfiled: Promise<unknown> = Promise.resolve();
	const measured = new Promise<GeneratorResult>((resolve, reject) => {
		generator.on('message', (m: { type: string; error?: string }) => {
			if (m.type === 'synced') {
				cpuAtSynced = cpu();
				if (profileDir)
					connectProfiled = Promise.all(
						processes.map((c, i) =>
							ask(
								c,
								{
									type: 'profile',
									stop: path.join(
										profileDir,
										`${kind}-${mix}-${label(scenario)}-connect-${i}.cpuprofile`
									)
								},
								'profile'
							)
						)
					);
			}
			if (m.type === 'measured') resolve(m as GeneratorResult);
			if (m.type === 'failed') reject(new Error(m.error));
		});
	});
	const connected = await ask<{ connectMs: number }>(generator, start, 'connected');
	await connectProfiled;
	if (profileDir)
		await Promise.all(processes.map((c) => ask(c, { type: 'profile', start: true }, 'profile')));
	await probeAll({ reset: true });
	const cpuBefore = cpu();
	let rssPeak = rss();
	const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rss())), 500);
	const result = await measured;
	clearInterval(sampler);
	const cpuAfter = cpu();
	if (profileDir) {
		// The measured window only (connecting and unloading are not in it).
		await Promise.all(
			processes.map((c, i) =>
				ask(
					c,
					{
						type: 'profile',
						stop: path.join(profileDir, `${kind}-${mix}-${label(scenario)}-edits-${i}.cpuprofile`)
					},
					'profile'
				)
			)
		);
	}
	const during = await probeAll({ gc: true });
	await ask(generator, { type: 'stop' }, 'stopped');
	await sleep(3_000); // past the unload delay and each meeting's final write
	const after = await probeAll({ gc: true });
	const cpuTotal = cpu() - cpuAtStart;
	await Promise.all(processes.map((c) => stopServer(c)));
	if (redis) await stopServer(redis.child);
	return {
		server: kind,
		mix,
		scenario: label(scenario),
		edits: result.edits,
		shareDelivered: Number((result.deliveries / Math.max(1, result.expectedDeliveries)).toFixed(4)),
		latencyMs: result.latencyMs,
		crossNodeLatencyMs: result.crossNodeLatencyMs,
		saveAckMs: result.saveAckMs,
		cpuSeconds: Number((cpuAfter - cpuBefore).toFixed(2)),
		connectCpuSeconds: Number((cpuAtSynced - cpuAtConnect).toFixed(2)),
		cpuSecondsTotal: Number(cpuTotal.toFixed(2)),
		rssMB: mb(during.rss),
		rssPeakMB: mb(rssPeak),
		rssAfterMB: mb(after.rss),
		loopDelayMs: during.loopDelay,
		heapPerMeetingMB: mb((during.heapUsed - before.heapUsed) / scenario.meetings),
		rssPerMeetingMB: mb((during.rss - before.rss) / scenario.meetings),
		heapLeftAfterMB: mb(after.heapUsed - before.heapUsed),
		connectMs: connected.connectMs,
		closes: result.closes,
		unsynced: result.unsynced,
		generatorCpuSeconds: result.generatorCpuSeconds
	};
}

/** Cold load of one channel whose log holds 10,000 one-keystroke updates (no snapshot). */
async function coldLoad(
	handle: DatabaseHandle
): Promise<{ updates: number; medianMs: number; firstMs: number }> {
	const { db } = handle;
	const chair = await makeUser(db, { role: 'chair' });
	const { meeting } = await makeMeeting(db, { participants: [{ user: chair, role: 'chair' }] });
	const doc = new Y.Doc();
	const updates: Uint8Array[] = [];
	doc.on('update', (u: Uint8Array) => updates.push(u));
	const text = doc.getXmlFragment(`contribution:x`);
	const paragraph = new Y.XmlElement('paragraph');
	const t = new Y.XmlText('');
	paragraph.insert(0, [t]);
	text.insert(0, [paragraph]);
	while (updates.length < 10_000) t.insert(t.length, 'x');
	for (let i = 0; i < updates.length; i += 1000) {
		await db
			.insert(collabUpdates)
			.values(updates.slice(i, i + 1000).map((update) => ({ meetingId: meeting.id, update })));
	}
	const times: number[] = [];
	for (let i = 0; i < 5; i++) {
		const target = new Y.Doc();
		const began = performance.now();
		await loadChannel({ db, meetingId: meeting.id, doc: target });
		times.push(performance.now() - began);
		if (target.getXmlFragment('contribution:x').toString() !== text.toString())
			throw new Error('cold load lost updates');
		target.destroy();
	}
	const first = times[0];
	times.sort((a, b) => a - b);
	return {
		updates: updates.length,
		medianMs: Number(times[2].toFixed(1)),
		firstMs: Number(first.toFixed(1))
	};
}

function ratio(a: number, b: number) {
	return b > 0 ? `${(a / b).toFixed(1)}×` : '–';
}

type Run = ServerRun & { repeat: number };

function referenceOf(runs: Run[], run: Run): Run | undefined {
	return runs.find(
		(r) =>
			r.server === 'reference' &&
			r.scenario === run.scenario &&
			r.mix === run.mix &&
			r.repeat === run.repeat
	);
}

function table(runs: Run[]): string {
	const lines = [
		'| mix | meetings × people | server | p50 ms | p95 ms | p99 ms | delivered | synced after ms | connect CPU s | edit CPU s | RSS MB | RSS after MB | loop delay p99 ms | heap per meeting MB | save ack p99 ms | cross-node p99 ms | p99 ratio | CPU ratio (connect + edits) |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|'
	];
	for (const run of runs) {
		const ref = run.server === 'reference' ? undefined : referenceOf(runs, run);
		lines.push(
			`| ${run.mix} | ${run.scenario}${REPEAT > 1 ? ` (#${run.repeat + 1})` : ''} | ${run.server} | ${run.latencyMs.p50} | ${run.latencyMs.p95} | ${run.latencyMs.p99} | ${(run.shareDelivered * 100).toFixed(1)} %${run.unsynced ? ` (${run.unsynced} never synced)` : ''} | ${run.connectMs} | ${run.connectCpuSeconds} | ${run.cpuSeconds} | ${run.rssMB} | ${run.rssAfterMB} | ${run.loopDelayMs.p99} | ${run.heapPerMeetingMB} | ${run.saveAckMs?.p99 ?? '–'} | ${run.crossNodeLatencyMs?.p99 ?? '–'} | ${ref ? ratio(run.latencyMs.p99, ref.latencyMs.p99) : ''} | ${ref ? ratio(run.connectCpuSeconds + run.cpuSeconds, ref.connectCpuSeconds + ref.cpuSeconds) : ''} |`
		);
	}
	return lines.join('\n');
}

function median(values: number[]): number {
	const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
	if (sorted.length === 0) return NaN;
	const mid = Math.floor(sorted.length / 2);
	return Number((sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2).toFixed(2));
}

const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '');

/** Medians over the repeats, and the median of each repeat's own ratio to the reference. */
function summary(runs: Run[]): string {
	const lines = [
		'| mix | meetings × people | server | runs | p50 ms | p99 ms | synced after ms | connect CPU s | edit CPU s | RSS after MB | p99 ratio | synced-after ratio | CPU ratio (connect + edits) |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|---|'
	];
	for (const mix of mixes) {
		for (const scenario of scenarios) {
			for (const server of servers) {
				const mine = runs.filter(
					(r) => r.mix === mix && r.scenario === label(scenario) && r.server === server
				);
				if (mine.length === 0) continue;
				const refs = mine.map((r) => (server === 'reference' ? undefined : referenceOf(runs, r)));
				const ratioOf = (f: (r: Run) => number) =>
					median(mine.map((r, i) => (refs[i] ? f(r) / f(refs[i]!) : NaN)));
				const m = (f: (r: Run) => number) => median(mine.map(f));
				lines.push(
					`| ${mix} | ${label(scenario)} | ${server} | ${mine.length} | ${m((r) => r.latencyMs.p50)} | ${m((r) => r.latencyMs.p99)} | ${m((r) => r.connectMs)} | ${m((r) => r.connectCpuSeconds)} | ${m((r) => r.cpuSeconds)} | ${m((r) => r.rssAfterMB)} | ${times(ratioOf((r) => r.latencyMs.p99))} | ${times(ratioOf((r) => r.connectMs))} | ${times(ratioOf((r) => r.connectCpuSeconds + r.cpuSeconds))} |`
				);
			}
		}
	}
	return lines.join('\n');
}

async function main() {
	buildIfNeeded();
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-bench-peer-'));
	if (databaseUrl) {
		const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe(
			'drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;'
		);
		await admin.end();
	}
	const open = () =>
		openDatabase(
			databaseUrl
				? { url: databaseUrl, migrationsDir: path.join(root, 'drizzle') }
				: { dataDir: path.join(dataDir, 'pglite'), migrationsDir: path.join(root, 'drizzle') }
		);
	console.log(
		`bench: seeding ${scenarios.map(label).join(', ')} on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}…`
	);
	let handle = await open();
	const seeded = await seed(handle);
	await handle.close();

	const runs: Run[] = [];
	for (let r = 0; r < REPEAT; r++) {
		for (const mix of mixes) {
			for (const scenario of scenarios) {
				// Alternate which server goes first, so drift on a shared machine falls on both.
				const order =
					(r + scenarios.indexOf(scenario) + mixes.indexOf(mix)) % 2 === 0
						? servers
						: [...servers].reverse();
				for (const kind of order) {
					console.log(`bench: ${mix}, ${label(scenario)} on ${kind}…`);
					const run = await runOne(
						kind,
						mix,
						scenario,
						seeded.get(`${r}:${label(scenario)}:${mix}`)!,
						dataDir
					);
					runs.push({ ...run, repeat: r });
					console.log(
						`  synced after ${run.connectMs} ms, p50 ${run.latencyMs.p50} ms, p95 ${run.latencyMs.p95} ms, p99 ${run.latencyMs.p99} ms, delivered ${(run.shareDelivered * 100).toFixed(1)} %, connect CPU ${run.connectCpuSeconds} s, edit CPU ${run.cpuSeconds} s, RSS ${run.rssMB} MB (after ${run.rssAfterMB} MB), loop p99 ${run.loopDelayMs.p99} ms, heap/meeting ${run.heapPerMeetingMB} MB, heap left after ${run.heapLeftAfterMB} MB, save ack p99 ${run.saveAckMs?.p99 ?? '–'} ms${run.crossNodeLatencyMs ? `, cross-node p50 ${run.crossNodeLatencyMs.p50} / p99 ${run.crossNodeLatencyMs.p99} ms` : ''}, generator CPU ${run.generatorCpuSeconds} s${run.unsynced ? `, ${run.unsynced} clients never synced` : ''}${Object.keys(run.closes).length ? `, closes ${JSON.stringify(run.closes)}` : ''}`
					);
				}
			}
		}
	}

	handle = await open();
	const cold = await coldLoad(handle);
	await handle.close();
	console.log(
		`bench: cold load of a 10,000-update log: median ${cold.medianMs} ms (first ${cold.firstMs} ms)`
	);

	const machine = {
		nproc: os.cpus().length,
		cpu: os.cpus()[0]?.model ?? 'unknown',
		memoryGiB: Math.round(os.totalmem() / 2 ** 30),
		node: process.version,
		database: databaseUrl ? 'postgresql' : 'pglite'
	};
	const stamp = new Date().toISOString().replace(/[:.]/g, '-');
	const outDir = path.join(root, 'bench/results');
	mkdirSync(outDir, { recursive: true });
	const json = {
		machine,
		mixes,
		seconds: SECONDS,
		intervalMs: [MIN_INTERVAL_MS, MAX_INTERVAL_MS],
		runs,
		coldLoad: cold
	};
	const markdown = `Machine: ${machine.nproc} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.database}, load average ${os
		.loadavg()
		.map((l) => l.toFixed(1))
		.join(
			' '
		)} at the end; mixes ${mixes.join(', ')}; ${SECONDS} s per run (storm ${STORM_SECONDS} s), ${REPEAT} run(s) of each.\n\n${table(runs)}\n\n${REPEAT > 1 ? `Medians:\n\n${summary(runs)}\n\n` : ''}Cold load of a 10,000-update log: median ${cold.medianMs} ms (first ${cold.firstMs} ms).\n`;
	writeFileSync(
		path.join(outDir, `collab-peer-${machine.database}-${stamp}.json`),
		JSON.stringify(json, null, '\t')
	);
	writeFileSync(path.join(outDir, `collab-peer-${machine.database}-${stamp}.md`), markdown);
	console.log(`\n${markdown}`);
	rmSync(dataDir, { recursive: true, force: true });
	process.exit(0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
