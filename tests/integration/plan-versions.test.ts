/**
 * Core group notes start from the plan (issue 26): a conference that starts a plan makes its
 * version 1 from the record's outcomes and actions; a core group about the child, opened over the
 * real collaboration server by a stock client, already holds them (nobody retypes the plan);
 * what the core group changes makes version 2, with what changed and who agreed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { childPlans, planVersions, type User } from '../../src/lib/server/db/schema';
import {
	addPlanAction,
	addPlanOutcome,
	readRecord,
	recordOutcome
} from '../../src/lib/collab/record-shape';
import { endMeeting } from '../../src/lib/server/meetings/commands/end-meeting';
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
let unitId: string;
let chair: User;
let amy: string;

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	unitId = (await makeUnit(db)).id;
	chair = await makeUser(db, { role: 'chair', unitId, name: 'Priya Shah' });
	amy = (await makeFamily(db, { unitId, children: ['Amy Walker'] })).children[0].id;
	server = await startCollabServer(db);
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

async function stored(meetingId: string, check: (r: ReturnType<typeof readRecord>) => boolean) {
	await waitFor('the record on the server', async () => {
		const doc = await readStoredRecord({ db: handle.db, meetingId });
		const ok = check(readRecord(doc, []));
		doc.destroy();
		return ok;
	});
}

describe('a plan’s versions', () => {
	it('a conference makes version 1; a core group opens with it filled in and saves version 2', async () => {
		const { db } = handle;
		const conference = await makeMeeting(db, {
			unitId,
			kind: 'initial-conference',
			status: 'live',
			scheduledAt: new Date('2026-10-05T10:00:00Z'),
			childIds: [amy],
			participants: [{ user: chair, role: 'chair' }]
		});
		const c1 = pool.open({
			url: server.url,
			meetingId: conference.meeting.id,
			token: await signIn(db, chair.id)
		});
		await synced(c1);
		recordOutcome(c1.doc, {
			childId: amy,
			outcome: 'plan',
			category: 'neglect',
			reason: 'The neglect is long-standing.'
		});
		const outcomeId = addPlanOutcome(c1.doc, {
			childId: amy,
			text: 'Amy has a hot meal every day',
			concernId: null
		});
		addPlanAction(c1.doc, {
			outcomeId,
			what: 'Refer the family to the food bank',
			who: 'Sam Okafor',
			byWhen: '2026-10-16'
		});
		await stored(conference.meeting.id, (r) => r.plan.actions.length === 1 && !!r.outcomes[amy]);
		c1.destroy();
		await endMeeting({
			db,
			user: sessionOf(chair),
			meetingId: conference.meeting.id,
			confirmation: noRegister
		});
		const [plan] = await db.select().from(childPlans).where(eq(childPlans.childId, amy));
		const [v1] = await db.select().from(planVersions).where(eq(planVersions.planId, plan.id));
		expect(v1).toMatchObject({ version: 1, meetingId: conference.meeting.id });
		expect(v1.content.actions.map((a) => a.what)).toEqual(['Refer the family to the food bank']);

		// A core group with no meeting before it on record: the plan still opens filled in.
		const coreGroup = await makeMeeting(db, {
			unitId,
			kind: 'core-group',
			status: 'live',
			scheduledAt: new Date('2026-10-14T10:00:00Z'),
			childIds: [amy],
			participants: [{ user: chair, role: 'chair', attendance: 'present' }]
		});
		const c2 = pool.open({
			url: server.url,
			meetingId: coreGroup.meeting.id,
			token: await signIn(db, chair.id)
		});
		await synced(c2);
		const opened = readRecord(c2.doc, []).plan;
		expect(opened.outcomes.map((o) => o.text)).toEqual(['Amy has a hot meal every day']);
		expect(opened.actions.map((a) => [a.what, a.who])).toEqual([
			['Refer the family to the food bank', 'Sam Okafor']
		]);
		addPlanAction(c2.doc, {
			outcomeId: opened.outcomes[0].id,
			what: 'Check the fridge at each visit',
			who: 'Kim Lee',
			byWhen: '2026-11-01'
		});
		await stored(coreGroup.meeting.id, (r) => r.plan.actions.length === 2);
		c2.destroy();
		await endMeeting({ db, user: sessionOf(chair), meetingId: coreGroup.meeting.id });
		const versions = await db
			.select()
			.from(planVersions)
			.where(eq(planVersions.planId, plan.id))
			.orderBy(planVersions.version);
		expect(versions.map((v) => v.version)).toEqual([1, 2]);
		expect(versions[1]).toMatchObject({
			meetingId: coreGroup.meeting.id,
			changes: ['Added the action “Check the fridge at each visit”'],
			agreedBy: ['Priya Shah']
		});
		expect(versions[1].content.actions).toHaveLength(2);
	});
});
