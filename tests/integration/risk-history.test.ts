/**
 * The risk plotter's history through the real collaboration server and real y-websocket clients:
 * a concern raised and scored at a conference reappears pre-filled at the next core group, and
 * the child's history shows both meetings; who may see it; no one overwrites another's score.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { meetings, type User } from '../../src/lib/server/db/schema';
import { roots } from '../../src/lib/collab/roots';
import { addConcern, readRecord, setRating } from '../../src/lib/collab/record-shape';
import { riskHistoryFor } from '../../src/lib/server/risk/history';
import { describeConcern } from '../../src/lib/risk';
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
	waitFor,
	type RunningServer
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();
const open = (meetingId: string, token: string) => pool.open({ url: server.url, meetingId, token });
const session = (u: User) => ({
	id: u.id,
	name: u.name,
	email: u.email,
	role: u.role,
	unitId: u.unitId,
	agencyId: u.agencyId
});

let people: Record<'chair' | 'worker' | 'health' | 'mum' | 'otherParent' | 'stranger', User>;
let tokens: Record<'chair' | 'worker' | 'health' | 'mum', string>;
let childId: string;
let conferenceId: string;
let coreGroupId: string;
let coreGroupPids: Record<string, string>;

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	people = {
		chair: await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Chris Chair' }),
		worker: await makeUser(db, { role: 'professional', name: 'Sam Worker' }),
		health: await makeUser(db, { role: 'professional', name: 'Kim Health' }),
		mum: await makeUser(db, { role: 'parent', name: 'Dawn Mum' }),
		otherParent: await makeUser(db, { role: 'parent', name: 'Jordan Other' }),
		stranger: await makeUser(db, { role: 'professional', name: 'Not Invited' })
	};
	const { children } = await makeFamily(db, {
		unitId: unit.id,
		children: ['Chrissie Test'],
		parents: [{ userId: people.mum.id, relationship: 'Mum' }]
	});
	await makeFamily(db, {
		unitId: unit.id,
		name: 'Other family',
		children: ['Other Child'],
		parents: [{ userId: people.otherParent.id, relationship: 'Dad' }]
	});
	childId = children[0].id;
	const participants = [
		{ user: people.chair, role: 'chair' as const },
		{ user: people.worker, role: 'professional' as const },
		{ user: people.health, role: 'professional' as const },
		{ user: people.mum, role: 'parent' as const },
		// Invited, but not family: a parent sees only their own family's meetings.
		{ user: people.otherParent, role: 'parent' as const }
	];
	const day = 86_400_000;
	const conference = await makeMeeting(db, {
		unitId: unit.id,
		kind: 'initial-conference',
		childIds: [childId],
		scheduledAt: new Date(Date.now() - 14 * day),
		participants
	});
	conferenceId = conference.meeting.id;
	const core = await makeMeeting(db, {
		unitId: unit.id,
		kind: 'core-group',
		title: 'Core group meeting',
		status: 'live',
		childIds: [childId],
		scheduledAt: new Date(),
		participants
	});
	coreGroupId = core.meeting.id;
	coreGroupPids = Object.fromEntries(core.participants.map((p) => [p.userId!, p.id]));
	await db
		.update(meetings)
		.set({ previousMeetingId: conferenceId })
		.where(eq(meetings.id, coreGroupId));
	tokens = {
		chair: await signIn(db, people.chair.id),
		worker: await signIn(db, people.worker.id),
		health: await signIn(db, people.health.id),
		mum: await signIn(db, people.mum.id)
	};
	server = await startCollabServer(db);

	// The conference: the worker writes the card; each person scores on their own device.
	const pid = Object.fromEntries(conference.participants.map((p) => [p.userId!, p.id]));
	const worker = open(conferenceId, tokens.worker);
	const health = open(conferenceId, tokens.health);
	const mum = open(conferenceId, tokens.mum);
	await Promise.all([synced(worker), synced(health), synced(mum)]);
	addConcern(worker.doc, {
		id: 'late',
		childId,
		title: 'Getting to school on time',
		safetyGoal: 'On time every day',
		raisedInMeetingId: conferenceId
	});
	await waitFor(
		'the card reaches everyone',
		() =>
			readRecord(mum.doc, []).concerns.length === 1 &&
			readRecord(health.doc, []).concerns.length === 1
	);
	setRating(worker.doc, pid[people.worker.id], 'late', 3);
	setRating(health.doc, pid[people.health.id], 'late', 5);
	setRating(mum.doc, pid[people.mum.id], 'late', 6);
	await waitFor('all three scores are stored', async () => {
		const found = await riskHistoryFor({ db, user: session(people.chair), childId });
		return found?.history.concerns[0]?.points[0]?.scores.length === 3;
	});
	pool.closeAll();
	await db
		.update(meetings)
		.set({ status: 'ended', endedAt: new Date() })
		.where(eq(meetings.id, conferenceId));
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

describe('a child’s risk history across meetings', () => {
	it('a concern raised at the conference reappears pre-filled at the core group, with its history', async () => {
		const worker = open(coreGroupId, tokens.worker);
		await synced(worker);
		await waitFor('the review is pre-filled', () =>
			readRecord(worker.doc, []).concerns.some((c) => c.id === 'late')
		);
		const carried = readRecord(worker.doc, []).concerns.find((c) => c.id === 'late')!;
		expect(carried).toMatchObject({
			title: 'Getting to school on time',
			raisedInMeetingId: conferenceId,
			childId
		});
		setRating(worker.doc, coreGroupPids[people.worker.id], 'late', 6);

		const { db } = handle;
		await waitFor('the core group score is in the history', async () => {
			const found = await riskHistoryFor({ db, user: session(people.chair), childId });
			return (
				found?.history.concerns[0]?.points.length === 2 &&
				found.history.concerns[0].points[1].scores.length === 1
			);
		});
		const found = (await riskHistoryFor({ db, user: session(people.chair), childId }))!;
		const late = found.history.concerns[0];
		expect(found.history.meetings.map((m) => [m.id, m.kind])).toEqual([
			[conferenceId, 'initial-conference'],
			[coreGroupId, 'core-group']
		]);
		expect(late.points[0]).toMatchObject({
			meetingId: conferenceId,
			live: false,
			professionals: { median: 4, low: 3, high: 5, count: 2 }
		});
		expect(late.points[0].parents.map((s) => [s.name, s.score])).toEqual([['Dawn Mum', 6]]);
		expect(late.points[1]).toMatchObject({
			meetingId: coreGroupId,
			live: true,
			professionals: { median: 6, low: 6, high: 6, count: 1 }
		});
		expect(describeConcern(late)).toContain(
			'Getting to school on time: professional 6; at the last meeting 4 (professionals’ median, parents 6)'
		);
		expect(found.meetings.map((m) => m.id)).toEqual([conferenceId, coreGroupId]);
	});

	it('the family sees their own child’s history; another family’s parent and an outsider do not', async () => {
		const { db } = handle;
		expect(
			(await riskHistoryFor({ db, user: session(people.mum), childId }))?.history.concerns
		).toHaveLength(1);
		expect(await riskHistoryFor({ db, user: session(people.otherParent), childId })).toBeNull();
		expect(await riskHistoryFor({ db, user: session(people.stranger), childId })).toBeNull();
		expect(
			await riskHistoryFor({ db, user: session(people.chair), childId: 'not-a-child' })
		).toBeNull();
	});

	it('a parent who writes another participant’s score is closed with 4403, and the score stays', async () => {
		const mum = open(coreGroupId, tokens.mum);
		await synced(mum);
		await waitFor(
			'the worker’s score arrives',
			() => mum.doc.getMap(roots.ratings(coreGroupPids[people.worker.id])).get('late') === 6
		);
		mum.doc.getMap(roots.ratings(coreGroupPids[people.worker.id])).set('late', 10);
		await waitFor('4403', () => mum.closes.length > 0);
		expect(mum.closes[0].code).toBe(4403);
		const check = open(coreGroupId, tokens.chair);
		await synced(check);
		expect(check.doc.getMap(roots.ratings(coreGroupPids[people.worker.id])).get('late')).toBe(6);
		// Their own score is still theirs to give.
		const again = open(coreGroupId, tokens.mum);
		await synced(again);
		setRating(again.doc, coreGroupPids[people.mum.id], 'late', 7);
		await waitFor(
			'the parent’s own score arrives',
			() => check.doc.getMap(roots.ratings(coreGroupPids[people.mum.id])).get('late') === 7
		);
		expect(again.closes).toEqual([]);
	});
});
