import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { messageAwareness } from '../../src/lib/collab/protocol';
import { createTestDatabase, makeMeeting, makeUser } from '../../tests/factories';
import { leavePresence } from './presence-leave';
import { ChannelRegistry } from './registry';

let handle: DatabaseHandle;
let registry: ChannelRegistry;

beforeAll(async () => {
	handle = await createTestDatabase();
	registry = new ChannelRegistry({
		db: handle.db,
		persistence: {},
		limits: { recordBytes: 1_000_000, shareBytes: 1_000_000 },
		unloadDelayMs: 60_000,
		logger: () => {},
		relay: null,
		hooks: { loadChannel: [], afterApply: [] }
	});
});
afterAll(async () => {
	await registry?.unloadAll();
	await handle?.close();
});

/** A socket as a loaded channel sees it: it keeps the presence it is sent. */
class TestPeer {
	readonly received: Uint8Array[] = [];
	send(message: Uint8Array) {
		this.received.push(message);
	}
	/** Presence updates among what it was sent. */
	presence(): Uint8Array[] {
		return this.received.flatMap((message) => {
			const decoder = decoding.createDecoder(message);
			return decoding.readVarUint(decoder) === messageAwareness
				? [decoding.readVarUint8Array(decoder)]
				: [];
		});
	}
}

/** One person's editor present in the room: its awareness client id, and its state there. */
function present(clientId: number, name: string): Uint8Array {
	const doc = new Y.Doc();
	doc.clientID = clientId;
	const awareness = new awarenessProtocol.Awareness(doc);
	awareness.setLocalState({ user: { name }, cursor: null });
	const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]);
	awareness.destroy();
	return update;
}

async function room() {
	const chair = await makeUser(handle.db, { role: 'chair' });
	const { meeting } = await makeMeeting(handle.db, {
		status: 'scheduled',
		participants: [{ user: chair, role: 'chair' }]
	});
	const [leaving, staying] = [new TestPeer(), new TestPeer()];
	const live = await registry.attach(meeting.id, 'main', leaving);
	await registry.attach(meeting.id, 'main', staying);
	// The leaving socket spoke for two editors (two tabs' worth), the staying one for one.
	for (const [id, name] of [
		[11, 'Pat'],
		[12, 'Pat'],
		[21, 'Sam']
	] as const)
		awarenessProtocol.applyAwarenessUpdate(live.awareness, present(id, name), null);
	return { live, staying };
}

describe('leavePresence (disconnect)', () => {
	it('takes the leaving socket’s people out of the room, and tells those who stay', async () => {
		const { live, staying } = await room();
		const before = staying.presence().length;
		leavePresence.run(live, { awarenessClientIds: new Set([11, 12]) });
		expect([...live.awareness.getStates().keys()]).toEqual([21]);
		const told = staying.presence().slice(before);
		expect(told).toHaveLength(1);
		// What a staying editor's copy of the room looks like once it has been told.
		const seen = new awarenessProtocol.Awareness(new Y.Doc());
		seen.setLocalState(null);
		for (const id of [11, 12, 21])
			awarenessProtocol.applyAwarenessUpdate(seen, present(id, 'x'), null);
		awarenessProtocol.applyAwarenessUpdate(seen, told[0], null);
		expect([...seen.getStates().keys()]).toEqual([21]);
		seen.destroy();
	});

	it('leaves everyone in place for a socket that spoke for nobody', async () => {
		const { live, staying } = await room();
		const before = staying.presence().length;
		leavePresence.run(live, { awarenessClientIds: new Set() });
		expect([...live.awareness.getStates().keys()].sort()).toEqual([11, 12, 21]);
		expect(staying.presence().length).toBe(before);
	});
});
