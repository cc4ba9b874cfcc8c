/**
 * The page's record connection (the rune class the editors share) against the real server:
 * connection status, "all changes saved" once the server has stored everything, and a
 * refused change that reloads the record and tells the user.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { roots } from '../../src/lib/collab/roots';
import {
	LiveRecordConnection,
	closeMessages
} from '../../src/lib/collab/client/live-record.svelte';
import { createTestDatabase, makeMeeting, makeUnit, makeUser, signIn } from '../factories';
import { cookieSocket, startCollabServer, waitFor, type RunningServer } from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
let meetingId: string;
let token: string;
let ownRoot: string;
let othersRoot: string;

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	const chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	const police = await makeUser(db, { role: 'professional' });
	const made = await makeMeeting(db, {
		unitId: unit.id,
		participants: [
			{ user: chair, role: 'chair' },
			{ user: police, role: 'professional' }
		]
	});
	meetingId = made.meeting.id;
	token = await signIn(db, police.id);
	ownRoot = roots.contribution(made.participants.find((p) => p.userId === police.id)!.id);
	othersRoot = roots.contribution(made.participants.find((p) => p.userId === chair.id)!.id);
	server = await startCollabServer(db, { persistence: { flushDelayMs: 200 } });
});

afterAll(async () => {
	await server?.close();
	await handle?.close();
});

const paragraph = (text: string) => {
	const p = new Y.XmlElement('paragraph');
	p.insert(0, [new Y.XmlText(text)]);
	return p;
};

it('reports connected, then saving, then all changes saved once stored', async () => {
	const record = new LiveRecordConnection({
		meetingId,
		serverUrl: server.url,
		WebSocketPolyfill: cookieSocket(token) as unknown as typeof WebSocket
	});
	try {
		await waitFor('connected', () => record.status === 'connected' && record.provider.synced);
		expect(record.saved).toBe(true);
		record.doc.getXmlFragment(ownRoot).insert(0, [paragraph('Police words')]);
		expect(record.saved).toBe(false);
		await waitFor('saved', () => record.saved);
		expect(record.problem).toBeNull();
		// The server had it in the database when it said so.
		const runs = await server.collab.authorship({ meetingId, root: ownRoot });
		expect(runs.map((r) => r.text).join('')).toBe('Police words');
	} finally {
		record.destroy();
	}
});

it('on a refused change, tells the user and reloads the record without it', async () => {
	const record = new LiveRecordConnection({
		meetingId,
		serverUrl: server.url,
		WebSocketPolyfill: cookieSocket(token) as unknown as typeof WebSocket
	});
	try {
		await waitFor('connected', () => record.provider.synced);
		record.doc.getXmlFragment(othersRoot).insert(0, [paragraph('not mine to write')]);
		await waitFor('reloaded', () => record.generation === 1);
		expect(record.problem).toBe(closeMessages[4403]);
		await waitFor('reconnected', () => record.status === 'connected' && record.provider.synced);
		expect(record.doc.getXmlFragment(othersRoot).toString()).toBe('');
		expect(record.doc.getXmlFragment(ownRoot).toString()).toContain('Police words');
	} finally {
		record.destroy();
	}
});
