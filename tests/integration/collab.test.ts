/**
 * The collaboration server with real y-websocket clients and a real database: convergence,
 * who may connect, who may write which root, authorship.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { roots } from '../../src/lib/collab/roots';
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
	syncUpdateFrame,
	startCollabServer,
	synced,
	textOf,
	typeParagraph,
	upgradeStatus,
	waitFor,
	type RunningServer
} from './collab-harness';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session';

let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();
const open = pool.open;

let meetingId: string;
let otherMeetingId: string;
const tokens: Record<'chair' | 'police' | 'health' | 'parent' | 'observer' | 'outsider', string> =
	{} as never;
const participantIds: Record<'chair' | 'police' | 'health' | 'parent' | 'observer', string> =
	{} as never;
const userIds: Record<'chair' | 'police' | 'health' | 'parent', string> = {} as never;

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	const chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Chris Chair' });
	const police = await makeUser(db, { role: 'professional', name: 'Pat Police' });
	const health = await makeUser(db, { role: 'professional', name: 'Hana Health' });
	const parent = await makeUser(db, { role: 'parent', name: 'Parent One' });
	const outsider = await makeUser(db, { role: 'parent', name: 'Other Parent' });
	const observer = await makeUser(db, { role: 'professional', name: 'Olly Observer' });
	await makeFamily(db, { unitId: unit.id, parents: [{ userId: parent.id, relationship: 'Mum' }] });
	await makeFamily(db, {
		unitId: unit.id,
		name: 'Other family',
		parents: [{ userId: outsider.id, relationship: 'Dad' }]
	});
	const made = await makeMeeting(db, {
		unitId: unit.id,
		participants: [
			{ user: chair, role: 'chair' },
			{ user: police, role: 'professional' },
			{ user: health, role: 'professional' },
			{ user: parent, role: 'parent' },
			{ user: observer, role: 'observer' }
		]
	});
	meetingId = made.meeting.id;
	const other = await makeMeeting(db, {
		unitId: unit.id,
		participants: [{ user: outsider, role: 'parent' }]
	});
	otherMeetingId = other.meeting.id;
	const byUser = (userId: string) => made.participants.find((p) => p.userId === userId)!.id;
	Object.assign(participantIds, {
		chair: byUser(chair.id),
		police: byUser(police.id),
		health: byUser(health.id),
		parent: byUser(parent.id),
		observer: byUser(observer.id)
	});
	Object.assign(userIds, {
		chair: chair.id,
		police: police.id,
		health: health.id,
		parent: parent.id
	});
	Object.assign(tokens, {
		chair: await signIn(db, chair.id),
		police: await signIn(db, police.id),
		health: await signIn(db, health.id),
		parent: await signIn(db, parent.id),
		observer: await signIn(db, observer.id),
		outsider: await signIn(db, outsider.id)
	});
	server = await startCollabServer(db);
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

/** The server's view of the record: a fresh client that only reads. */
async function serverText(root: string): Promise<string> {
	const reader = open({ url: server.url, meetingId, token: tokens.chair });
	await synced(reader);
	const text = textOf(reader.doc, root);
	reader.destroy();
	return text;
}

describe('convergence', () => {
	it('two clients converge on concurrent edits in one root, and a late joiner gets it all', async () => {
		const root = roots.section('discussion');
		const a = open({ url: server.url, meetingId, token: tokens.chair });
		const b = open({ url: server.url, meetingId, token: tokens.police });
		await Promise.all([synced(a), synced(b)]);
		const fa = a.doc.getXmlFragment(root);
		const fb = b.doc.getXmlFragment(root);
		for (let i = 0; i < 20; i++) {
			typeParagraph(a.doc, root, `chair ${i}`);
			typeParagraph(b.doc, root, `police ${i}`);
		}
		await waitFor('convergence', () => fa.length === 40 && fb.length === 40);
		expect(fa.toString()).toBe(fb.toString());
		const late = open({ url: server.url, meetingId, token: tokens.health });
		await synced(late);
		await waitFor('late joiner', () => late.doc.getXmlFragment(root).length === 40);
		expect(late.doc.getXmlFragment(root).toString()).toBe(fa.toString());
		for (let i = 0; i < 20; i++) expect(fa.toString()).toContain(`police ${i}`);
	});
});

describe('who may connect', () => {
	it('refuses an upgrade without a session with 401, before any Yjs message', async () => {
		expect(await upgradeStatus(server.url, meetingId, {})).toBe(401);
		expect(
			await upgradeStatus(server.url, meetingId, { cookie: `${SESSION_COOKIE}=${'a'.repeat(32)}` })
		).toBe(401);
	});

	it('refuses a person from another family with 403', async () => {
		expect(
			await upgradeStatus(server.url, meetingId, { cookie: `${SESSION_COOKIE}=${tokens.outsider}` })
		).toBe(403);
		// …who can still open their own meeting
		expect(
			await upgradeStatus(server.url, otherMeetingId, {
				cookie: `${SESSION_COOKIE}=${tokens.outsider}`
			})
		).toBe(101);
	});

	it('refuses a page from another origin with 403', async () => {
		const cookie = `${SESSION_COOKIE}=${tokens.police}`;
		expect(
			await upgradeStatus(server.url, meetingId, { cookie, origin: 'https://evil.example' })
		).toBe(403);
		expect(
			await upgradeStatus(server.url, meetingId, {
				cookie,
				origin: `http://127.0.0.1:${server.port}`
			})
		).toBe(101);
	});

	it('a stock client without a session never syncs', async () => {
		const client = open({ url: server.url, meetingId, token: null });
		await new Promise((r) => setTimeout(r, 300));
		expect(client.provider.synced).toBe(false);
		client.destroy();
	});
});

describe('who may write which root', () => {
	it("applies a professional's own contribution and shows it to others", async () => {
		const root = roots.contribution(participantIds.police);
		const police = open({ url: server.url, meetingId, token: tokens.police });
		const health = open({ url: server.url, meetingId, token: tokens.health });
		await Promise.all([synced(police), synced(health)]);
		typeParagraph(police.doc, root, 'Police know of two incidents.');
		await waitFor('peer sees contribution', () =>
			textOf(health.doc, root).includes('two incidents')
		);
		expect(police.closes).toEqual([]);
		expect(await serverText(root)).toContain('two incidents');
	});

	it("closes a professional who writes another participant's decision with 4403; nothing is applied", async () => {
		const ownRoot = roots.contribution(participantIds.health);
		const theirs = roots.decision(participantIds.police);
		const health = open({ url: server.url, meetingId, token: tokens.health });
		await synced(health);
		// One transaction touching an allowed root and a forbidden one: all or nothing.
		health.doc.transact(() => {
			const p = new Y.XmlElement('paragraph');
			p.insert(0, [new Y.XmlText('sneaky own words')]);
			health.doc.getXmlFragment(ownRoot).insert(0, [p]);
			health.doc.getMap(theirs).set('decision', 'no-plan');
		});
		await waitFor('4403', () => health.closes.length > 0);
		expect(health.closes[0].code).toBe(4403);
		const check = open({ url: server.url, meetingId, token: tokens.chair });
		await synced(check);
		expect(check.doc.getMap(theirs).get('decision')).toBeUndefined();
		expect(textOf(check.doc, ownRoot)).not.toContain('sneaky');
		// It stays closed: 4403 is final for the stock client.
		await new Promise((r) => setTimeout(r, 400));
		expect(health.provider.wsconnected).toBe(false);
	});

	it('closes a parent or an observer who writes the shared record with 4403, while a reading parent stays connected', async () => {
		const reader = open({ url: server.url, meetingId, token: tokens.parent });
		await synced(reader);
		const section = roots.section('worries');
		const writer = open({ url: server.url, meetingId, token: tokens.parent });
		await synced(writer);
		typeParagraph(writer.doc, section, 'I disagree');
		await waitFor('4403', () => writer.closes.length > 0);
		expect(writer.closes[0].code).toBe(4403);
		const other = open({ url: server.url, meetingId, token: tokens.parent });
		await synced(other);
		typeParagraph(other.doc, roots.contribution(participantIds.police), 'not mine');
		await waitFor('4403', () => other.closes.length > 0);
		const observer = open({ url: server.url, meetingId, token: tokens.observer });
		await synced(observer);
		typeParagraph(observer.doc, roots.contribution(participantIds.observer), 'observing');
		await waitFor('4403', () => observer.closes.length > 0);
		expect(observer.closes[0].code).toBe(4403);
		expect(await serverText(section)).toBe('');
		expect(await serverText(roots.contribution(participantIds.police))).not.toContain('not mine');
		expect(await serverText(roots.contribution(participantIds.observer))).toBe('');
		expect(reader.provider.wsconnected).toBe(true);
		expect(reader.closes).toEqual([]);
	});

	it('closes a professional who deletes text in a root they may not write', async () => {
		const root = roots.section('strengths');
		const chair = open({ url: server.url, meetingId, token: tokens.chair });
		await synced(chair);
		chair.doc.getMap(roots.meta).set('currentSection', 'strengths');
		const ownChairRoot = roots.contribution(participantIds.chair);
		typeParagraph(chair.doc, ownChairRoot, 'Chair summary');
		const police = open({ url: server.url, meetingId, token: tokens.police });
		await synced(police);
		await waitFor('police has it', () =>
			textOf(police.doc, ownChairRoot).includes('Chair summary')
		);
		police.doc.getXmlFragment(ownChairRoot).delete(0, 1);
		await waitFor('4403', () => police.closes.length > 0);
		expect(police.closes[0].code).toBe(4403);
		expect(await serverText(ownChairRoot)).toContain('Chair summary');
		// a section is shared: a professional may write it
		const police2 = open({ url: server.url, meetingId, token: tokens.police });
		await synced(police2);
		typeParagraph(police2.doc, root, 'Good school attendance');
		await waitFor('section written', async () =>
			(await serverText(root)).includes('Good school attendance')
		);
		expect(police2.closes).toEqual([]);
	});

	it('closes a professional who writes meta (chair and server only)', async () => {
		const police = open({ url: server.url, meetingId, token: tokens.police });
		await synced(police);
		police.doc.getMap(roots.meta).set('currentSection', 'hijack');
		await waitFor('4403', () => police.closes.length > 0);
		expect(police.closes[0].code).toBe(4403);
	});
});

describe('authorship', () => {
	it('attributes each piece of a shared root to the person who typed it', async () => {
		const root = roots.section('analysis');
		const chair = open({ url: server.url, meetingId, token: tokens.chair });
		const health = open({ url: server.url, meetingId, token: tokens.health });
		await Promise.all([synced(chair), synced(health)]);
		typeParagraph(chair.doc, root, 'Chair wrote this. ');
		await waitFor('health sees chair', () => textOf(health.doc, root).includes('Chair wrote'));
		typeParagraph(health.doc, root, 'Health wrote that.');
		await waitFor('chair sees health', () => textOf(chair.doc, root).includes('Health wrote'));
		const runs = await server.collab.authorship({ meetingId, root });
		const byUser = (userId: string) =>
			runs
				.filter((r) => r.userId === userId)
				.map((r) => r.text)
				.join('');
		expect(byUser(userIds.chair)).toBe('Chair wrote this. ');
		expect(byUser(userIds.health)).toBe('Health wrote that.');
	});

	it('closes a connection that writes under another person’s client id', async () => {
		const root = roots.section('analysis');
		const chair = open({ url: server.url, meetingId, token: tokens.chair });
		await synced(chair);
		typeParagraph(chair.doc, root, 'mine');
		await waitFor('stored', async () => (await serverText(root)).includes('mine'));
		// A second person sends an update under the chair's client id.
		const spoof = new Y.Doc();
		Y.applyUpdate(spoof, Y.encodeStateAsUpdate(chair.doc));
		spoof.clientID = chair.doc.clientID;
		const before = Y.encodeStateVector(spoof);
		typeParagraph(spoof, root, 'impostor');
		const { ws, closed } = await rawSocket(server.url, meetingId, tokens.health);
		ws.send(syncUpdateFrame(Y.encodeStateAsUpdate(spoof, before)));
		expect((await closed).code).toBe(4403);
		expect(await serverText(root)).not.toContain('impostor');
	});
});
