/**
 * The live record's rights over the real socket: every root × every meeting role
 * (tests/rights-table.ts), each written by a stock y-websocket client of that role. A write the
 * table allows reaches the chair's screen; any other closes the writer with 4403 and reaches
 * no one. Parents, children and interpreters cannot open the restricted channel at all (403).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DatabaseHandle } from '../../src/lib/server/db';
import type { MeetingRole, UserRole } from '../../src/lib/domain/vocabulary';
import { roots } from '../../src/lib/collab/roots';
import { addConcern, readRecord, setChildScores } from '../../src/lib/collab/record-shape';
import { closeCodes } from '../../src/lib/collab/protocol';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	signIn
} from '../factories';
import {
	rootRights,
	writableRoots,
	writers,
	type WritableRoot,
	type Writer
} from '../rights-table';
import {
	clientPool,
	startCollabServer,
	synced,
	textOf,
	typeParagraph,
	upgradeStatus,
	waitFor,
	type RunningServer,
	type TestClient
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();
let meetingId: string;
let childId: string;
/** Per meeting role: the session token and participant id of the person in it. */
const seats = {} as Record<MeetingRole | 'other', { token: string; participantId: string }>;

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	const accounts: [MeetingRole | 'other', UserRole][] = [
		['chair', 'chair'],
		['minute-taker', 'admin'],
		['professional', 'professional'],
		['advocate', 'professional'],
		['parent', 'parent'],
		// Children have no accounts of their own; a participant row with the child's role is
		// what a child's connection would be, so its rights are proved all the same.
		['child', 'parent'],
		['observer', 'manager'],
		// An interpreter's set-up link makes a professional's account (accountRoleForInvitee).
		['interpreter', 'professional'],
		['other', 'professional']
	];
	const users = [];
	for (const [role, accountRole] of accounts)
		users.push({
			role,
			user: await makeUser(db, {
				role: accountRole,
				unitId: accountRole === 'professional' || accountRole === 'parent' ? null : unit.id
			})
		});
	const parent = users.find((u) => u.role === 'parent')!.user;
	const { children } = await makeFamily(db, {
		unitId: unit.id,
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
	childId = children[0].id;
	const made = await makeMeeting(db, {
		unitId: unit.id,
		childIds: [childId],
		participants: users.map(({ role, user }) => ({
			user,
			role: role === 'other' ? 'professional' : role
		}))
	});
	meetingId = made.meeting.id;
	for (const { role, user } of users) {
		seats[role] = {
			token: await signIn(db, user.id),
			participantId: made.participants.find((p) => p.userId === user.id)!.id
		};
	}
	server = await startCollabServer(db);
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

let marker = 0;

/** The change a probe makes to a root, and how the chair's copy shows it arrived. */
function probe(root: string): { write(doc: Y.Doc): void; arrived(doc: Y.Doc): boolean } {
	const mark = `probe${++marker}`;
	const n = marker;
	if (root === roots.meta)
		return {
			write: (doc) => doc.getMap(root).set(mark, n),
			arrived: (doc) => doc.getMap(root).get(mark) === n
		};
	if (root === roots.plan)
		return {
			write: (doc) => doc.getMap(root).set('contingency', mark),
			arrived: (doc) => doc.getMap(root).get('contingency') === mark
		};
	if (root === roots.concerns)
		return {
			write: (doc) => void addConcern(doc, { id: mark, childId, title: mark }),
			arrived: (doc) => readRecord(doc, []).concerns.some((c) => c.id === mark)
		};
	if (root === roots.outcome) {
		return {
			write: (doc) =>
				doc.getMap(root).set(childId, {
					outcome: 'plan',
					category: 'neglect',
					// The chair's outcome carries its own reason (issue 21), as a view does.
					reason: `Probe ${mark}: the worries have not lessened.`,
					recordedAt: n
				}),
			arrived: (doc) =>
				(doc.getMap(root).get(childId) as { recordedAt?: number } | undefined)?.recordedAt === n
		};
	}
	if (root.startsWith('decision:')) {
		const reason = `Probe ${mark}: things have not changed at home.`;
		return {
			write: (doc) =>
				doc.getMap(root).set(childId, { recommendation: 'plan', reason, recordedAt: n }),
			arrived: (doc) =>
				(doc.getMap(root).get(childId) as { reason?: string } | undefined)?.reason === reason
		};
	}
	if (root.startsWith('ratings:'))
		return {
			write: (doc) => doc.getMap(root).set(mark, 5),
			arrived: (doc) => doc.getMap(root).get(mark) === 5
		};
	// contribution:, section:, restricted: rich text
	return {
		write: (doc) => typeParagraph(doc, root, mark),
		arrived: (doc) => textOf(doc, root).includes(mark)
	};
}

const rootName = (root: WritableRoot, writer: MeetingRole) =>
	root
		.replace(/:me$/, `:${seats[writer].participantId}`)
		.replace(/:other$/, `:${seats.other.participantId}`);

/** Writes the root as the writer; 'allow' when it reached the chair, 'deny' when the socket refused it. */
async function attempt(
	writer: Writer,
	root: WritableRoot,
	chair: { main: TestClient; restricted: TestClient }
): Promise<'allow' | 'deny'> {
	const role: MeetingRole = writer === 'child, scoring' ? 'child' : writer;
	const name = rootName(root, role);
	const restricted = root.startsWith('restricted:');
	const room = restricted ? `${meetingId}/restricted` : meetingId;
	if (restricted && (role === 'parent' || role === 'child' || role === 'interpreter')) {
		expect(
			await upgradeStatus(server.url, room, { cookie: `${SESSION_COOKIE}=${seats[role].token}` })
		).toBe(403);
		return 'deny';
	}
	const client = pool.open({ url: server.url, meetingId: room, token: seats[role].token });
	await synced(client);
	const change = probe(name);
	change.write(client.doc);
	const seenBy = restricted ? chair.restricted : chair.main;
	await waitFor(
		`${writer} writing ${root}`,
		() => client.closes.length > 0 || change.arrived(seenBy.doc)
	);
	client.destroy();
	if (client.closes.length === 0) return 'allow';
	expect(client.closes[0].code).toBe(closeCodes.forbidden);
	await new Promise((r) => setTimeout(r, 50));
	expect(change.arrived(seenBy.doc), `${writer}'s refused write to ${root} reached the chair`).toBe(
		false
	);
	return 'deny';
}

/** The record as the server holds it now (a fresh reader's copy). */
async function serverRecord() {
	const reader = pool.open({ url: server.url, meetingId, token: seats.chair.token });
	await synced(reader);
	const record = readRecord(reader.doc, []);
	reader.destroy();
	return record;
}

describe('the live record’s rights over the socket, one table', () => {
	it('every root × every meeting role: allowed writes arrive, every other write is refused with 4403', async () => {
		const chair = {
			main: pool.open({ url: server.url, meetingId, token: seats.chair.token }),
			restricted: pool.open({
				url: server.url,
				meetingId: `${meetingId}/restricted`,
				token: seats.chair.token
			})
		};
		await Promise.all([synced(chair.main), synced(chair.restricted)]);
		const wrong: string[] = [];
		for (const writer of writers.filter((w) => w !== 'chair')) {
			// The chair decides whether the child scores: off for "child", on for "child, scoring".
			const scoring = writer === 'child, scoring';
			setChildScores(chair.main.doc, scoring);
			await waitFor(
				'the server has the chair’s choice',
				async () => (await serverRecord()).meta.childScores === scoring
			);
			for (const root of writableRoots) {
				const expected = rootRights[root].includes(writer) ? 'allow' : 'deny';
				const verdict = await attempt(writer, root, chair);
				if (verdict !== expected)
					wrong.push(`${writer} writing ${root}: expected ${expected}, got ${verdict}`);
			}
		}
		// The chair last: every root, others' too.
		for (const root of writableRoots) {
			const verdict = await attempt('chair', root, chair);
			if (verdict !== 'allow') wrong.push(`chair writing ${root}: refused`);
		}
		expect(wrong).toEqual([]);
		expect(chair.main.closes).toEqual([]);
	});
});
