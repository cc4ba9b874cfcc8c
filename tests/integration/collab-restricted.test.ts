/**
 * The restricted document: third-party information lives in `/collab/{meetingId}/restricted`,
 * which parents' and children's connections can never open, and which alone holds
 * `restricted:{participantId}` roots.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { collabUpdates } from '../../src/lib/server/db/schema';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { roots } from '../../src/lib/collab/roots';
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
	textOf,
	typeParagraph,
	upgradeStatus,
	waitFor,
	type RunningServer
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();
const open = pool.open;

let meetingId: string;
let restrictedRoom: string;
const tokens: Record<'chair' | 'police' | 'health' | 'parent' | 'child', string> = {} as never;
const participantIds: Record<'chair' | 'police' | 'health' | 'parent', string> = {} as never;
const userIds: Record<'police', string> = {} as never;

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	const chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Chris Chair' });
	const police = await makeUser(db, { role: 'professional', name: 'Pat Police' });
	const health = await makeUser(db, { role: 'professional', name: 'Hana Health' });
	const parent = await makeUser(db, { role: 'parent', name: 'Parent One' });
	// A young person's account: no unit role of their own; their part in the meeting is 'child'.
	const child = await makeUser(db, { role: 'parent', name: 'Young Person' });
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
			{ user: parent, role: 'parent' },
			{ user: child, role: 'child' }
		]
	});
	meetingId = made.meeting.id;
	restrictedRoom = `${meetingId}/restricted`;
	const byUser = (userId: string) => made.participants.find((p) => p.userId === userId)!.id;
	Object.assign(participantIds, {
		chair: byUser(chair.id),
		police: byUser(police.id),
		health: byUser(health.id),
		parent: byUser(parent.id)
	});
	userIds.police = police.id;
	Object.assign(tokens, {
		chair: await signIn(db, chair.id),
		police: await signIn(db, police.id),
		health: await signIn(db, health.id),
		parent: await signIn(db, parent.id),
		child: await signIn(db, child.id)
	});
	server = await startCollabServer(db);
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

describe('who may open the restricted document', () => {
	it("refuses a parent's and a child's upgrade with 403, before any Yjs message", async () => {
		expect(
			await upgradeStatus(server.url, restrictedRoom, {
				cookie: `${SESSION_COOKIE}=${tokens.parent}`
			})
		).toBe(403);
		expect(
			await upgradeStatus(server.url, restrictedRoom, {
				cookie: `${SESSION_COOKIE}=${tokens.child}`
			})
		).toBe(403);
		expect(await upgradeStatus(server.url, restrictedRoom, {})).toBe(401);
		// …while the same parent opens the main document
		expect(
			await upgradeStatus(server.url, meetingId, { cookie: `${SESSION_COOKIE}=${tokens.parent}` })
		).toBe(101);
		expect(
			await upgradeStatus(server.url, restrictedRoom, {
				cookie: `${SESSION_COOKIE}=${tokens.health}`
			})
		).toBe(101);
	});

	it("a parent's stock client on the restricted room never syncs", async () => {
		const parent = open({ url: server.url, meetingId: restrictedRoom, token: tokens.parent });
		await new Promise((r) => setTimeout(r, 300));
		expect(parent.provider.synced).toBe(false);
		parent.destroy();
	});
});

describe('restricted information', () => {
	it("syncs what one professional wrote to another professional's restricted connection, never into the main document", async () => {
		const root = roots.restricted(participantIds.police);
		const police = open({ url: server.url, meetingId: restrictedRoom, token: tokens.police });
		await synced(police);
		typeParagraph(police.doc, root, 'Intelligence: a named adult visits at night.');
		const health = open({ url: server.url, meetingId: restrictedRoom, token: tokens.health });
		await synced(health);
		await waitFor('health sees the restricted passage', () =>
			textOf(health.doc, root).includes('visits at night')
		);
		expect(police.closes).toEqual([]);

		// The parent's main-document connection receives nothing of it.
		const parent = open({ url: server.url, meetingId, token: tokens.parent });
		await synced(parent);
		expect(parent.doc.share.has(root)).toBe(false);
		expect(JSON.stringify(parent.doc.toJSON())).not.toContain('visits at night');

		// Stored apart from the main document, and attributed to its author.
		await waitFor('stored', async () => {
			const rows = await handle.db
				.select({ id: collabUpdates.id })
				.from(collabUpdates)
				.where(
					and(eq(collabUpdates.meetingId, meetingId), eq(collabUpdates.document, 'restricted'))
				);
			return rows.length > 0;
		});
		const runs = await server.collab.authorship({ meetingId, root });
		expect(
			runs
				.filter((r) => r.userId === userIds.police)
				.map((r) => r.text)
				.join('')
		).toContain('visits at night');
		const stored = await readStoredRecord({ db: handle.db, meetingId, channel: 'restricted' });
		expect(textOf(stored, root)).toContain('visits at night');
		stored.destroy();
		const main = await readStoredRecord({ db: handle.db, meetingId });
		expect(main.share.has(root)).toBe(false);
		main.destroy();
	});

	it('the main document refuses a restricted root with 4403, even from the chair', async () => {
		for (const [token, pid] of [
			[tokens.police, participantIds.police],
			[tokens.chair, participantIds.chair]
		] as const) {
			const client = open({ url: server.url, meetingId, token });
			await synced(client);
			typeParagraph(client.doc, roots.restricted(pid), 'in the wrong document');
			await waitFor('4403', () => client.closes.length > 0);
			expect(client.closes[0].code).toBe(4403);
		}
		const check = open({ url: server.url, meetingId, token: tokens.chair });
		await synced(check);
		expect(check.doc.share.has(roots.restricted(participantIds.police))).toBe(false);
		expect(check.doc.share.has(roots.restricted(participantIds.chair))).toBe(false);
	});

	it('the restricted document refuses any other root, and another participant’s restricted root, with 4403', async () => {
		const police = open({ url: server.url, meetingId: restrictedRoom, token: tokens.police });
		await synced(police);
		typeParagraph(police.doc, roots.contribution(participantIds.police), 'not restricted');
		await waitFor('4403', () => police.closes.length > 0);
		expect(police.closes[0].code).toBe(4403);

		const health = open({ url: server.url, meetingId: restrictedRoom, token: tokens.health });
		await synced(health);
		typeParagraph(health.doc, roots.restricted(participantIds.police), 'in Pat’s name');
		await waitFor('4403', () => health.closes.length > 0);
		expect(health.closes[0].code).toBe(4403);

		// The chair may write anyone's restricted root.
		const chair = open({ url: server.url, meetingId: restrictedRoom, token: tokens.chair });
		await synced(chair);
		typeParagraph(
			chair.doc,
			roots.restricted(participantIds.health),
			'Chair marked this restricted.'
		);
		const check = open({ url: server.url, meetingId: restrictedRoom, token: tokens.police });
		await synced(check);
		await waitFor('chair’s restricted passage', () =>
			textOf(check.doc, roots.restricted(participantIds.health)).includes('Chair marked')
		);
		expect(check.doc.share.has(roots.contribution(participantIds.police))).toBe(false);
		expect(textOf(check.doc, roots.restricted(participantIds.police))).not.toContain(
			'in Pat’s name'
		);
		expect(chair.closes).toEqual([]);
	});
});
