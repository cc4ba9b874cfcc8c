/**
 * Voices before the meeting over the real socket (issue 12's contract): while a meeting is
 * scheduled each invited person may write their own `contribution:{participantId}` and nothing
 * else (tests/rights-table.ts, `rootRightsBeforeStart`); a parent's view written then is stored;
 * once the chair starts the meeting every socket reconnects with the live rights.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { DatabaseHandle } from '../../src/lib/server/db';
import type { MeetingRole, UserRole } from '../../src/lib/domain/vocabulary';
import type { User } from '../../src/lib/server/db/schema';
import { roots } from '../../src/lib/collab/roots';
import { closeCodes } from '../../src/lib/collab/protocol';
import { readStoredRecord } from '../../src/lib/server/records';
import { startMeeting } from '../../src/lib/server/meetings/commands/start-meeting';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	signIn
} from '../factories';
import { rootRightsBeforeStart, writableRoots, type WritableRoot } from '../rights-table';
import {
	clientPool,
	startCollabServer,
	synced,
	textOf,
	typeParagraph,
	waitFor,
	type RunningServer
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();
let meetingId: string;
const seats = {} as Record<
	MeetingRole | 'other',
	{ user: User; token: string; participantId: string }
>;

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
		['child', 'parent'], // children have no accounts; the row's role is what is judged
		['observer', 'manager'],
		['other', 'professional']
	];
	const users: { role: MeetingRole | 'other'; user: User }[] = [];
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
	const made = await makeMeeting(db, {
		unitId: unit.id,
		status: 'scheduled',
		scheduledAt: new Date(Date.now() + 7 * 86_400_000),
		childIds: [children[0].id],
		participants: users.map(({ role, user }) => ({
			user,
			role: role === 'other' ? 'professional' : role
		}))
	});
	meetingId = made.meeting.id;
	for (const { role, user } of users)
		seats[role] = {
			user,
			token: await signIn(db, user.id),
			participantId: made.participants.find((p) => p.userId === user.id)!.id
		};
	server = await startCollabServer(db);
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

let marker = 0;

/** A change to any root (rich text, map or array), and how a reader sees that it arrived. */
function probe(root: string) {
	const mark = `probe${++marker}`;
	if (root === roots.concerns)
		return {
			write: (doc: Y.Doc) => doc.getArray(root).push([mark]),
			arrived: (doc: Y.Doc) => doc.getArray(root).toArray().includes(mark)
		};
	if (/^(meta|plan|outcome|decision:|ratings:)/.test(root))
		return {
			write: (doc: Y.Doc) => doc.getMap(root).set(mark, 1),
			arrived: (doc: Y.Doc) => doc.getMap(root).get(mark) === 1
		};
	return {
		write: (doc: Y.Doc) => typeParagraph(doc, root, mark),
		arrived: (doc: Y.Doc) => textOf(doc, root).includes(mark)
	};
}

const nameOf = (root: WritableRoot, writer: MeetingRole) =>
	root
		.replace(/:me$/, `:${seats[writer].participantId}`)
		.replace(/:other$/, `:${seats.other.participantId}`);

describe('before the meeting starts', () => {
	it('each invited person writes only their own contribution; every other write is refused with 4403', async () => {
		const reader = pool.open({ url: server.url, meetingId, token: seats.chair.token });
		await synced(reader);
		const wrong: string[] = [];
		const writersBefore: MeetingRole[] = [
			'minute-taker',
			'professional',
			'advocate',
			'parent',
			'child',
			'observer',
			'chair'
		];
		for (const writer of writersBefore) {
			for (const root of writableRoots.filter((r) => !r.startsWith('restricted:'))) {
				const expected = rootRightsBeforeStart[root].includes(writer) ? 'allow' : 'deny';
				const client = pool.open({ url: server.url, meetingId, token: seats[writer].token });
				await synced(client);
				const change = probe(nameOf(root, writer));
				change.write(client.doc);
				await waitFor(
					`${writer} writing ${root}`,
					() => client.closes.length > 0 || change.arrived(reader.doc)
				);
				client.destroy();
				const verdict = client.closes.length === 0 ? 'allow' : 'deny';
				if (verdict === 'deny') expect(client.closes[0].code).toBe(closeCodes.forbidden);
				if (verdict !== expected)
					wrong.push(`${writer} writing ${root}: expected ${expected}, got ${verdict}`);
			}
		}
		expect(wrong).toEqual([]);
		expect(reader.closes).toEqual([]);
		reader.destroy();
	});

	it('a parent’s view written before the meeting is stored, and the meeting opens with it', async () => {
		const own = roots.contribution(seats.parent.participantId);
		const parent = pool.open({ url: server.url, meetingId, token: seats.parent.token });
		await synced(parent);
		typeParagraph(parent.doc, own, 'Chrissie loves swimming and is scared at night.');
		// Not theirs to write before the meeting: the parents' section notes.
		const refused = pool.open({ url: server.url, meetingId, token: seats.parent.token });
		await synced(refused);
		typeParagraph(refused.doc, roots.section('parents-first'), 'not yet');
		await waitFor('refused', () => refused.closes.length > 0);
		expect(refused.closes[0].code).toBe(closeCodes.forbidden);
		refused.destroy();
		await waitFor('view applied', async () => {
			const doc = await readStoredRecord({ db: handle.db, meetingId });
			const text = textOf(doc, own);
			doc.destroy();
			return text.includes('swimming');
		});
		parent.destroy();

		// The server stops (flushing the record) and comes back: the view is in the database.
		await server.close();
		const stored = await readStoredRecord({ db: handle.db, meetingId });
		expect(textOf(stored, own)).toContain('Chrissie loves swimming');
		expect(textOf(stored, roots.section('parents-first'))).not.toContain('not yet');
		stored.destroy();
		server = await startCollabServer(handle.db);

		// The chair starts the meeting: open sockets reconnect with the live rights.
		const parentAgain = pool.open({ url: server.url, meetingId, token: seats.parent.token });
		const professional = pool.open({
			url: server.url,
			meetingId,
			token: seats.professional.token
		});
		await Promise.all([synced(parentAgain), synced(professional)]);
		expect(textOf(parentAgain.doc, own)).toContain('Chrissie loves swimming');
		const chair = seats.chair.user;
		await startMeeting({ db: handle.db, user: { ...chair }, meetingId });
		server.collab.meetingChanged(meetingId); // as the app's start announces it
		await waitFor('told to reconnect', () =>
			professional.connectionCloses.includes(closeCodes.rightsChanged)
		);
		await waitFor(
			'reconnected',
			() => professional.provider.wsconnected && professional.provider.synced
		);
		// Now live: the professional writes the shared plan, as before issue 12.
		professional.doc.getMap(roots.plan).set('contingency', 'Review in a month');
		await waitFor(
			'plan arrives',
			() =>
				parentAgain.provider.synced &&
				parentAgain.doc.getMap(roots.plan).get('contingency') === 'Review in a month'
		);
		expect(professional.closes).toEqual([]);
		// …and a parent still may not write the professionals' notes.
		parentAgain.doc.getMap(roots.plan).set('contingency', 'mine');
		await waitFor('parent refused', () => parentAgain.closes.length > 0);
		expect(parentAgain.closes[0].code).toBe(closeCodes.forbidden);
	});
});
