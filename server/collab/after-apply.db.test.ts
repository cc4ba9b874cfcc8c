import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { collabUpdates } from '../../src/lib/server/db/schema';
import { messageSync } from '../../src/lib/collab/protocol';
import { createTestDatabase, makeMeeting, makeUser } from '../../tests/factories';
import { broadcast, persist, retryHeld } from './after-apply';
import type { AfterApply } from './hooks';
import { ChannelRegistry, type LiveChannel } from './registry';

let handle: DatabaseHandle;
const registries: ChannelRegistry[] = [];

beforeAll(async () => {
	handle = await createTestDatabase();
});
afterEach(async () => {
	for (const registry of registries.splice(0)) await registry.unloadAll();
});
afterAll(() => handle?.close());

/** A socket as a loaded channel sees it: it keeps what it is sent. */
class TestPeer {
	readonly received: Uint8Array[] = [];
	send(message: Uint8Array) {
		this.received.push(message);
	}
	/** The updates among what it was sent. */
	updates(): Uint8Array[] {
		return this.received.flatMap((message) => {
			const decoder = decoding.createDecoder(message);
			if (decoding.readVarUint(decoder) !== messageSync) return [];
			if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsUpdate) return [];
			return [decoding.readVarUint8Array(decoder)];
		});
	}
}

/** A meeting's main channel, loaded by a registry that runs only `afterApply`. */
async function loadedChannel(afterApply: AfterApply<LiveChannel>[]) {
	const chair = await makeUser(handle.db, { role: 'chair' });
	const { meeting } = await makeMeeting(handle.db, {
		status: 'scheduled',
		participants: [{ user: chair, role: 'chair' }]
	});
	const registry = new ChannelRegistry({
		db: handle.db,
		persistence: { flushDelayMs: 5 },
		limits: { recordBytes: 1_000_000, shareBytes: 1_000_000 },
		unloadDelayMs: 60_000,
		logger: () => {},
		relay: null,
		hooks: { loadChannel: [], afterApply }
	});
	registries.push(registry);
	const [a, b] = [new TestPeer(), new TestPeer()];
	const live = await registry.attach(meeting.id, 'main', a);
	await registry.attach(meeting.id, 'main', b);
	return { meetingId: meeting.id, live, a, b };
}

/** An update someone made, writing `text`. */
function anUpdate(text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.getText('section:a').insert(0, text);
	return Y.encodeStateAsUpdate(doc);
}

const storedRows = (meetingId: string) =>
	handle.db.select().from(collabUpdates).where(eq(collabUpdates.meetingId, meetingId));

describe('afterApply: persist', () => {
	it('writes every applied update to the channel’s log, whoever applied it', async () => {
		const { meetingId, live, a } = await loadedChannel([persist]);
		Y.applyUpdate(live.doc, anUpdate('from a socket'), a);
		Y.applyUpdate(live.doc, anUpdate('from the server'), 'server');
		await live.log.whenStored();
		const loaded = new Y.Doc();
		for (const row of await storedRows(meetingId)) Y.applyUpdate(loaded, row.update);
		expect(loaded.getText('section:a').toString()).toContain('from a socket');
		expect(loaded.getText('section:a').toString()).toContain('from the server');
	});

	it('stores nothing when the step is not in the list', async () => {
		const { meetingId, live, a } = await loadedChannel([broadcast]);
		Y.applyUpdate(live.doc, anUpdate('not stored'), a);
		await live.log.whenStored();
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(await storedRows(meetingId)).toEqual([]);
	});
});

describe('afterApply: broadcast', () => {
	it('sends each update to every peer but its sender', async () => {
		const { live, a, b } = await loadedChannel([broadcast]);
		const update = anUpdate('hello');
		Y.applyUpdate(live.doc, update, a);
		expect(a.updates()).toEqual([]);
		expect(b.updates()).toHaveLength(1);
		const copy = new Y.Doc();
		Y.applyUpdate(copy, b.updates()[0]);
		expect(copy.getText('section:a').toString()).toBe('hello');
		// The server's own writes reach everyone.
		Y.applyUpdate(live.doc, anUpdate('from the server'), 'server');
		expect(a.updates()).toHaveLength(1);
		expect(b.updates()).toHaveLength(2);
	});

	it('sends the update back to its sender too when it released others’ held-back changes', async () => {
		const { live, a, b } = await loadedChannel([broadcast]);
		live.echoToSender = true;
		Y.applyUpdate(live.doc, anUpdate('released'), a);
		expect(a.updates()).toHaveLength(1);
		expect(b.updates()).toHaveLength(1);
	});

	it('sends nothing when the step is not in the list', async () => {
		const { live, a, b } = await loadedChannel([persist]);
		Y.applyUpdate(live.doc, anUpdate('quiet'), a);
		expect([...a.updates(), ...b.updates()]).toEqual([]);
	});
});

describe('afterApply: retry held', () => {
	it('asks every socket holding back a sync step to try again after each applied update', async () => {
		const { live, a } = await loadedChannel([retryHeld]);
		const retries: string[] = [];
		live.waiting.add({ retryHeld: () => retries.push('first') });
		live.waiting.add({ retryHeld: () => retries.push('second') });
		Y.applyUpdate(live.doc, anUpdate('one'), a);
		expect(retries).toEqual(['first', 'second']);
		Y.applyUpdate(live.doc, anUpdate('two'), 'server');
		expect(retries).toEqual(['first', 'second', 'first', 'second']);
	});
});
