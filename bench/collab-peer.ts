/**
 * Roundtable's collaboration server beside the reference server, in one run:
 *   npm run bench:collab
 *   BENCH_SCENARIOS=1x2,50x12 BENCH_SECONDS=15 BENCH_REPEAT=1 BENCH_DATABASE_URL=postgres://… (emptied!)
 *   npm run bench:collab -- --quick      (1 × 2 and 50 × 12, 10 s each)
 *
 * Builds the app if build/ is missing or older than the sources, seeds signed-in people and
 * live meetings straight into a fresh database (PGlite in a temporary DATA_DIR, or the
 * PostgreSQL of BENCH_DATABASE_URL), then for each scenario (meetings × people) starts, one
 * after the other and each fresh:
 *   - Roundtable's production entry (`server/index.ts` over the build: sign-in, the gate,
 *     authorship, presence, persistence — everything on), and
 *   - the reference, @y/websocket-server 0.1.1 (bench/reference-server.mjs: no auth, no storage),
 * and drives each with the same generator in a child process of its own
 * (bench/collab-generator.ts). Both servers run with bench/loop-probe.mjs preloaded (event-loop
 * delay, memory); CPU seconds are read from /proc/{pid}/stat over the measured window.
 * Writes bench/results/collab-peer-{time}.json and .md and prints the table.
 */
import { execSync, fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import * as Y from 'yjs';
import { openDatabase, type DatabaseHandle } from '../src/lib/server/db';
import { collabUpdates } from '../src/lib/server/db/schema';
import { loadChannel } from '../src/lib/server/records';
import { makeMeeting, makeUnit, makeUser, signIn } from '../tests/factories';
import type { GeneratorMeeting, GeneratorResult, GeneratorStart } from './collab-generator';

type ServerKind = 'roundtable' | 'reference';
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
	edits: number;
	shareDelivered: number;
	latencyMs: GeneratorResult['latencyMs'];
	saveAckMs: GeneratorResult['saveAckMs'];
	cpuSeconds: number;
	/** Server CPU over the whole scenario: connecting, syncing, measuring, unloading. */
	cpuSecondsTotal: number;
	rssMB: number;
	rssPeakMB: number;
	loopDelayMs: Probe['loopDelay'];
	/** Heap (after GC) with every meeting loaded, less the heap before any was, per meeting. */
	heapPerMeetingMB: number;
	rssPerMeetingMB: number;
	/** Heap after every client left and the meetings unloaded, less the heap before, in MB. */
	heapLeftAfterMB: number;
	connectMs: number;
	closes: Record<string, number>;
	generatorCpuSeconds: number;
}

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick') || process.env.BENCH_QUICK === '1';
const SECONDS = Number(process.env.BENCH_SECONDS ?? (quick ? 10 : 15));
const REPEAT = Number(process.env.BENCH_REPEAT ?? 1);
const scenarios: Scenario[] = (process.env.BENCH_SCENARIOS ?? (quick ? '1x2,50x12' : '1x2,50x12,100x12,200x12,10x40'))
	.split(',')
	.map((s) => {
		const [meetings, people] = s.trim().split(/[x×]/).map(Number);
		if (!(meetings > 0 && people >= 2)) throw new Error(`BENCH_SCENARIOS: "${s}" is not meetings×people (e.g. 50x12)`);
		return { meetings, people };
	});
const servers: ServerKind[] = (process.env.BENCH_SERVERS ?? 'roundtable,reference').split(',') as ServerKind[];
const databaseUrl = process.env.BENCH_DATABASE_URL || undefined;
const MIN_INTERVAL_MS = 300;
const MAX_INTERVAL_MS = 1000;
const CLK_TCK = 100; // Linux USER_HZ
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
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

/** Builds the app when build/ is missing or older than src/ (the benchmark runs the production entry). */
function buildIfNeeded() {
	const handler = path.join(root, 'build/handler.js');
	const sources = Math.max(newestMtime(path.join(root, 'src')), statSync(path.join(root, 'svelte.config.js')).mtimeMs);
	if (existsSync(handler) && statSync(handler).mtimeMs >= sources) return;
	console.log('bench: building the app (vite build)…');
	execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}

/** Seeds every scenario's meetings (fresh ones per scenario and repeat) with signed-in people. */
async function seed(handle: DatabaseHandle) {
	const { db } = handle;
	const unit = await makeUnit(db);
	const most = Math.max(...scenarios.map((s) => s.people));
	const people: { userId: string; token: string; user: Awaited<ReturnType<typeof makeUser>> }[] = [];
	for (let i = 0; i < most; i++) {
		const user = await makeUser(db, { role: i === 0 ? 'chair' : 'professional', unitId: unit.id });
		people.push({ userId: user.id, user, token: await signIn(db, user.id) });
	}
	const seeded = new Map<string, GeneratorMeeting[]>();
	for (let r = 0; r < REPEAT; r++) {
		for (const scenario of scenarios) {
			for (const server of servers) {
				const meetings: GeneratorMeeting[] = [];
				for (let m = 0; m < scenario.meetings; m++) {
					const made = await makeMeeting(db, {
						unitId: unit.id,
						participants: people.slice(0, scenario.people).map((p, i) => ({ user: p.user, role: i === 0 ? 'chair' : 'professional' }))
					});
					meetings.push({
						id: made.meeting.id,
						people: made.participants.map((p, i) => ({ token: people[i].token, participantId: p.id }))
					});
				}
				seeded.set(`${r}:${label(scenario)}:${server}`, meetings);
			}
		}
	}
	return seeded;
}

function label(s: Scenario) {
	return `${s.meetings}×${s.people}`;
}

/** Starts one server with the probe preloaded; resolves once it listens. */
async function startServer(kind: ServerKind, dataDir: string): Promise<{ child: ChildProcess; port: number }> {
	const probe = path.join(root, 'bench/loop-probe.mjs');
	const execArgv = ['--expose-gc', '--import', 'tsx', '--import', probe];
	const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1' };
	let entry: string;
	if (kind === 'roundtable') {
		entry = path.join(root, 'server/index.ts');
		if (databaseUrl) env.DATABASE_URL = databaseUrl;
		else {
			delete env.DATABASE_URL;
			env.DATA_DIR = dataDir;
		}
		delete env.ORIGIN;
	} else {
		entry = path.join(root, 'bench/reference-server.mjs');
	}
	if (process.env.BENCH_CPU_PROF && kind === 'roundtable') execArgv.push('--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`);
	const child = fork(entry, [], { cwd: root, execArgv, env, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
	const port = await new Promise<number>((resolve, reject) => {
		let out = '';
		child.stdout!.on('data', (chunk: Buffer) => {
			out += chunk.toString();
			const match = /listening (\d+)|listening on https?:\/\/[^:]+:(\d+)/.exec(out);
			if (match) resolve(Number(match[1] ?? match[2]));
		});
		child.once('exit', (code) => reject(new Error(`${kind} server exited (${code}) before listening: ${out.slice(0, 400)}`)));
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

async function runOne(kind: ServerKind, scenario: Scenario, meetings: GeneratorMeeting[], dataDir: string): Promise<ServerRun> {
	const { child: server, port } = await startServer(kind, dataDir);
	const pid = server.pid!;
	const cpuAtStart = cpuSecondsOf(pid);
	await sleep(300);
	const before = await probeOf(server, { gc: true });
	const generator = fork(path.join(root, 'bench/collab-generator.ts'), [], {
		cwd: root,
		execArgv: ['--import', 'tsx'],
		stdio: ['ignore', 'inherit', 'inherit', 'ipc']
	});
	const start: GeneratorStart = {
		type: 'start',
		url: `ws://127.0.0.1:${port}/collab`,
		meetings,
		seconds: SECONDS,
		minIntervalMs: MIN_INTERVAL_MS,
		maxIntervalMs: MAX_INTERVAL_MS
	};
	const measured = new Promise<GeneratorResult>((resolve, reject) => {
		generator.on('message', (m: { type: string; error?: string }) => {
			if (m.type === 'measured') resolve(m as GeneratorResult);
			if (m.type === 'failed') reject(new Error(m.error));
		});
	});
	const connected = await ask<{ connectMs: number }>(generator, start, 'connected');
	await probeOf(server, { reset: true });
	const cpuBefore = cpuSecondsOf(pid);
	let rssPeak = rssOf(pid);
	const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, rssOf(pid))), 500);
	const result = await measured;
	clearInterval(sampler);
	const cpuAfter = cpuSecondsOf(pid);
	const during = await probeOf(server, { gc: true });
	await ask(generator, { type: 'stop' }, 'stopped');
	await sleep(3_000); // past the unload delay and each meeting's final write
	const after = await probeOf(server, { gc: true });
	const cpuTotal = cpuSecondsOf(pid) - cpuAtStart;
	await stopServer(server);
	return {
		server: kind,
		scenario: label(scenario),
		edits: result.edits,
		shareDelivered: Number((result.deliveries / Math.max(1, result.expectedDeliveries)).toFixed(4)),
		latencyMs: result.latencyMs,
		saveAckMs: result.saveAckMs,
		cpuSeconds: Number((cpuAfter - cpuBefore).toFixed(2)),
		cpuSecondsTotal: Number(cpuTotal.toFixed(2)),
		rssMB: mb(during.rss),
		rssPeakMB: mb(rssPeak),
		loopDelayMs: during.loopDelay,
		heapPerMeetingMB: mb((during.heapUsed - before.heapUsed) / scenario.meetings),
		rssPerMeetingMB: mb((during.rss - before.rss) / scenario.meetings),
		heapLeftAfterMB: mb(after.heapUsed - before.heapUsed),
		connectMs: connected.connectMs,
		closes: result.closes,
		generatorCpuSeconds: result.generatorCpuSeconds
	};
}

/** Cold load of one channel whose log holds 10,000 one-keystroke updates (no snapshot). */
async function coldLoad(handle: DatabaseHandle): Promise<{ updates: number; medianMs: number; firstMs: number }> {
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
		await db.insert(collabUpdates).values(updates.slice(i, i + 1000).map((update) => ({ meetingId: meeting.id, update })));
	}
	const times: number[] = [];
	for (let i = 0; i < 5; i++) {
		const target = new Y.Doc();
		const began = performance.now();
		await loadChannel({ db, meetingId: meeting.id, doc: target });
		times.push(performance.now() - began);
		if (target.getXmlFragment('contribution:x').toString() !== text.toString()) throw new Error('cold load lost updates');
		target.destroy();
	}
	const first = times[0];
	times.sort((a, b) => a - b);
	return { updates: updates.length, medianMs: Number(times[2].toFixed(1)), firstMs: Number(first.toFixed(1)) };
}

function ratio(a: number, b: number) {
	return b > 0 ? `${(a / b).toFixed(1)}×` : '–';
}

function table(runs: ServerRun[]): string {
	const lines = [
		'| meetings × people | server | p50 ms | p95 ms | p99 ms | delivered | CPU s | RSS MB | loop delay p99 ms | heap per meeting MB | p99 ratio | CPU ratio |',
		'|---|---|---|---|---|---|---|---|---|---|---|---|'
	];
	for (const run of runs) {
		const ref = runs.find((r) => r.server === 'reference' && r.scenario === run.scenario && r !== run && (r as { repeat?: number }).repeat === (run as { repeat?: number }).repeat);
		const isRt = run.server === 'roundtable';
		lines.push(
			`| ${run.scenario} | ${run.server} | ${run.latencyMs.p50} | ${run.latencyMs.p95} | ${run.latencyMs.p99} | ${(run.shareDelivered * 100).toFixed(1)} % | ${run.cpuSeconds} | ${run.rssMB} | ${run.loopDelayMs.p99} | ${run.heapPerMeetingMB} | ${isRt && ref ? ratio(run.latencyMs.p99, ref.latencyMs.p99) : ''} | ${isRt && ref ? ratio(run.cpuSeconds, ref.cpuSeconds) : ''} |`
		);
	}
	return lines.join('\n');
}

async function main() {
	buildIfNeeded();
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-bench-peer-'));
	if (databaseUrl) {
		const admin = postgres(databaseUrl, { max: 1, onnotice: () => {} });
		await admin.unsafe('drop schema if exists public cascade; drop schema if exists drizzle cascade; create schema public;');
		await admin.end();
	}
	const open = () =>
		openDatabase(databaseUrl ? { url: databaseUrl, migrationsDir: path.join(root, 'drizzle') } : { dataDir: path.join(dataDir, 'pglite'), migrationsDir: path.join(root, 'drizzle') });
	console.log(`bench: seeding ${scenarios.map(label).join(', ')} on ${databaseUrl ? 'PostgreSQL' : 'PGlite'}…`);
	let handle = await open();
	const seeded = await seed(handle);
	await handle.close();

	const runs: (ServerRun & { repeat: number })[] = [];
	for (let r = 0; r < REPEAT; r++) {
		for (const scenario of scenarios) {
			// Alternate which server goes first, so drift on a shared machine falls on both.
			const order = (r + scenarios.indexOf(scenario)) % 2 === 0 ? servers : [...servers].reverse();
			for (const kind of order) {
				console.log(`bench: ${label(scenario)} on ${kind} (${SECONDS} s)…`);
				const run = await runOne(kind, scenario, seeded.get(`${r}:${label(scenario)}:${kind}`)!, dataDir);
				runs.push({ ...run, repeat: r });
				console.log(
					`  p50 ${run.latencyMs.p50} ms, p95 ${run.latencyMs.p95} ms, p99 ${run.latencyMs.p99} ms, delivered ${(run.shareDelivered * 100).toFixed(1)} %, CPU ${run.cpuSeconds} s, RSS ${run.rssMB} MB, loop p99 ${run.loopDelayMs.p99} ms, heap/meeting ${run.heapPerMeetingMB} MB, generator CPU ${run.generatorCpuSeconds} s${Object.keys(run.closes).length ? `, closes ${JSON.stringify(run.closes)}` : ''}`
				);
			}
		}
	}

	handle = await open();
	const cold = await coldLoad(handle);
	await handle.close();
	console.log(`bench: cold load of a 10,000-update log: median ${cold.medianMs} ms (first ${cold.firstMs} ms)`);

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
	const json = { machine, seconds: SECONDS, intervalMs: [MIN_INTERVAL_MS, MAX_INTERVAL_MS], runs, coldLoad: cold };
	const markdown = `Machine: ${machine.nproc} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.database}; ${SECONDS} s per run.\n\n${table(runs)}\n\nCold load of a 10,000-update log: median ${cold.medianMs} ms (first ${cold.firstMs} ms).\n`;
	writeFileSync(path.join(outDir, `collab-peer-${machine.database}-${stamp}.json`), JSON.stringify(json, null, '\t'));
	writeFileSync(path.join(outDir, `collab-peer-${machine.database}-${stamp}.md`), markdown);
	console.log(`\n${markdown}`);
	rmSync(dataDir, { recursive: true, force: true });
	process.exit(0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
