import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { collabClients } from '../../src/lib/server/db/schema';
import { closeCodes } from '../../src/lib/collab/protocol';
import { roots } from '../../src/lib/collab/roots';
import { createTestDatabase, makeMeeting, makeUser } from '../../tests/factories';
import type { ConnectionIdentity } from './authenticate';
import { clientBinding } from './client-binding';
import type { UpdateContext } from './hooks';
import { ChannelRegistry, type LiveChannel } from './registry';
import { judgeAtGate } from './write-rights';

let handle: DatabaseHandle;
const registries: ChannelRegistry[] = [];

beforeAll(async () => {
	handle = await createTestDatabase();
});
afterEach(async () => {
	for (const registry of registries.splice(0)) await registry.unloadAll();
});
afterAll(() => handle?.close());

/** A professional's socket on a meeting's loaded main channel, and another professional. */
async function setUp() {
	const { db } = handle;
	const [chair, police, nurse] = [
		await makeUser(db, { role: 'chair' }),
		await makeUser(db, { role: 'professional' }),
		await makeUser(db, { role: 'professional' })
	];
	const { meeting, participants } = await makeMeeting(db, {
		status: 'scheduled',
		participants: [
			{ user: chair, role: 'chair' },
			{ user: police, role: 'professional' },
			{ user: nurse, role: 'professional' }
		]
	});
	const registry = new ChannelRegistry({
		db,
		persistence: {},
		limits: { recordBytes: 1_000_000, shareBytes: 1_000_000 },
		unloadDelayMs: 60_000,
		logger: () => {},
		relay: null,
		hooks: { loadChannel: [], afterApply: [] }
	});
	registries.push(registry);
	const live = await registry.attach(meeting.id, 'main', { send: () => {} });
	const participantId = participants.find((p) => p.userId === police.id)!.id;
	const identity: ConnectionIdentity = {
		meetingId: meeting.id,
		channel: 'main',
		childIds: [],
		decisionOptions: [],
		userId: police.id,
		sessionId: 's',
		name: police.name,
		role: 'professional',
		participantId,
		status: 'live',
		mayWrite: true
	};
	return { meetingId: meeting.id, live, identity, other: nurse.id };
}

/** The police officer's client, writing their decision under `clientId`. */
function decision(identity: ConnectionIdentity, clientId: number, text: string): Uint8Array {
	const doc = new Y.Doc();
	doc.clientID = clientId;
	doc.getMap(roots.decision(identity.participantId!)).set('c1', text);
	return Y.encodeStateAsUpdate(doc);
}

/** The context once the gate has accepted `sent` from `identity`. */
function judged(identity: ConnectionIdentity, live: LiveChannel, sent: Uint8Array): UpdateContext {
	const context = { identity, record: live, kind: 'update' as const, sent, accepted: null };
	const verdict = judgeAtGate(context);
	if (!verdict.ok || !verdict.accepted) throw new Error('the gate accepts it');
	return { ...context, accepted: verdict.accepted };
}

const bindings = (meetingId: string) =>
	handle.db.select().from(collabClients).where(eq(collabClients.meetingId, meetingId));

describe('clientBinding (beforeApply)', () => {
	it('binds a new client id to the writer before the update is applied, then judges it again', async () => {
		const { meetingId, live, identity } = await setUp();
		const context = judged(identity, live, decision(identity, 7001, 'first'));
		expect(context.accepted?.newClients).toEqual([7001]);
		const verdict = await clientBinding.check(context);
		// Judged again with the id now the writer's own: nothing new any more.
		expect(verdict).toMatchObject({ ok: true, accepted: { ok: true, newClients: [] } });
		expect(await bindings(meetingId)).toEqual([
			{ meetingId, clientId: 7001, userId: identity.userId }
		]);
		expect(live.owners.ownerOf(7001)).toBe(identity.userId);
	});

	it('waits for nothing when the update writes under no new client id', async () => {
		const { live, identity } = await setUp();
		await clientBinding.check(judged(identity, live, decision(identity, 7002, 'first')));
		const next = judged(identity, live, decision(identity, 7002, 'second'));
		const verdict = clientBinding.check(next);
		expect(verdict).not.toBeInstanceOf(Promise);
		expect(verdict).toEqual({ ok: true });
		expect(clientBinding.check({ ...next, accepted: null })).toEqual({ ok: true });
	});

	it('refuses anything new from a read-only connection, binding nothing', async () => {
		const { meetingId, live, identity } = await setUp();
		const context = judged(identity, live, decision(identity, 7003, 'first'));
		const verdict = await clientBinding.check({
			...context,
			identity: { ...identity, mayWrite: false }
		});
		expect(verdict).toEqual({
			ok: false,
			code: closeCodes.forbidden,
			reason: 'this connection may only read'
		});
		expect(await bindings(meetingId)).toEqual([]);
	});

	it('refuses a client id someone else bound meanwhile (another node)', async () => {
		const { meetingId, live, identity, other } = await setUp();
		const context = judged(identity, live, decision(identity, 7004, 'first'));
		await handle.db.insert(collabClients).values({ meetingId, clientId: 7004, userId: other });
		expect(await clientBinding.check(context)).toEqual({
			ok: false,
			code: closeCodes.forbidden,
			reason: 'client id belongs to someone else'
		});
		expect(live.owners.ownerOf(7004)).toBe(other);
	});

	it('closes with an internal error, logged as ours, when the binding cannot be stored', async () => {
		const { live, identity } = await setUp();
		const context = judged(identity, live, decision(identity, 7005, 'first'));
		// A writer the database does not know: the binding's row cannot be written.
		const verdict = await clientBinding.check({
			...context,
			identity: { ...identity, userId: 'no-such-user' }
		});
		expect(verdict).toMatchObject({
			ok: false,
			code: closeCodes.internalError,
			reason: 'the server could not store the change; reconnect',
			event: 'collab.bind_failed'
		});
		expect(live.owners.ownerOf(7005)).toBeUndefined();
	});
});
