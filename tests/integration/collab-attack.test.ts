/**
 * Defects found by an attack from outside (issue 9), on the real server with stock clients:
 * a writer naming someone else's next item as its neighbour, concern cards with a reused id,
 * and one writer growing a record without bound.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { roots } from '../../src/lib/collab/roots';
import { addConcern, readRecord } from '../../src/lib/collab/record-shape';
import { closeCodes } from '../../src/lib/collab/protocol';
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
	syncUpdateFrame,
	textOf,
	typeParagraph,
	waitFor,
	type RunningServer
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();
const open = pool.open;
let meetingId: string;
const tokens: Record<'chair' | 'police' | 'health' | 'parent', string> = {} as never;
const participantIds: Record<'chair' | 'police' | 'health' | 'parent', string> = {} as never;

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	const chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Chris Chair' });
	const police = await makeUser(db, { role: 'professional', name: 'Pat Police' });
	const health = await makeUser(db, { role: 'professional', name: 'Hana Health' });
	const parent = await makeUser(db, { role: 'parent', name: 'Parent One' });
	const { children } = await makeFamily(db, {
		unitId: unit.id,
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
	const made = await makeMeeting(db, {
		unitId: unit.id,
		childIds: children.map((c) => c.id),
		participants: [
			{ user: chair, role: 'chair' },
			{ user: police, role: 'professional' },
			{ user: health, role: 'professional' },
			{ user: parent, role: 'parent' }
		]
	});
	meetingId = made.meeting.id;
	const byUser = (userId: string) => made.participants.find((p) => p.userId === userId)!.id;
	Object.assign(participantIds, {
		chair: byUser(chair.id),
		police: byUser(police.id),
		health: byUser(health.id),
		parent: byUser(parent.id)
	});
	Object.assign(tokens, {
		chair: await signIn(db, chair.id),
		police: await signIn(db, police.id),
		health: await signIn(db, health.id),
		parent: await signIn(db, parent.id)
	});
	server = await startCollabServer(db);
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

/** A sync step 2 frame (what a client sends in answer to the server's state vector). */
function syncStep2Frame(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint(encoder, 1);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

/** Appends text to the last paragraph of a contribution, as typing at its end does. */
function typeAtEnd(doc: Y.Doc, root: string, text: string) {
	const paragraph = doc
		.getXmlFragment(root)
		.get(doc.getXmlFragment(root).length - 1) as Y.XmlElement;
	const words = paragraph.get(0) as Y.XmlText;
	words.insert(words.length, text);
}

async function serverRecord(): Promise<Y.Doc> {
	const reader = open({ url: server.url, meetingId, token: tokens.chair });
	await synced(reader);
	return reader.doc;
}

describe('a parent naming the social worker’s next words as the place for their own', () => {
	for (const kind of ['update', 'step2'] as const) {
		it(`never lands inside the professional’s words (sent as a ${kind === 'update' ? 'live update' : 'sync step 2'})`, async () => {
			const root = roots.contribution(participantIds.police);
			const police = open({ url: server.url, meetingId, token: tokens.police });
			await synced(police);
			typeParagraph(police.doc, root, `Victim wrote this (${kind}). `);
			await waitFor('the words reach the server', async () =>
				textOf(await serverRecord(), root).includes(`(${kind})`)
			);

			// The attacker predicts the police officer's next item: same client id, same state, same keystroke.
			const predicted = new Y.Doc();
			Y.applyUpdate(predicted, Y.encodeStateAsUpdate(police.doc));
			predicted.clientID = police.doc.clientID; // after applying: Yjs renews an id it sees remote changes under
			const before = Y.encodeStateVector(predicted);
			typeAtEnd(predicted, root, 'h');
			const victimNext = Y.encodeStateAsUpdate(predicted, before);

			const attacker = new Y.Doc();
			Y.applyUpdate(attacker, Y.encodeStateAsUpdate(police.doc));
			Y.applyUpdate(attacker, victimNext);
			const attackerBefore = Y.encodeStateVector(attacker);
			typeAtEnd(attacker, root, 'INJECTED-BY-PARENT');
			const injected = Y.encodeStateAsUpdate(attacker, attackerBefore);

			const { ws, closed } = await rawSocket(server.url, meetingId, tokens.parent);
			ws.send(kind === 'update' ? syncUpdateFrame(injected) : syncStep2Frame(injected));
			if (kind === 'update') expect((await closed).code).toBe(closeCodes.outOfSync);
			else await new Promise((r) => setTimeout(r, 200)); // held back, waiting for the police's item

			typeAtEnd(police.doc, root, 'h'); // the police officer types again
			await waitFor('the police’s next letter is stored', async () =>
				textOf(await serverRecord(), root).includes(`(${kind}). h`)
			);
			if (kind === 'step2')
				expect(
					await Promise.race([closed, new Promise((r) => setTimeout(() => r('not closed'), 3000))])
				).toMatchObject({ code: closeCodes.forbidden }); // judged again once placeable
			const stored = textOf(await serverRecord(), root);
			expect(stored).not.toContain('INJECTED');
			expect(textOf(police.doc, root)).not.toContain('INJECTED');
			expect(police.closes).toEqual([]);
			police.destroy();
		});
	}
});

describe('concern cards keep ids of their own', () => {
	it('closes a writer who adds a card with another card’s id or changes a card’s id; the views’ data is unchanged', async () => {
		const chair = open({ url: server.url, meetingId, token: tokens.chair });
		await synced(chair);
		const first = addConcern(chair.doc, { childId: 'c1', title: 'Sleeps in a cold room' });
		await waitFor('the card reaches the server', async () =>
			readRecord(await serverRecord(), []).concerns.some((c) => c.id === first)
		);

		const copycat = open({ url: server.url, meetingId, token: tokens.health });
		await synced(copycat);
		addConcern(copycat.doc, { id: first, childId: 'c1', title: 'A card reusing the id' });
		await waitFor('the copycat is closed', () => copycat.closes.length > 0);
		expect(copycat.closes[0].code).toBe(closeCodes.forbidden);

		const renamer = open({ url: server.url, meetingId, token: tokens.police });
		await synced(renamer);
		const second = addConcern(renamer.doc, { childId: 'c1', title: 'Misses school' });
		await waitFor(
			'the second card is stored',
			async () => readRecord(await serverRecord(), []).concerns.length === 2
		);
		const card = renamer.doc
			.getArray<Y.Map<unknown>>(roots.concerns)
			.toArray()
			.find((m) => m.get('id') === second)!;
		card.set('id', first);
		await waitFor('the renamer is closed', () => renamer.closes.length > 0);
		expect(renamer.closes[0].code).toBe(closeCodes.forbidden);

		const stored = readRecord(await serverRecord(), []).concerns;
		expect(stored.map((c) => c.id).sort()).toEqual([first, second].sort());
		expect(chair.closes).toEqual([]);
	});

	it('a record that already holds a duplicate id still reads as one card per id', () => {
		const doc = new Y.Doc();
		addConcern(doc, { id: 'same', childId: 'c1', title: 'First' });
		addConcern(doc, { id: 'same', childId: 'c1', title: 'Second' });
		expect(readRecord(doc, []).concerns.map((c) => c.title)).toEqual(['First']);
	});
});

describe('one writer cannot grow the record without bound', () => {
	it('refuses a writer beyond their share, and anyone once the record is full, keeping everything written before', async () => {
		const small = await startCollabServer(handle.db, {
			limits: { recordBytes: 48 * 1024, shareBytes: 16 * 1024 }
		});
		try {
			const police = open({ url: small.url, meetingId, token: tokens.police });
			const health = open({ url: small.url, meetingId, token: tokens.health });
			await Promise.all([synced(police), synced(health)]);
			const root = roots.contribution(participantIds.police);
			const block = 'x'.repeat(4 * 1024);
			let written = 0;
			for (let i = 0; i < 10 && police.closes.length === 0; i++) {
				typeParagraph(police.doc, root, `${i}:${block}`);
				await new Promise((r) => setTimeout(r, 100));
				if (police.closes.length === 0) written = i + 1;
			}
			expect(police.closes[0]?.code).toBe(closeCodes.recordFull);
			expect(written).toBeGreaterThanOrEqual(2);
			expect(written).toBeLessThanOrEqual(4);

			// Another person still writes, until the whole record is full.
			const healthRoot = roots.contribution(participantIds.health);
			for (let i = 0; i < 3; i++)
				typeParagraph(health.doc, healthRoot, `health ${i}: ${'y'.repeat(3 * 1024)}`);
			await new Promise((r) => setTimeout(r, 300));
			expect(health.closes).toEqual([]);

			const reader = open({ url: small.url, meetingId, token: tokens.chair });
			await synced(reader);
			const stored = textOf(reader.doc, root);
			for (let i = 0; i < written; i++) expect(stored).toContain(`${i}:${block}`);
			expect(textOf(reader.doc, healthRoot)).toContain('health 2');
			// The chair may still write until the record itself is full.
			const chairRoot = roots.contribution(participantIds.chair);
			for (let i = 0; i < 12 && reader.closes.length === 0; i++) {
				typeParagraph(reader.doc, chairRoot, `chair ${i}: ${'z'.repeat(4 * 1024)}`);
				await new Promise((r) => setTimeout(r, 80));
			}
			await waitFor('the chair is told the record is full', () => reader.closes.length > 0);
			expect(reader.closes[0].code).toBe(closeCodes.recordFull);
		} finally {
			pool.closeAll();
			await small.close();
		}
	});
});
