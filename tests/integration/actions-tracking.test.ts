/**
 * The plan between meetings (issue 13): End meeting writes the plan's actions once, each owned
 * by the participant it names; the owner marks one done with a line of words and a stranger
 * cannot (404), a bad state is a 400; a parent reads their family's actions and not another
 * family's (404); the next meeting about the child opens with each action's state in its
 * record's plan (read by a stock client over the real collaboration server).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { meetings, planActions, type User } from '../../src/lib/server/db/schema';
import { addPlanAction, addPlanOutcome, readRecord } from '../../src/lib/collab/record-shape';
import { roots } from '../../src/lib/collab/roots';
import { endMeeting } from '../../src/lib/server/meetings/commands/end-meeting';
import { startMeeting } from '../../src/lib/server/meetings/commands/start-meeting';
import { actionsForMeeting, actionsPage } from '../../src/lib/server/actions';
import { updateAction } from '../../src/lib/server/actions/commands/update-action';
import { writePlanActions } from '../../src/lib/server/actions/commands/write-plan-actions';
import { readStoredRecord } from '../../src/lib/server/records';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	signIn,
	noRegister,
	sessionOf
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
let chair: User, sw: User, parent: User, otherParent: User, stranger: User;
let childId: string;
let first: string;
beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Priya Shah' });
	sw = await makeUser(db, { role: 'professional', name: 'Sam Okafor' });
	parent = await makeUser(db, { role: 'parent', name: 'Dawn Walker' });
	otherParent = await makeUser(db, { role: 'parent', name: 'Other Parent' });
	stranger = await makeUser(db, { role: 'professional', name: 'Not Invited' });
	const { children } = await makeFamily(db, {
		unitId: unit.id,
		children: ['Chrissie Walker'],
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
	childId = children[0].id;
	const other = await makeFamily(db, {
		unitId: unit.id,
		children: ['Leo Other'],
		parents: [{ userId: otherParent.id, relationship: 'Dad' }]
	});
	// The other family's parent is in a meeting of their own, so they can sign in to something.
	await makeMeeting(db, {
		unitId: unit.id,
		childIds: [other.children[0].id],
		participants: [
			{ user: chair, role: 'chair' },
			{ user: otherParent, role: 'parent' }
		]
	});
	const made = await makeMeeting(db, {
		unitId: unit.id,
		childIds: [childId],
		scheduledAt: new Date(Date.now() - 60 * 60_000),
		participants: [
			{ user: chair, role: 'chair' },
			{ user: sw, role: 'professional' },
			{ user: parent, role: 'parent' }
		]
	});
	first = made.meeting.id;
	server = await startCollabServer(db);
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

describe('the plan between meetings', () => {
	it('End meeting writes the plan’s actions once, each owned by the person it names', async () => {
		const { db } = handle;
		const client = pool.open({ url: server.url, meetingId: first, token: await signIn(db, sw.id) });
		await synced(client);
		const outcome = addPlanOutcome(client.doc, {
			childId,
			text: 'Chrissie gets to school on time',
			concernId: null
		});
		addPlanAction(client.doc, {
			outcomeId: outcome,
			what: 'Visit every week',
			who: 'Sam Okafor, the social worker',
			byWhen: '2026-01-09'
		});
		addPlanAction(client.doc, {
			outcomeId: outcome,
			what: 'Walk Chrissie to school',
			who: 'Mum',
			byWhen: '2099-01-11'
		});
		await waitFor('the plan on the server', async () => {
			const doc = await readStoredRecord({ db, meetingId: first });
			const n = readRecord(doc, []).plan.actions.length;
			doc.destroy();
			return n === 2;
		});
		client.destroy();
		await endMeeting({ db, user: sessionOf(chair), meetingId: first, confirmation: noRegister });
		const rows = await db.select().from(planActions).where(eq(planActions.meetingId, first));
		expect(rows).toHaveLength(2);
		const visit = rows.find((r) => r.text === 'Visit every week')!;
		expect(visit).toMatchObject({
			ownerId: sw.id,
			dueBy: '2026-01-09',
			state: 'not-started',
			childId
		});
		expect(rows.find((r) => r.who === 'Mum')?.ownerId).toBeNull();
		// Again (a retry): nothing new.
		const again = await readStoredRecord({ db, meetingId: first });
		expect(await writePlanActions({ db, meetingId: first, main: again })).toBe(0);
		again.destroy();
	});

	it('a parent reads their family’s actions, not another family’s', async () => {
		const { db } = handle;
		const mine = await actionsForMeeting({ db, user: sessionOf(parent), meetingId: first });
		expect(mine?.map((a) => a.text).sort()).toEqual([
			'Visit every week',
			'Walk Chrissie to school'
		]);
		expect(mine?.every((a) => !a.mayUpdate)).toBe(true);
		expect(
			await actionsForMeeting({ db, user: sessionOf(otherParent), meetingId: first })
		).toBeNull();
		expect(await actionsForMeeting({ db, user: sessionOf(stranger), meetingId: first })).toBeNull();
	});

	it('the owner marks an action done with a line of words; a stranger or the parent cannot', async () => {
		const { db } = handle;
		const [visit] = await db.select().from(planActions).where(eq(planActions.ownerId, sw.id));
		const late = await actionsPage({ db, user: sessionOf(chair), today: '2026-06-01' });
		expect(late.late.map((a) => a.id)).toContain(visit.id);
		for (const user of [stranger, parent, otherParent])
			await expect(
				updateAction({ db, user: sessionOf(user), actionId: visit.id, state: 'done', note: 'x' })
			).rejects.toMatchObject({ status: 404 });
		await expect(
			updateAction({ db, user: sessionOf(sw), actionId: visit.id, state: 'finished', note: '' })
		).rejects.toMatchObject({ status: 400, field: 'state' });
		const done = await updateAction({
			db,
			user: sessionOf(sw),
			actionId: visit.id,
			state: 'done',
			note: 'Visited every Tuesday since the conference.'
		});
		expect(done).toMatchObject({
			state: 'done',
			note: 'Visited every Tuesday since the conference.'
		});
		const mine = await actionsPage({ db, user: sessionOf(sw), today: '2026-06-01' });
		expect(mine.mine.map((a) => a.state)).toEqual(['done']);
		expect((await actionsPage({ db, user: sessionOf(chair), today: '2026-06-01' })).late).toEqual(
			[]
		);
		// The chair may move any action of their meeting.
		const [walk] = await db.select().from(planActions).where(eq(planActions.who, 'Mum'));
		await updateAction({
			db,
			user: sessionOf(chair),
			actionId: walk.id,
			state: 'stuck',
			note: 'No school place yet.'
		});
	});

	it('the next meeting about the child opens with each action’s state in its plan', async () => {
		const { db } = handle;
		const next = await makeMeeting(db, {
			kind: 'core-group',
			title: 'Core group',
			status: 'scheduled',
			unitId: (await db.select().from(meetings).where(eq(meetings.id, first)))[0].unitId,
			childIds: [childId],
			participants: [
				{ user: chair, role: 'chair' },
				{ user: sw, role: 'professional' }
			]
		});
		const started = await startMeeting({ db, user: sessionOf(chair), meetingId: next.meeting.id });
		expect(started.previousMeetingId).toBe(first);
		const client = pool.open({
			url: server.url,
			meetingId: next.meeting.id,
			token: await signIn(db, sw.id)
		});
		await synced(client);
		await waitFor('the carried actions', async () =>
			readRecord(client.doc, []).plan.actions.some((a) => a.state === 'done')
		);
		const plan = readRecord(client.doc, []).plan;
		const byWhat = new Map(plan.actions.map((a) => [a.what, a]));
		expect(byWhat.get('Visit every week')).toMatchObject({
			state: 'done',
			note: 'Visited every Tuesday since the conference.',
			who: 'Sam Okafor, the social worker'
		});
		expect(byWhat.get('Walk Chrissie to school')).toMatchObject({
			state: 'stuck',
			note: 'No school place yet.'
		});
		expect(plan.actions).toHaveLength(2);
		expect(plan.outcomes.map((o) => o.text)).toEqual(['Chrissie gets to school on time']);
		expect(client.doc.getMap(roots.meta).get('progressFrom')).toBe(first);
	});
});
