/**
 * Restarting the production server mid-meeting (issue 24): the real process (`server/index.ts`
 * over the built app, an embedded database in a temporary folder) with 20 meetings of three
 * people each, every one a stock y-websocket client typing into their own contribution and
 * asking, as the page does, whether what they typed is stored (message 100). On SIGTERM the
 * server writes what it holds, closes every socket with 1012 ("restarting, come back") and exits
 * within 10 seconds; every edit it had acknowledged is in the database; a new server on the same
 * port and database has every client back and synced within 10 seconds of listening, and what
 * they typed while it was down reaches it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider } from 'y-websocket';
import { openDatabase } from '../../src/lib/server/db';
import { readStoredRecord } from '../../src/lib/server/records';
import { closeCodes, messageSaveCheck } from '../../src/lib/collab/protocol';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { makeMeeting, makeUnit, makeUser, signIn } from '../factories';

const MEETINGS = 20;
const PEOPLE = 3;
const letters = 'abcdefghijklmnopqrstuvwxyz';

let dataDir: string;
let port: number;
const servers: ChildProcess[] = [];
interface Seat {
	meetingId: string;
	participantId: string;
	token: string;
}
const seats: Seat[] = [];

async function freePort(): Promise<number> {
	const probe = net.createServer();
	await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
	const { port } = probe.address() as net.AddressInfo;
	await new Promise((resolve) => probe.close(resolve));
	return port;
}

beforeAll(async () => {
	if (!existsSync('build/handler.js')) {
		const built = spawnSync('npx', ['vite', 'build', '--logLevel', 'error'], {
			stdio: 'inherit',
			timeout: 600_000
		});
		if (built.status !== 0) throw new Error('the app could not be built for this test');
	}
	dataDir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-restart-'));
	const handle = await openDatabase({
		dataDir: path.join(dataDir, 'pglite'),
		migrationsDir: 'drizzle'
	});
	const unit = await makeUnit(handle.db);
	const people: { user: Awaited<ReturnType<typeof makeUser>>; token: string }[] = [];
	for (let i = 0; i < PEOPLE; i++) {
		const user = await makeUser(handle.db, {
			role: i === 0 ? 'chair' : 'professional',
			unitId: unit.id
		});
		people.push({ user, token: await signIn(handle.db, user.id) });
	}
	for (let m = 0; m < MEETINGS; m++) {
		const { meeting, participants } = await makeMeeting(handle.db, {
			unitId: unit.id,
			participants: people.map((p, i) => ({
				user: p.user,
				role: i === 0 ? ('chair' as const) : ('professional' as const)
			}))
		});
		participants.forEach((p, i) =>
			seats.push({ meetingId: meeting.id, participantId: p.id, token: people[i].token })
		);
	}
	await handle.close();
	port = await freePort();
}, 660_000);

afterAll(async () => {
	for (const server of servers) if (server.exitCode === null) server.kill('SIGKILL');
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the production entry on the fixed port; resolves once it listens. */
async function startServer(): Promise<{
	child: ChildProcess;
	output: () => string;
	listeningAt: number;
}> {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		NODE_ENV: 'production',
		DATA_DIR: dataDir,
		PORT: String(port),
		HOST: '127.0.0.1'
	};
	for (const name of ['DATABASE_URL', 'ORIGIN', 'REDIS_URL', 'PROTOCOL_HEADER', 'SMTP_URL'])
		delete env[name];
	const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	servers.push(child);
	let output = '';
	child.stdout!.on('data', (chunk) => (output += chunk));
	child.stderr!.on('data', (chunk) => (output += chunk));
	const end = Date.now() + 120_000;
	while (!/listening on/.test(output)) {
		if (Date.now() > end || child.exitCode !== null)
			throw new Error(`the server did not start: ${output}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	return { child, output: () => output, listeningAt: performance.now() };
}

/** One person: a stock provider (default backoff), typing and asking what is stored. */
class Typist {
	readonly doc = new Y.Doc();
	readonly provider: WebsocketProvider;
	readonly text: Y.XmlText;
	/** Characters typed so far, and how many the server said were stored. */
	typed = 0;
	acknowledged = 0;
	readonly closeCodes: number[] = [];

	constructor(readonly seat: Seat) {
		const token = seat.token;
		const Socket = class extends WebSocket {
			constructor(address: string, protocols?: string | string[]) {
				super(address, protocols, { headers: { cookie: `${SESSION_COOKIE}=${token}` } });
			}
		};
		this.provider = new WebsocketProvider(
			`ws://127.0.0.1:${port}/collab`,
			seat.meetingId,
			this.doc,
			{
				WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
				disableBc: true
			}
		);
		this.provider.messageHandlers[messageSaveCheck] = (_encoder, decoder) => {
			this.acknowledged = Math.max(this.acknowledged, decoding.readVarUint(decoder));
		};
		this.provider.on('connection-close', (event) => this.closeCodes.push(event?.code ?? 0));
		const paragraph = new Y.XmlElement('paragraph');
		this.text = new Y.XmlText('');
		paragraph.insert(0, [this.text]);
		this.doc.getXmlFragment(this.root).insert(0, [paragraph]);
	}

	get root(): string {
		return `contribution:${this.seat.participantId}`;
	}

	/** What this person's paragraph says after `count` keystrokes. */
	static expected(count: number): string {
		let out = '';
		for (let i = 0; i < count; i++) out += letters[i % letters.length];
		return out;
	}

	type(): void {
		this.text.insert(this.text.length, letters[this.typed % letters.length]);
		this.typed++;
		this.askStored();
	}

	/** [100, typed]: answered once everything sent before it is stored (when connected). */
	askStored(): void {
		const ws = this.provider.ws;
		if (!ws || ws.readyState !== WebSocket.OPEN || !this.provider.synced) return;
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, messageSaveCheck);
		encoding.writeVarUint(encoder, this.typed);
		ws.send(encoding.toUint8Array(encoder));
	}

	destroy(): void {
		this.provider.destroy();
		this.doc.destroy();
	}
}

async function waitFor(what: string, check: () => boolean, timeoutMs: number): Promise<number> {
	const began = performance.now();
	while (!check()) {
		if (performance.now() - began > timeoutMs) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
	return performance.now() - began;
}

/** Every seat's stored paragraph, read from the database the stopped server left. */
async function storedTexts(): Promise<Map<Seat, string>> {
	const handle = await openDatabase({
		dataDir: path.join(dataDir, 'pglite'),
		migrationsDir: 'drizzle'
	});
	try {
		const texts = new Map<Seat, string>();
		for (let m = 0; m < MEETINGS; m++) {
			const meetingId = seats[m * PEOPLE].meetingId;
			const doc = await readStoredRecord({ db: handle.db, meetingId });
			for (const seat of seats.filter((s) => s.meetingId === meetingId)) {
				const fragment = doc.getXmlFragment(`contribution:${seat.participantId}`);
				const paragraph = fragment.get(0) as Y.XmlElement | undefined;
				texts.set(seat, (paragraph?.get(0) as Y.XmlText | undefined)?.toString() ?? '');
			}
			doc.destroy();
		}
		return texts;
	} finally {
		await handle.close();
	}
}

async function stop(child: ChildProcess): Promise<number> {
	const asked = performance.now();
	const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const code = await exited;
	expect(code).toBe(0);
	return performance.now() - asked;
}

describe('restart under load', () => {
	it('keeps every acknowledged edit and has every client back within 10 s', async () => {
		const first = await startServer();
		const typists = seats.map((seat) => new Typist(seat));
		try {
			await waitFor(
				'every client synced',
				() => typists.every((t) => t.provider.synced),
				30_000
			).catch((error: Error) => {
				const count = typists.filter((t) => t.provider.synced).length;
				throw new Error(`${error.message} (${count} of ${typists.length}): ${first.output()}`);
			});
			// Everyone types a character every 300 ms, before, through and after the restart.
			let typing = setInterval(() => {
				for (const typist of typists) typist.type();
			}, 300);
			await waitFor('acknowledged edits', () => typists.every((t) => t.acknowledged >= 5), 15_000);

			const stopMs = await stop(first.child);
			const acknowledged = new Map(typists.map((t) => [t.seat, t.acknowledged]));
			expect(stopMs).toBeLessThan(10_000);
			// Told to come back, not refused: every socket closed with 1012.
			for (const typist of typists) expect(typist.closeCodes).toContain(closeCodes.restarting);

			// Every edit the server acknowledged is stored.
			const stored = await storedTexts();
			for (const typist of typists) {
				const text = stored.get(typist.seat)!;
				expect(text.startsWith(Typist.expected(acknowledged.get(typist.seat)!))).toBe(true);
			}

			const second = await startServer();
			// Waited for longer than the promise, so a miss says by how much.
			const backMs = await waitFor(
				'every client back',
				() => typists.every((t) => t.provider.synced),
				60_000
			).catch((error: Error) => {
				const back = typists.filter((t) => t.provider.synced).length;
				const codes = typists.map((t) => t.closeCodes.slice(-3).join(',')).join(' ');
				throw new Error(
					`${error.message} (${back} of ${typists.length}; closes ${codes}): ${second.output().slice(-3000)}`
				);
			});
			expect(
				backMs,
				`every client was back ${Math.round(backMs)} ms after the restart`
			).toBeLessThan(10_000);
			clearInterval(typing);
			typing = setInterval(() => {
				for (const typist of typists) typist.askStored();
			}, 200);
			// What was typed while the server was down reached the new one and is stored.
			await waitFor(
				'everything typed stored',
				() => typists.every((t) => t.acknowledged >= t.typed),
				15_000
			);
			clearInterval(typing);
			await stop(second.child);
			const after = await storedTexts();
			for (const typist of typists)
				expect(after.get(typist.seat)).toBe(Typist.expected(typist.typed));
		} finally {
			for (const typist of typists) typist.destroy();
		}
	}, 180_000);
});
