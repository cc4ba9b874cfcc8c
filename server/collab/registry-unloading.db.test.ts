/**
 * A channel writing its final batch (its last socket gone) is read from memory, not waited for:
 * End reads the record inside its transaction, and on the embedded database (one connection)
 * the final batch waits for that transaction, so a reader that waited for the write would never
 * be answered. Here a transaction holds `collab_updates` locked (on PostgreSQL the write then
 * waits for the lock; on PGlite for the transaction), and the channel's words are read inside it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { createTestDatabase, makeMeeting, makeUser } from '../../tests/factories';
import { readStoredRecord } from '../../src/lib/server/records/stored';
import { connectLiveRecords } from '../../src/lib/server/records/live';
import { ChannelRegistry } from './registry';

let handle: DatabaseHandle;
let registry: ChannelRegistry;
let disconnect = () => {};

beforeAll(async () => {
	handle = await createTestDatabase();
	registry = new ChannelRegistry({
		db: handle.db,
		persistence: {},
		limits: { recordBytes: 1_000_000, shareBytes: 1_000_000 },
		unloadDelayMs: 0,
		logger: () => {},
		relay: null,
		hooks: { loadChannel: [], afterApply: [] }
	});
	// The record store asks this registry first, as it asks the collaboration server in the app.
	disconnect = connectLiveRecords({
		db: handle.db,
		liveChannel: (meetingId, channel) => registry.liveChannel(meetingId, channel),
		meetingChanged: () => {},
		meetingEnding: () => () => {}
	});
});
afterAll(async () => {
	disconnect();
	await registry?.unloadAll();
	await handle?.close();
});

const peer = { send: () => {} };

/** Within `ms`, or the reader waited for a write that waits for it. */
function within<T>(ms: number, promise: Promise<T>): Promise<T> {
	return Promise.race([
		promise,
		new Promise<T>((_, reject) =>
			setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)
		)
	]);
}

describe('liveChannel while the channel writes its final batch', () => {
	it('gives the record as it is in memory, inside a transaction the write waits for', async () => {
		const chair = await makeUser(handle.db, { role: 'chair' });
		const { meeting } = await makeMeeting(handle.db, {
			status: 'live',
			participants: [{ user: chair, role: 'chair' }]
		});
		const live = await registry.attach(meeting.id, 'main', peer);
		const typed = new Y.Doc();
		typed.getText('section:welcome').insert(0, 'Everyone is here.');
		const update = Y.encodeStateAsUpdate(typed);
		Y.applyUpdate(live.doc, update);
		live.log.append(update);

		let release = () => {};
		const held = new Promise<void>((resolve) => (release = resolve));
		let words = '';
		const transaction = handle.db.transaction(async (tx) => {
			await tx.execute(sql`lock table collab_updates in access exclusive mode`);
			// The last socket leaves: the channel unloads at once and its final write waits.
			registry.detach(live, peer);
			await new Promise((resolve) => setTimeout(resolve, 50));
			expect(await registry.loaded(meeting.id, 'main')).toBeNull();
			const record = await within(
				5_000,
				readStoredRecord({ db: handle.db, tx, meetingId: meeting.id, channel: 'main' })
			);
			words = record.getText('section:welcome').toString();
			record.destroy();
			release();
		});
		await held;
		await transaction;
		expect(words).toBe('Everyone is here.');
		// Once the transaction is over the final batch is written: the stored record has the words.
		await registry.unloadAll();
		const stored = await readStoredRecord({ db: handle.db, meetingId: meeting.id });
		expect(stored.getText('section:welcome').toString()).toBe('Everyone is here.');
		stored.destroy();
	});
});
