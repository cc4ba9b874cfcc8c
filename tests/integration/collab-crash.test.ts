/**
 * The server process is killed (SIGKILL) while two people type, then started again on the same
 * port: every edit the server acknowledged (save check) before the kill is in the database
 * already, the stock clients reconnect on their own, resend what was not stored, and the final
 * record holds every edit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import { roots } from '../../src/lib/collab/roots';
import { readStoredRecord } from '../../src/lib/server/records';
import { messageSaveCheck } from '../../src/lib/collab/protocol';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { createTestDatabase, makeMeeting, makeUnit, makeUser, signIn } from '../factories';
import { connectClient, synced, waitFor, type TestClient } from './collab-harness';
import * as Y from 'yjs';

const realDatabase = process.env.TEST_DATABASE_URL;
let dataDir: string | null = null;
let parentDb: DatabaseHandle | null = null;
let child: ChildProcess | null = null;
let meetingId: string;
let tokens: { chair: string; police: string };
let policeContribution: string;
const clients: TestClient[] = [];

/** Starts the standalone server; resolves with its port once it listens. */
function startServer(port: number): Promise<number> {
	const env: NodeJS.ProcessEnv = {
		...process.env,
		COLLAB_PORT: String(port),
		COLLAB_QUIET: process.env.CRASH_VERBOSE ? '' : '1'
	};
	if (realDatabase) env.DATABASE_URL = realDatabase;
	else env.COLLAB_DATA_DIR = dataDir!;
	const proc = spawn(process.execPath, ['--import', 'tsx', 'server/collab/standalone.ts'], {
		env,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child = proc;
	let errors = '';
	proc.stderr!.on('data', (chunk) => (errors += chunk));
	return new Promise((resolve, reject) => {
		proc.stdout!.on('data', (chunk: Buffer) => {
			const match = /listening (\d+)/.exec(chunk.toString());
			if (match) resolve(Number(match[1]));
		});
		proc.once('exit', (code) =>
			reject(new Error(`server exited early (${code}): ${errors.slice(0, 500)}`))
		);
	});
}

/** Sends a save check on the client's socket; resolves when the server answers it (everything sent before is stored). */
function saveCheck(client: TestClient, seq: number): Promise<void> {
	return new Promise((resolve) => {
		client.provider.messageHandlers[messageSaveCheck] = (_encoder, decoder) => {
			if (decoding.readVarUint(decoder) >= seq) resolve();
		};
		const encoder = encoding.createEncoder();
		encoding.writeVarUint(encoder, messageSaveCheck);
		encoding.writeVarUint(encoder, seq);
		client.provider.ws!.send(encoding.toUint8Array(encoder));
	});
}

function kill(): Promise<void> {
	const proc = child!;
	return new Promise((resolve) => {
		proc.once('exit', () => resolve());
		proc.kill('SIGKILL');
	});
}

beforeAll(async () => {
	let db: DatabaseHandle;
	if (realDatabase) {
		db = parentDb = await createTestDatabase();
	} else {
		dataDir = mkdtempSync(path.join(tmpdir(), 'roundtable-crash-'));
		db = await openDatabase({ dataDir, migrationsDir: 'drizzle' });
	}
	const unit = await makeUnit(db.db);
	const chair = await makeUser(db.db, { role: 'chair', unitId: unit.id });
	const police = await makeUser(db.db, { role: 'professional' });
	const made = await makeMeeting(db.db, {
		unitId: unit.id,
		participants: [
			{ user: chair, role: 'chair' },
			{ user: police, role: 'professional' }
		]
	});
	meetingId = made.meeting.id;
	policeContribution = roots.contribution(
		made.participants.find((p) => p.userId === police.id)!.id
	);
	tokens = { chair: await signIn(db.db, chair.id), police: await signIn(db.db, police.id) };
	if (!realDatabase) await db.close(); // PGlite has one opener: the server process
}, 60_000);

afterAll(async () => {
	for (const client of clients) client.destroy();
	if (child && child.exitCode === null) await kill();
	await parentDb?.close();
	if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const shared = roots.section('discussion');
const textIn = (doc: Y.Doc) =>
	(doc.get(shared, Y.XmlText) as Y.XmlText).toString() +
	(doc.get(policeContribution, Y.XmlText) as Y.XmlText).toString();

/** What the database holds now, read with no server running (PGlite has one opener). */
async function readAsStored(): Promise<string> {
	const db = parentDb ?? (await openDatabase({ dataDir: dataDir!, migrationsDir: 'drizzle' }));
	try {
		const doc = await readStoredRecord({ db: db.db, meetingId });
		const text = textIn(doc);
		doc.destroy();
		return text;
	} finally {
		if (db !== parentDb) await db.close();
	}
}

it('acknowledged edits are stored before a SIGKILL; clients reconnect after a restart; the record holds every edit from both sides', async () => {
	const port = await startServer(0);
	const url = `ws://127.0.0.1:${port}/collab`;
	const chair = connectClient({ url, meetingId, token: tokens.chair });
	const police = connectClient({ url, meetingId, token: tokens.police });
	clients.push(chair, police);
	await Promise.all([synced(chair), synced(police)]);

	const typed: string[] = [];
	let n = 0;
	/** Each side appends a word to the shared section and the police to its own contribution. */
	const typeRound = () => {
		for (const [client, who] of [
			[chair, 'chair'],
			[police, 'police']
		] as const) {
			const word = `${who}-${n} `;
			const text = client.doc.get(shared, Y.XmlText) as Y.XmlText;
			text.insert(text.length, word);
			typed.push(word);
		}
		const own = police.doc.get(policeContribution, Y.XmlText) as Y.XmlText;
		own.insert(own.length, `own-${n} `);
		typed.push(`own-${n} `);
		n++;
	};
	const typing = setInterval(typeRound, 15);
	await new Promise((r) => setTimeout(r, 400));
	// Both ask "is everything I sent stored?"; the kill comes the moment both are answered, while
	// typing goes on: what was typed after the checks may be lost, what was acknowledged may not.
	const acknowledged = typed.slice();
	await Promise.all([saveCheck(chair, 1), saveCheck(police, 1)]);
	await kill(); // mid-editing: the queue's last tick never reaches the database
	const storedAtKill = await readAsStored();
	for (const word of acknowledged) expect(storedAtKill).toContain(word);
	await new Promise((r) => setTimeout(r, 300)); // both keep typing while the server is down
	await startServer(port);
	await waitFor('both reconnect', () => chair.provider.synced && police.provider.synced, 20_000);
	await new Promise((r) => setTimeout(r, 300)); // and keep typing once back
	clearInterval(typing);

	await waitFor('clients converge', () => textIn(chair.doc) === textIn(police.doc), 10_000);
	expect(chair.closes).toEqual([]);
	expect(police.closes).toEqual([]);

	// The two leave; after one more hard restart a newcomer sees only what the database holds.
	chair.destroy();
	police.destroy();
	await new Promise((r) => setTimeout(r, 1_500)); // past the unload delay and the final write
	await kill();
	await startServer(port);
	const reader = connectClient({ url, meetingId, token: tokens.chair });
	clients.push(reader);
	await synced(reader, 20_000);
	const stored = textIn(reader.doc);
	for (const word of typed) expect(stored).toContain(word);
	expect(typed.length).toBeGreaterThan(30);
}, 90_000);
