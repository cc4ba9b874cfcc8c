/**
 * Fuzzing the socket (property-based, fast-check): random frames, truncated frames and mutated
 * valid updates, sent by writers (a professional, a parent) and by a read-only connection (an
 * observer) to the real server on port 0, while two honest stock clients keep typing. However
 * the frames go: the server stays up, every socket that sent an offending frame is closed with
 * a documented code, the honest clients converge, and the stored record equals theirs.
 * Bounded to a few seconds of frames (FUZZ_MS; FUZZ_SEED repeats a run).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { roots } from '../../src/lib/collab/roots';
import {
	closeCodes,
	messageAwareness,
	messageQueryAwareness,
	messageSaveCheck,
	messageSync
} from '../../src/lib/collab/protocol';
import { loadChannel } from '../../src/lib/server/records';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	signIn
} from '../factories';
import {
	clientPool,
	rawSocket,
	startCollabServer,
	synced,
	textOf,
	typeParagraph,
	waitFor,
	type RunningServer
} from './collab-harness';

const FUZZ_MS = Number(process.env.FUZZ_MS ?? 4_000);

let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();
let meetingId: string;
const tokens = {} as Record<'chair' | 'professional' | 'attacker' | 'parent' | 'observer', string>;
const participantIds = {} as Record<
	'chair' | 'professional' | 'attacker' | 'parent' | 'observer',
	string
>;

/** Every code the server closes an offending socket with (docs/collaboration.md, Close codes). */
const offenceCodes: number[] = [
	closeCodes.malformed,
	closeCodes.forbidden,
	closeCodes.invalidDecision,
	closeCodes.recordFull,
	closeCodes.outOfSync,
	1009
];

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	const chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	const professional = await makeUser(db, { role: 'professional' });
	const attacker = await makeUser(db, { role: 'professional' });
	const parent = await makeUser(db, { role: 'parent' });
	const observer = await makeUser(db, { role: 'manager', unitId: unit.id });
	const { children } = await makeFamily(db, {
		unitId: unit.id,
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
	const people = { chair, professional, attacker, parent, observer };
	const made = await makeMeeting(db, {
		unitId: unit.id,
		childIds: children.map((c) => c.id),
		participants: [
			{ user: chair, role: 'chair' },
			{ user: professional, role: 'professional' },
			{ user: attacker, role: 'professional' },
			{ user: parent, role: 'parent' },
			{ user: observer, role: 'observer' }
		]
	});
	meetingId = made.meeting.id;
	for (const [name, user] of Object.entries(people) as [
		keyof typeof people,
		(typeof people)[keyof typeof people]
	][]) {
		tokens[name] = await signIn(db, user.id);
		participantIds[name] = made.participants.find((p) => p.userId === user.id)!.id;
	}
	server = await startCollabServer(db);
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, type);
	write(encoder);
	return encoding.toUint8Array(encoder);
}
const syncFrame = (step: 0 | 1 | 2, payload: Uint8Array) =>
	frame(messageSync, (e) => {
		encoding.writeVarUint(e, step);
		encoding.writeVarUint8Array(e, payload);
	});

/** A valid update a client might send: words in a root, from a fresh client id. */
function validUpdate(root: string, words: string): Uint8Array {
	const doc = new Y.Doc();
	if (root === roots.meta || root === roots.plan) doc.getMap(root).set('fuzz', words);
	else typeParagraph(doc, root, words);
	const update = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return update;
}

type Sender = 'attacker' | 'parent' | 'observer';
interface Shot {
	sender: Sender;
	frame: Uint8Array;
	/** The server must close this socket (the frame can never be accepted). */
	offending: boolean;
	what: string;
}

const senders = fc.constantFrom<Sender>('attacker', 'parent', 'observer');
const rootsFor = (sender: Sender) =>
	fc.constantFrom(
		roots.contribution(participantIds[sender]),
		roots.section('notes'),
		roots.meta,
		roots.plan
	);
const mayWrite = (sender: Sender, root: string) =>
	sender === 'attacker'
		? root !== roots.meta
		: sender === 'parent'
			? root === roots.contribution(participantIds.parent)
			: false;

/** Random bytes, valid updates cut short, valid updates with bytes changed, and valid updates where the sender may not write. */
const shots: fc.Arbitrary<Shot> = fc.oneof(
	fc
		.record({ sender: senders, bytes: fc.uint8Array({ minLength: 0, maxLength: 64 }) })
		.map(({ sender, bytes }) => ({
			sender,
			frame: bytes,
			offending: bytes.length === 0,
			what: 'random bytes'
		})),
	fc
		.record({
			sender: senders,
			type: fc.constantFrom(
				messageSync,
				messageAwareness,
				messageQueryAwareness,
				messageSaveCheck,
				7
			),
			bytes: fc.uint8Array({ maxLength: 48 })
		})
		.map(({ sender, type, bytes }) => ({
			sender,
			frame: frame(type, (e) => encoding.writeUint8Array(e, bytes)),
			offending: type === 7,
			what: `message ${type} with random bytes`
		})),
	fc
		.record({ sender: senders, words: fc.string({ maxLength: 24 }), cutAt: fc.nat() })
		.chain(({ sender, words, cutAt }) =>
			rootsFor(sender).map((root) => {
				const whole = syncFrame(2, validUpdate(root, words));
				return {
					sender,
					frame: whole.slice(0, cutAt % whole.length),
					offending: true,
					what: `an update to ${root} cut short`
				};
			})
		),
	fc
		.record({
			sender: senders,
			words: fc.string({ maxLength: 24 }),
			step: fc.constantFrom<1 | 2>(1, 2),
			flips: fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), {
				minLength: 1,
				maxLength: 4
			})
		})
		.chain(({ sender, words, step, flips }) =>
			rootsFor(sender).map((root) => {
				const update = validUpdate(root, words);
				for (const { at, byte } of flips) update[at % update.length] = byte;
				return {
					sender,
					frame: syncFrame(step, update),
					offending: false,
					what: `an update to ${root} with bytes changed`
				};
			})
		),
	fc
		.record({ sender: senders, words: fc.string({ minLength: 1, maxLength: 24 }) })
		.chain(({ sender, words }) =>
			rootsFor(sender)
				.filter((root) => !mayWrite(sender, root))
				.map((root) => ({
					sender,
					frame: syncFrame(2, validUpdate(root, words)),
					offending: true,
					what: `${sender} writing ${root}`
				}))
		)
);

describe('fuzzing the collaboration socket', () => {
	it('random, truncated and mutated frames: the server stays up, offenders are closed, honest clients converge and the stored record equals theirs', async () => {
		const chair = pool.open({ url: server.url, meetingId, token: tokens.chair });
		const professional = pool.open({ url: server.url, meetingId, token: tokens.professional });
		await Promise.all([synced(chair), synced(professional)]);
		// The honest keep typing all through.
		let n = 0;
		const typing = setInterval(() => {
			typeParagraph(chair.doc, roots.section('notes'), `chair ${n}`);
			typeParagraph(
				professional.doc,
				roots.contribution(participantIds.professional),
				`professional ${n}`
			);
			n++;
		}, 40);

		const notClosed: string[] = [];
		const wrongCodes: string[] = [];
		let sent = 0;
		try {
			await fc.assert(
				fc.asyncProperty(shots, async (shot) => {
					const { ws, closed } = await rawSocket(server.url, meetingId, tokens[shot.sender]);
					ws.send(shot.frame);
					sent++;
					const outcome = await Promise.race([
						closed,
						new Promise<null>((r) => setTimeout(() => r(null), shot.offending ? 3_000 : 60))
					]);
					if (outcome === null) {
						if (shot.offending) notClosed.push(`${shot.what} by ${shot.sender}`);
						ws.terminate();
					} else if (!offenceCodes.includes(outcome.code)) {
						wrongCodes.push(
							`${shot.what} by ${shot.sender}: closed ${outcome.code} ${outcome.reason}`
						);
					}
					return true;
				}),
				{
					numRuns: 100_000,
					interruptAfterTimeLimit: FUZZ_MS,
					markInterruptAsFailure: false,
					...(process.env.FUZZ_SEED ? { seed: Number(process.env.FUZZ_SEED) } : {})
				}
			);
		} finally {
			clearInterval(typing);
		}
		expect(sent).toBeGreaterThan(20);
		expect(notClosed, 'offending frames whose socket stayed open').toEqual([]);
		expect(wrongCodes, 'sockets closed with a code that is not an offence').toEqual([]);

		// The honest clients were never closed, and converge with each other and with the server.
		expect(chair.closes).toEqual([]);
		expect(professional.closes).toEqual([]);
		const same = (a: Y.Doc, b: Y.Doc) => Y.equalSnapshots(Y.snapshot(a), Y.snapshot(b));
		await waitFor('the honest clients converge', () => same(chair.doc, professional.doc));
		const reader = pool.open({ url: server.url, meetingId, token: tokens.chair });
		await synced(reader);
		await waitFor('a new client reads what they have', () => same(reader.doc, chair.doc));
		expect(textOf(reader.doc, roots.section('notes'))).toContain(`chair ${n - 1}`);
		expect(textOf(reader.doc, roots.contribution(participantIds.professional))).toContain(
			`professional ${n - 1}`
		);

		// The stored record (read from the database, not the live copy) equals theirs.
		await waitFor(
			'the stored record equals the clients’',
			async () => {
				const stored = new Y.Doc();
				await loadChannel({ db: handle.db, meetingId, doc: stored });
				const equal =
					same(stored, chair.doc) &&
					textOf(stored, roots.section('notes')) === textOf(chair.doc, roots.section('notes'));
				stored.destroy();
				return equal;
			},
			10_000
		);
	});
});
