import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { collabUpdates } from '../../src/lib/server/db/schema';
import { messageSync } from '../../src/lib/collab/protocol';
import { createTestDatabase, makeMeeting, makeUser } from '../../tests/factories';
import { broadcast, persist, relayToNodes, retryHeld } from './after-apply';
import type { AfterApply } from './hooks';
import { ChannelRegistry, type LiveChannel } from './registry';
import { createRedisRelay, type NodeRelay } from './relay';
import { relayOrigin } from './relay-kinds';

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

async function aMeeting(): Promise<string> {
	const chair = await makeUser(handle.db, { role: 'chair' });
	const { meeting } = await makeMeeting(handle.db, {
		status: 'scheduled',
		participants: [{ user: chair, role: 'chair' }]
	});
	return meeting.id;
}

/** A node's registry that runs only `afterApply` on what its channels apply. */
function aRegistry(afterApply: AfterApply<LiveChannel>[], relay: NodeRelay | null = null) {
	const registry = new ChannelRegistry({
		db: handle.db,
		persistence: { flushDelayMs: 5 },
		limits: { recordBytes: 1_000_000, shareBytes: 1_000_000 },
		unloadDelayMs: 60_000,
		logger: () => {},
		relay,
		hooks: { loadChannel: [], afterApply }
	});
	registries.push(registry);
	return registry;
}

/** A meeting's main channel, loaded by a registry that runs only `afterApply`, with two sockets. */
async function loadedChannel(afterApply: AfterApply<LiveChannel>[]) {
	const meetingId = await aMeeting();
	const registry = aRegistry(afterApply);
	const [a, b] = [new TestPeer(), new TestPeer()];
	const live = await registry.attach(meetingId, 'main', a);
	await registry.attach(meetingId, 'main', b);
	return { meetingId, live, a, b };
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

// Two nodes in this process on one database, relaying through a real Redis (Debian's
// redis-server on a free port), as tests/integration/two-nodes.test.ts does with two processes.
const redisServer =
	['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((file) => existsSync(file)) ?? null;
const noRedis = !redisServer && !process.env.CI;
if (noRedis) console.warn('after-apply.db.test.ts: relay skipped: redis-server is not installed');

describe.skipIf(noRedis)('afterApply: relay', () => {
	let redis: ChildProcess | null = null;
	const relays: NodeRelay[] = [];

	beforeAll(async () => {
		if (!redisServer)
			throw new Error('redis-server is not installed (apt-get install redis-server)');
		const port = await new Promise<number>((resolve, reject) => {
			const server = net.createServer();
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => {
				const { port } = server.address() as net.AddressInfo;
				server.close(() => resolve(port));
			});
		});
		const proc = spawn(
			redisServer,
			['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
			{ stdio: ['ignore', 'pipe', 'pipe'] }
		);
		redis = proc;
		await new Promise<void>((resolve, reject) => {
			let out = '';
			proc.stdout!.on('data', (chunk: Buffer) => {
				out += chunk.toString();
				if (out.includes('Ready to accept connections')) resolve();
			});
			proc.once('exit', (code) => reject(new Error(`redis-server exited (${code})`)));
		});
		for (let i = 0; i < 2; i++)
			relays.push(await createRedisRelay({ url: `redis://127.0.0.1:${port}` }));
	}, 30_000);

	afterAll(async () => {
		for (const registry of registries.splice(0)) await registry.unloadAll();
		for (const relay of relays) await relay.close();
		const proc = redis;
		if (proc && proc.exitCode === null)
			await new Promise<void>((resolve) => {
				proc.once('exit', () => resolve());
				proc.kill('SIGKILL');
			});
	});

	const textOn = (live: LiveChannel) => live.doc.getText('section:a').toString();

	async function until(condition: () => boolean) {
		const deadline = Date.now() + 5_000;
		while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
		expect(condition()).toBe(true);
	}

	/**
	 * The channel loaded on both nodes, once the second node's hello has been answered (it asks
	 * for what it lacks; the answer would carry anything written here before it arrived).
	 */
	async function onTwoNodes(here: AfterApply<LiveChannel>[], there: AfterApply<LiveChannel>[]) {
		const meetingId = await aMeeting();
		const first = await aRegistry(here, relays[0]).attach(meetingId, 'main', new TestPeer());
		// As if relayed from a third node: only the answer to the hello carries it.
		Y.applyUpdate(first.doc, anUpdate('loaded'), relayOrigin);
		const second = await aRegistry(there, relays[1]).attach(meetingId, 'main', new TestPeer());
		await until(() => textOn(second).includes('loaded'));
		return [first, second];
	}

	it('publishes what this node applied to the other nodes, but never what another node relayed', async () => {
		const [here, there] = await onTwoNodes([relayToNodes], []);
		// Relayed to this node by a third: applied here, not published again (Redis keeps order,
		// so had it gone out it would reach the other node before the next one).
		Y.applyUpdate(here.doc, anUpdate('echo'), relayOrigin);
		Y.applyUpdate(here.doc, anUpdate('typed here'), new TestPeer());
		await until(() => textOn(there).includes('typed here'));
		expect(textOn(there)).not.toContain('echo');
	});

	it('publishes nothing when the step is not in the list', async () => {
		const [here, there] = await onTwoNodes([], [relayToNodes]);
		Y.applyUpdate(here.doc, anUpdate('kept here'), new TestPeer());
		// The other way round it does go out: once that arrives, anything sent before it had too.
		Y.applyUpdate(there.doc, anUpdate('from there'), new TestPeer());
		await until(() => textOn(here).includes('from there'));
		await new Promise((r) => setTimeout(r, 100));
		expect(textOn(there)).not.toContain('kept here');
	});
});
