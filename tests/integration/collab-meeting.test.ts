/**
 * What the server enforces and writes in a live meeting's record: decisions only with their
 * reasons (4422), the chair's outcome only with its category, a review pre-filled from the
 * previous meeting, and a live meeting opened at its first section.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { collabUpdates, meetings } from '../../src/lib/server/db/schema';
import { roots } from '../../src/lib/collab/roots';
import {
	addConcern,
	addPlanAction,
	addPlanOutcome,
	readRecord,
	recordDecision,
	recordOutcome,
	setCoreGroup,
	setPlanField,
	updateConcern
} from '../../src/lib/collab/record-shape';
import { templateFor } from '../../src/lib/domain';
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
	startCollabServer,
	synced,
	waitFor,
	type RunningServer,
	clientPool
} from './collab-harness';
import type { User } from '../../src/lib/server/db/schema';

let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();
const open = pool.open;

let unitId: string;
let meetingId: string;
let childId: string;
let people: Record<'chair' | 'police' | 'health' | 'parent', User>;
const tokens: Record<'chair' | 'police' | 'health' | 'parent', string> = {} as never;
const participantIds: Record<'chair' | 'police' | 'health', string> = {} as never;

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	unitId = unit.id;
	people = {
		chair: await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Chris Chair' }),
		police: await makeUser(db, { role: 'professional', name: 'Pat Police' }),
		health: await makeUser(db, { role: 'professional', name: 'Hana Health' }),
		parent: await makeUser(db, { role: 'parent', name: 'Parent One' })
	};
	const { children } = await makeFamily(db, {
		unitId: unit.id,
		parents: [{ userId: people.parent.id, relationship: 'Mum' }]
	});
	childId = children[0].id;
	const made = await makeMeeting(db, {
		unitId: unit.id,
		childIds: [childId],
		participants: [
			{ user: people.chair, role: 'chair' },
			{ user: people.police, role: 'professional' },
			{ user: people.health, role: 'professional' },
			{ user: people.parent, role: 'parent' }
		]
	});
	meetingId = made.meeting.id;
	const byUser = (userId: string) => made.participants.find((p) => p.userId === userId)!.id;
	Object.assign(participantIds, {
		chair: byUser(people.chair.id),
		police: byUser(people.police.id),
		health: byUser(people.health.id)
	});
	for (const who of ['chair', 'police', 'health', 'parent'] as const)
		tokens[who] = await signIn(db, people[who].id);
	server = await startCollabServer(db);
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

/** The server's document as a fresh client receives it. */
async function serverDoc(id = meetingId): Promise<Y.Doc> {
	const reader = open({ url: server.url, meetingId: id, token: tokens.chair });
	await synced(reader);
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(reader.doc));
	reader.destroy();
	return copy;
}

describe('decision, then why?', () => {
	it('closes a decision without its reason with 4422 and leaves the server’s record unchanged', async () => {
		const police = open({ url: server.url, meetingId, token: tokens.police });
		await synced(police);
		// An honest client refuses this itself (recordDecision); a raw write is what the server must stop.
		police.doc
			.getMap(roots.decision(participantIds.police))
			.set(childId, { recommendation: 'plan', reason: '   ', recordedAt: 1 });
		await waitFor('4422', () => police.closes.length > 0);
		expect(police.closes[0].code).toBe(4422);
		await new Promise((r) => setTimeout(r, 300));
		expect(police.provider.wsconnected).toBe(false); // final: no reconnect loop
		const doc = await serverDoc();
		expect(doc.getMap(roots.decision(participantIds.police)).size).toBe(0);
	});

	it('closes a decision about a child the meeting is not about, or with no recommendation, with 4422', async () => {
		const health = open({ url: server.url, meetingId, token: tokens.health });
		await synced(health);
		health.doc.getMap(roots.decision(participantIds.health)).set('someone-else', {
			recommendation: 'no-plan',
			reason: 'The family has engaged with every service offered.',
			recordedAt: 1
		});
		await waitFor('4422', () => health.closes.length > 0);
		expect(health.closes[0].code).toBe(4422);
		const again = open({ url: server.url, meetingId, token: tokens.health });
		await synced(again);
		again.doc
			.getMap(roots.decision(participantIds.health))
			.set(childId, { reason: 'The family has engaged with every service offered.' });
		await waitFor('4422', () => again.closes.length > 0);
		expect(again.closes[0].code).toBe(4422);
		expect((await serverDoc()).getMap(roots.decision(participantIds.health)).size).toBe(0);
	});

	it('applies a decision with its reason and shows it to the others', async () => {
		const police = open({ url: server.url, meetingId, token: tokens.police });
		const chair = open({ url: server.url, meetingId, token: tokens.chair });
		await Promise.all([synced(police), synced(chair)]);
		const result = recordDecision(police.doc, participantIds.police, {
			childId,
			recommendation: 'plan',
			reason: 'Two incidents of violence at home in a month; the child is frightened.'
		});
		expect(result.ok).toBe(true);
		await waitFor('chair sees the decision', () =>
			chair.doc.getMap(roots.decision(participantIds.police)).has(childId)
		);
		expect(
			readRecord(chair.doc, [participantIds.police]).decisions[participantIds.police][childId]
				.recommendation
		).toBe('plan');
		expect(police.closes).toEqual([]);
		// A later change that keeps the reason is applied too; deleting one's decision is allowed.
		recordDecision(police.doc, participantIds.police, {
			childId,
			recommendation: 'no-plan',
			reason: 'Mum has moved to a refuge with the children.'
		});
		await waitFor(
			'changed',
			() =>
				readRecord(chair.doc, [participantIds.police]).decisions[participantIds.police]?.[childId]
					?.recommendation === 'no-plan'
		);
		police.doc.getMap(roots.decision(participantIds.police)).delete(childId);
		await waitFor(
			'withdrawn',
			() => !chair.doc.getMap(roots.decision(participantIds.police)).has(childId)
		);
		expect(police.closes).toEqual([]);
	});

	it("refuses the chair's outcome 'plan' without a category (4422) and applies it with one", async () => {
		const chair = open({ url: server.url, meetingId, token: tokens.chair });
		await synced(chair);
		chair.doc.getMap(roots.outcome).set(childId, { outcome: 'plan', recordedAt: 1 });
		await waitFor('4422', () => chair.closes.length > 0);
		expect(chair.closes[0].code).toBe(4422);
		expect((await serverDoc()).getMap(roots.outcome).size).toBe(0);

		const again = open({ url: server.url, meetingId, token: tokens.chair });
		await synced(again);
		recordOutcome(again.doc, {
			childId,
			outcome: 'plan',
			category: 'emotional-abuse',
			reason: 'Mia hears the arguments most nights.'
		});
		const reader = open({ url: server.url, meetingId, token: tokens.health });
		await synced(reader);
		await waitFor(
			'outcome applied',
			() => readRecord(reader.doc, []).outcomes[childId]?.category === 'emotional-abuse'
		);
		expect(again.closes).toEqual([]);
	});
});

describe('a review starts pre-filled', () => {
	it('carries over the open concerns, the plan and the core group, as the server, once', async () => {
		const { db } = handle;
		const participants = [
			{ user: people.chair, role: 'chair' as const },
			{ user: people.police, role: 'professional' as const }
		];
		const previous = await makeMeeting(db, {
			unitId,
			childIds: [childId],
			status: 'ended',
			participants
		});
		// The previous conference's stored record: two concerns (one since closed) and a plan.
		const before = new Y.Doc();
		const open1 = addConcern(before, {
			childId,
			title: 'Chrissie is often an hour late for school',
			impactNow: 'Misses phonics'
		});
		const closed = addConcern(before, { childId, title: 'Chrissie has no winter coat' });
		updateConcern(before, closed, { status: 'closed' });
		const outcome = addPlanOutcome(before, {
			childId,
			text: 'Chrissie gets to school on time every day',
			concernId: open1
		});
		addPlanAction(before, {
			outcomeId: outcome,
			what: 'Walk Chrissie to school',
			who: 'Mum',
			byWhen: '2026-01-31'
		});
		setCoreGroup(before, ['Mum', 'Pat Police', 'School nurse']);
		setPlanField(before, 'leadSocialWorker', 'Sam Social');
		setPlanField(before, 'contingency', 'If Chrissie is late again, a strategy meeting is called.');
		setPlanField(before, 'reviewDate', '2026-03-01');
		await db
			.insert(collabUpdates)
			.values({ meetingId: previous.meeting.id, update: Y.encodeStateAsUpdate(before) });
		before.destroy();

		const review = await makeMeeting(db, {
			unitId,
			kind: 'review-conference',
			title: 'Review conference',
			childIds: [childId],
			participants
		});
		await db
			.update(meetings)
			.set({ previousMeetingId: previous.meeting.id })
			.where(eq(meetings.id, review.meeting.id));

		const police = open({ url: server.url, meetingId: review.meeting.id, token: tokens.police });
		await synced(police);
		const record = readRecord(police.doc, []);
		expect(record.concerns.map((c) => [c.id, c.title, c.status, c.raisedInMeetingId])).toEqual([
			[open1, 'Chrissie is often an hour late for school', 'open', previous.meeting.id]
		]);
		expect(record.concerns[0].impactNow).toBe('Misses phonics');
		expect(record.plan.outcomes).toEqual([
			{ id: outcome, childId, text: 'Chrissie gets to school on time every day', concernId: open1 }
		]);
		expect(record.plan.actions.map((a) => [a.outcomeId, a.what, a.who, a.byWhen])).toEqual([
			[outcome, 'Walk Chrissie to school', 'Mum', '2026-01-31']
		]);
		expect(record.plan.coreGroup).toEqual(['Mum', 'Pat Police', 'School nurse']);
		expect(record.plan.leadSocialWorker).toBe('Sam Social');
		expect(record.plan.contingency).toBe(
			'If Chrissie is late again, a strategy meeting is called.'
		);
		expect(record.plan.reviewDate).toBe(''); // a new review sets its own dates

		// The server wrote it: no person is credited.
		const runs = await server.collab.authorship({
			meetingId: review.meeting.id,
			root: roots.concerns
		});
		expect(runs.length).toBeGreaterThan(0);
		expect(runs.every((run) => run.server && run.userId === null)).toBe(true);

		// The professionals edit on top of it, and a later load does not pre-fill again.
		updateConcern(police.doc, open1, { childSays: 'I hate being late' });
		await waitFor('stored', async () => {
			const stored = await readStoredRecord({ db, meetingId: review.meeting.id });
			const said = readRecord(stored, []).concerns[0]?.childSays;
			stored.destroy();
			return said === 'I hate being late';
		});
		pool.closeAll();
		await waitFor('unloaded', () => server.collab.loadedChannels === 0);
		const again = open({ url: server.url, meetingId: review.meeting.id, token: tokens.chair });
		await synced(again);
		const reloaded = readRecord(again.doc, []);
		expect(reloaded.concerns).toHaveLength(1);
		expect(reloaded.concerns[0].childSays).toBe('I hate being late');
		expect(reloaded.plan.actions).toHaveLength(1);
	});

	it('a meeting without a previous meeting starts empty', async () => {
		const doc = await serverDoc();
		expect(doc.getArray(roots.concerns).length).toBe(0);
	});
});

describe('meeting start', () => {
	it('opens a live meeting at its first section when its record is loaded', async () => {
		const chair = open({ url: server.url, meetingId, token: tokens.chair });
		await synced(chair);
		expect(chair.doc.getMap(roots.meta).get('currentSection')).toBe(
			templateFor('initial-conference').sections[0].key
		);
	});

	it('opens a meeting at its first section when it becomes live while its record is loaded', async () => {
		const { db } = handle;
		const made = await makeMeeting(db, {
			unitId,
			kind: 'core-group',
			title: 'Core group',
			status: 'scheduled',
			childIds: [childId],
			participants: [{ user: people.chair, role: 'chair' }]
		});
		const chair = open({ url: server.url, meetingId: made.meeting.id, token: tokens.chair });
		await synced(chair);
		expect(chair.doc.getMap(roots.meta).get('currentSection')).toBeUndefined();
		await db
			.update(meetings)
			.set({ status: 'live', startedAt: new Date() })
			.where(eq(meetings.id, made.meeting.id));
		server.collab.meetingChanged(made.meeting.id);
		const first = templateFor('core-group').sections[0].key;
		await waitFor(
			'first section',
			() => chair.doc.getMap(roots.meta).get('currentSection') === first
		);
		// …and leaves the chair's choice alone after that.
		await waitFor('reconnected', () => chair.provider.wsconnected && chair.provider.synced);
		chair.doc.getMap(roots.meta).set('currentSection', templateFor('core-group').sections[1].key);
		server.collab.meetingChanged(made.meeting.id);
		await new Promise((r) => setTimeout(r, 300));
		await waitFor('reconnected', () => chair.provider.wsconnected && chair.provider.synced);
		const doc = await serverDoc(made.meeting.id);
		expect(doc.getMap(roots.meta).get('currentSection')).toBe(
			templateFor('core-group').sections[1].key
		);
	});
});

describe('readStoredRecord', () => {
	it('returns a copy of the live record while it is loaded', async () => {
		const chair = open({ url: server.url, meetingId, token: tokens.chair });
		await synced(chair);
		chair.doc.getMap(roots.plan).set('contingency', 'live only, perhaps not yet stored');
		await waitFor('applied', async () => {
			const doc = await readStoredRecord({ db: handle.db, meetingId });
			const value = doc.getMap(roots.plan).get('contingency');
			doc.destroy();
			return value === 'live only, perhaps not yet stored';
		});
		const copy = await readStoredRecord({ db: handle.db, meetingId });
		copy.getMap(roots.plan).set('contingency', 'changed in the copy');
		copy.destroy();
		const after = await readStoredRecord({ db: handle.db, meetingId });
		expect(after.getMap(roots.plan).get('contingency')).toBe('live only, perhaps not yet stored');
		after.destroy();
	});
});
