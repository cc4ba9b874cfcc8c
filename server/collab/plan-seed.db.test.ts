import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { DatabaseHandle } from '../../src/lib/server/db';
import {
	childPlans,
	collabClients,
	collabUpdates,
	planVersions
} from '../../src/lib/server/db/schema';
import { addConcern, addPlanOutcome, readRecord } from '../../src/lib/collab/record-shape';
import type { PlanContent } from '../../src/lib/domain/plan-versions';
import type { MeetingKind } from '../../src/lib/domain/vocabulary';
import { createTestDatabase, makeFamily, makeMeeting, makeUser } from '../../tests/factories';
import { planSeed, writePlan } from './plan-seed';

let handle: DatabaseHandle;

beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(() => handle?.close());

const plan = (childId: string, text: string): PlanContent => ({
	outcomes: [{ id: `o-${text}`, childId, text, concernId: null }],
	actions: [
		{
			id: `a-${text}`,
			outcomeId: `o-${text}`,
			what: `Do ${text}`,
			who: 'Social worker',
			byWhen: '2027-01-31'
		}
	]
});

/** A child on a plan since 2020, with a version for each content `versions` gives. */
async function childOnPlan(versions: (childId: string) => PlanContent[]) {
	const { children } = await makeFamily(handle.db, { children: ['Sam'] });
	const childId = children[0].id;
	const [row] = await handle.db
		.insert(childPlans)
		.values({ childId, startedOn: '2020-01-01', category: 'neglect' })
		.returning();
	for (const [i, content] of versions(childId).entries())
		await handle.db
			.insert(planVersions)
			.values({ planId: row.id, version: i + 1, content, changes: [], agreedBy: [] });
	return childId;
}

async function meeting(kind: MeetingKind, childIds: string[]) {
	const chair = await makeUser(handle.db, { role: 'chair' });
	return (
		await makeMeeting(handle.db, {
			kind,
			status: 'scheduled',
			childIds,
			participants: [{ user: chair, role: 'chair' }]
		})
	).meeting.id;
}

const seeded = (update: Uint8Array) => {
	const doc = new Y.Doc();
	Y.applyUpdate(doc, update);
	return readRecord(doc, []);
};

describe('writePlan', () => {
	it('writes the version’s outcomes and actions in place of any carried over', () => {
		const doc = new Y.Doc();
		addPlanOutcome(doc, { childId: 'k1', text: 'Carried over', concernId: '' });
		writePlan(doc, plan('k1', 'school'));
		const { outcomes, actions } = readRecord(doc, []).plan;
		expect(outcomes.map((o) => o.text)).toEqual(['school']);
		expect(actions).toEqual([
			expect.objectContaining({ id: 'a-school', outcomeId: 'o-school', what: 'Do school' })
		]);
	});
});

describe('the plan seed', () => {
	it('opens a core group’s main channel with the latest version of the plan, once, as the server', async () => {
		const { db } = handle;
		const childId = await childOnPlan((id) => [plan(id, 'first'), plan(id, 'latest')]);
		const meetingId = await meeting('core-group', [childId]);
		const seed = await planSeed.run({
			db,
			meetingId,
			channel: 'main',
			meeting: { previousMeetingId: null }
		});
		if (!seed?.update) throw new Error('the plan seed stores its update');
		const record = seeded(seed.update);
		expect(record.plan.outcomes.map((o) => [o.childId, o.text])).toEqual([[childId, 'latest']]);
		expect(record.plan.actions.map((a) => a.what)).toEqual(['Do latest']);
		const [binding] = await db
			.select()
			.from(collabClients)
			.where(eq(collabClients.meetingId, meetingId));
		expect(binding.userId).toBeNull();
		expect(
			await planSeed.run({ db, meetingId, channel: 'main', meeting: { previousMeetingId: null } })
		).toEqual({ update: null, storedByOther: true });
	});

	it('carries the meeting before’s open concerns over, but takes the plan from the version', async () => {
		const { db } = handle;
		const childId = await childOnPlan((id) => [plan(id, 'agreed')]);
		const previousMeetingId = await meeting('initial-conference', [childId]);
		const before = new Y.Doc();
		addConcern(before, { id: 'c1', childId, title: 'Late for school' });
		addConcern(before, { id: 'c2', childId, title: 'Resolved', status: 'closed' });
		addPlanOutcome(before, { childId, text: 'Typed at the conference', concernId: '' });
		await db
			.insert(collabUpdates)
			.values({ meetingId: previousMeetingId, update: Y.encodeStateAsUpdate(before) });
		const meetingId = await meeting('core-group', [childId]);
		const seed = await planSeed.run({
			db,
			meetingId,
			channel: 'main',
			meeting: { previousMeetingId }
		});
		if (!seed?.update) throw new Error('the plan seed stores its update');
		const record = seeded(seed.update);
		expect(record.concerns.map((c) => c.title)).toEqual(['Late for school']);
		expect(record.plan.outcomes.map((o) => o.text)).toEqual(['agreed']);
	});

	it('writes nothing for another kind of meeting, a child on no plan, or another channel', async () => {
		const { db } = handle;
		const onPlan = await childOnPlan((id) => [plan(id, 'x')]);
		const review = await meeting('review-conference', [onPlan]);
		const core = await meeting('core-group', [onPlan]);
		const { children } = await makeFamily(db, { children: ['Alex'] });
		const noPlan = await meeting('core-group', [children[0].id]);
		const meetingAt = { previousMeetingId: null };
		expect(
			await planSeed.run({ db, meetingId: review, channel: 'main', meeting: meetingAt })
		).toBeNull();
		expect(
			await planSeed.run({ db, meetingId: noPlan, channel: 'main', meeting: meetingAt })
		).toBeNull();
		for (const channel of ['restricted', 'notes'] as const)
			expect(await planSeed.run({ db, meetingId: core, channel, meeting: null })).toBeNull();
		for (const meetingId of [review, core, noPlan])
			expect(
				await db.select().from(collabUpdates).where(eq(collabUpdates.meetingId, meetingId))
			).toEqual([]);
	});
});
