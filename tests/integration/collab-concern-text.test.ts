/**
 * Concern cards merge like the rest of the record: each text field is a shared text, so two
 * people typing in one field at once (stock y-websocket clients, the real server) both keep
 * their words, and the stored record says the same as their screens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { roots } from '../../src/lib/collab/roots';
import {
	addConcern,
	concernText,
	editConcernText,
	readRecord
} from '../../src/lib/collab/record-shape';
import { readStoredRecord } from '../../src/lib/server/records';
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
	startCollabServer,
	synced,
	waitFor,
	type RunningServer,
	type TestClient
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();
let meetingId: string;
let childId: string;
const tokens: Record<'chair' | 'police' | 'health', string> = {} as never;

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	const chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	const police = await makeUser(db, { role: 'professional' });
	const health = await makeUser(db, { role: 'professional' });
	const { children } = await makeFamily(db, { unitId: unit.id });
	childId = children[0].id;
	const made = await makeMeeting(db, {
		unitId: unit.id,
		childIds: [childId],
		participants: [
			{ user: chair, role: 'chair' },
			{ user: police, role: 'professional' },
			{ user: health, role: 'professional' }
		]
	});
	meetingId = made.meeting.id;
	Object.assign(tokens, {
		chair: await signIn(db, chair.id),
		police: await signIn(db, police.id),
		health: await signIn(db, health.id)
	});
	server = await startCollabServer(db);
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

/** Types `words` one letter at a time at `at` (a function of the field's current text), as a keyboard does. */
function typeLetter(client: TestClient, id: string, at: (text: string) => number, letter: string) {
	const current = concernText(client.doc, id, 'dayToDay');
	const text = current instanceof Y.Text ? current.toString() : (current ?? '');
	const index = at(text);
	editConcernText(client.doc, id, 'dayToDay', text.slice(0, index) + letter + text.slice(index), {
		cursor: index + letter.length
	});
}

async function storedCards() {
	const stored = await readStoredRecord({ db: handle.db, meetingId });
	try {
		return readRecord(stored, []).concerns;
	} finally {
		stored.destroy();
	}
}

describe('two people typing in one field of a concern card', () => {
	it('both keep their words, on every screen and in the stored record', async () => {
		const police = pool.open({ url: server.url, meetingId, token: tokens.police });
		const health = pool.open({ url: server.url, meetingId, token: tokens.health });
		await Promise.all([synced(police), synced(health)]);
		const id = addConcern(police.doc, {
			childId,
			title: 'Chrissie is often late for school',
			dayToDay: 'She misses breakfast.'
		});
		await waitFor(
			'the card reaches the other screen',
			() => readRecord(health.doc, []).concerns.length === 1
		);
		expect(
			health.doc.getArray<Y.Map<unknown>>(roots.concerns).get(0).get('dayToDay')
		).toBeInstanceOf(Y.Text);

		// Each keystroke is sent before the other's has arrived: the two type at once.
		const policeWords = ' Mum works nights.';
		const healthWords = 'Most days ';
		for (let i = 0; i < Math.max(policeWords.length, healthWords.length); i++) {
			if (i < policeWords.length) typeLetter(police, id, (text) => text.length, policeWords[i]);
			if (i < healthWords.length) typeLetter(health, id, () => i, healthWords[i]);
			if (i % 4 === 3) await new Promise((r) => setTimeout(r, 5));
		}
		const expected = 'Most days She misses breakfast. Mum works nights.';
		await waitFor(
			'both screens agree',
			() =>
				readRecord(police.doc, []).concerns[0]?.dayToDay === expected &&
				readRecord(health.doc, []).concerns[0]?.dayToDay === expected
		);
		await waitFor(
			'the stored record agrees',
			async () => (await storedCards())[0]?.dayToDay === expected
		);
		expect(police.closes).toEqual([]);
		expect(health.closes).toEqual([]);
	});

	it('a card stored before fields were shared is read, and edited into shared text over the socket', async () => {
		const chair = pool.open({ url: server.url, meetingId, token: tokens.chair });
		await synced(chair);
		chair.doc.transact(() => {
			const card = new Y.Map<unknown>();
			for (const [key, value] of Object.entries({
				id: 'stored-old',
				childId,
				title: 'No winter coat',
				dayToDay: '',
				impactNow: 'Cold at playtime.',
				impactLater: '',
				childSays: '',
				safetyGoal: '',
				status: 'open',
				raisedInMeetingId: null
			})) {
				card.set(key, value);
			}
			chair.doc.getArray(roots.concerns).push([card]);
		});
		const police = pool.open({ url: server.url, meetingId, token: tokens.police });
		await synced(police);
		await waitFor('the old card arrives', () =>
			readRecord(police.doc, []).concerns.some((c) => c.id === 'stored-old')
		);
		expect(readRecord(police.doc, []).concerns.find((c) => c.id === 'stored-old')?.impactNow).toBe(
			'Cold at playtime.'
		);
		editConcernText(police.doc, 'stored-old', 'impactNow', 'Cold at playtime, and ill twice.');
		await waitFor(
			'the edit is stored as shared text',
			async () =>
				(await storedCards()).find((c) => c.id === 'stored-old')?.impactNow ===
				'Cold at playtime, and ill twice.'
		);
		// The chair's screen hears it over its own socket, a moment after the server has it.
		await waitFor(
			'the chair sees the field as shared text',
			() => concernText(chair.doc, 'stored-old', 'impactNow') instanceof Y.Text
		);
		expect(String(concernText(chair.doc, 'stored-old', 'impactNow'))).toBe(
			'Cold at playtime, and ill twice.'
		);
		expect(police.closes).toEqual([]);
	});

	it('a card’s id stays a string: a shared text as an id is refused', async () => {
		const health = pool.open({ url: server.url, meetingId, token: tokens.health });
		await synced(health);
		health.doc.transact(() => {
			const card = new Y.Map<unknown>();
			card.set('id', new Y.Text('text-id'));
			card.set('childId', childId);
			health.doc.getArray(roots.concerns).push([card]);
		});
		await waitFor('the writer is closed', () => health.closes.length > 0);
		expect(health.closes[0].code).toBe(4403);
		expect((await storedCards()).every((c) => typeof c.id === 'string' && c.id !== '')).toBe(true);
	});
});
