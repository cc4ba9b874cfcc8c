/**
 * Ending a session ends its live connections (issue 9, items 4 and 11): sign-out closes that
 * session's sockets with 4401 and nothing typed afterwards is stored; invalidating every
 * session of an account (password change, disabled account) closes all of theirs and no one
 * else's; the old cookie's reconnect is refused with 401; a malformed session cookie is a
 * 401, not a 500. Real database, real collaboration server on port 0, stock y-websocket clients.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { roots } from '../../src/lib/collab/roots';
import { closeCodes } from '../../src/lib/collab/protocol';
import {
	invalidateSession,
	invalidateUserSessions,
	sessionIdFromToken,
	SESSION_COOKIE
} from '../../src/lib/server/auth/session';
import { loadChannel } from '../../src/lib/server/records';
import { createTestDatabase, makeMeeting, makeUnit, makeUser, signIn } from '../factories';
import {
	clientPool,
	startCollabServer,
	synced,
	textOf,
	typeParagraph,
	upgradeStatus,
	waitFor,
	type RunningServer
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();
let meetingId: string;
let chairToken: string;
const people = {} as Record<'police' | 'health', { userId: string; participantId: string }>;

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	const chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Chris Chair' });
	const police = await makeUser(db, { role: 'professional', name: 'Pat Police' });
	const health = await makeUser(db, { role: 'professional', name: 'Hana Health' });
	const made = await makeMeeting(db, {
		unitId: unit.id,
		participants: [
			{ user: chair, role: 'chair' },
			{ user: police, role: 'professional' },
			{ user: health, role: 'professional' }
		]
	});
	meetingId = made.meeting.id;
	const pid = (userId: string) => made.participants.find((p) => p.userId === userId)!.id;
	people.police = { userId: police.id, participantId: pid(police.id) };
	people.health = { userId: health.id, participantId: pid(health.id) };
	chairToken = await signIn(db, chair.id);
	server = await startCollabServer(handle.db);
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

/** The main document as stored in the database (not the server's live copy). */
async function storedText(root: string): Promise<string> {
	const doc = new Y.Doc();
	try {
		await loadChannel({ db: handle.db, meetingId, doc });
		return textOf(doc, root);
	} finally {
		doc.destroy();
	}
}

describe('ending a session ends its live connections', () => {
	it('sign-out closes that session’s socket with 4401; a word typed after is not stored, and the old cookie is refused with 401', async () => {
		const token = await signIn(handle.db, people.police.userId); // a session made by the session module
		const root = roots.contribution(people.police.participantId);
		const chair = pool.open({ url: server.url, meetingId, token: chairToken });
		const police = pool.open({ url: server.url, meetingId, token });
		await Promise.all([synced(chair), synced(police)]);

		typeParagraph(police.doc, root, 'before sign-out');
		await waitFor('the word reaches the chair', () =>
			textOf(chair.doc, root).includes('before sign-out')
		);

		// The logout action's server code: invalidateSession with the request's session id.
		await invalidateSession({ db: handle.db, sessionId: sessionIdFromToken(token) });
		await waitFor('4401', () => police.closes.length > 0);
		expect(police.closes[0].code).toBe(closeCodes.unauthenticated);
		expect(closeCodes.unauthenticated).toBe(4401);

		typeParagraph(police.doc, root, 'after sign-out');
		// The stock client stops on 4401; a page retrying with the same cookie is refused.
		expect(
			await upgradeStatus(server.url, meetingId, { cookie: `${SESSION_COOKIE}=${token}` })
		).toBe(401);
		police.provider.connect();
		await new Promise((r) => setTimeout(r, 400));
		expect(police.provider.wsconnected).toBe(false);
		police.destroy();

		await waitFor('stored', async () => (await storedText(root)).includes('before sign-out'));
		expect(textOf(chair.doc, root)).not.toContain('after sign-out');
		expect(await storedText(root)).not.toContain('after sign-out');
		expect(chair.closes).toEqual([]);
		expect(chair.provider.wsconnected).toBe(true);
	});

	it('invalidating every session of an account (password change, disabled account) closes all of its sockets and no one else’s', async () => {
		const laptop = await signIn(handle.db, people.health.userId);
		const phone = await signIn(handle.db, people.health.userId);
		const other = await signIn(handle.db, people.police.userId);
		const a = pool.open({ url: server.url, meetingId, token: laptop });
		const b = pool.open({ url: server.url, meetingId: `${meetingId}/restricted`, token: phone });
		const c = pool.open({ url: server.url, meetingId, token: other });
		await Promise.all([synced(a), synced(b), synced(c)]);

		await invalidateUserSessions({ db: handle.db, userId: people.health.userId });
		await waitFor('both closed', () => a.closes.length > 0 && b.closes.length > 0);
		expect([a.closes[0].code, b.closes[0].code]).toEqual([4401, 4401]);
		expect(
			await upgradeStatus(server.url, meetingId, { cookie: `${SESSION_COOKIE}=${phone}` })
		).toBe(401);

		// Someone else's socket goes on writing.
		const root = roots.contribution(people.police.participantId);
		typeParagraph(c.doc, root, 'still here');
		await waitFor('stored', async () => (await storedText(root)).includes('still here'));
		expect(c.closes).toEqual([]);
	});
});

describe('a malformed session cookie', () => {
	it('is answered 401 at the upgrade, not 500', async () => {
		expect(await upgradeStatus(server.url, meetingId, { cookie: `${SESSION_COOKIE}=%%%` })).toBe(
			401
		);
		expect(
			await upgradeStatus(server.url, meetingId, {
				cookie: `theme=dark; ${SESSION_COOKIE}=%E0%A4%A`
			})
		).toBe(401);
		expect(server.events.filter((e) => e.event === 'collab.upgrade_failed')).toEqual([]);
	});
});
