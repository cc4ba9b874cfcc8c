/**
 * A core group's main channel opens with the current plan (issue 26): the outcomes and actions
 * of the latest version of the plan its children are subject to, written once as the server
 * (./seed-once.ts) — nobody retypes the plan. What a review pre-fill carries over from the
 * meeting before (open concerns, the core group, the lead social worker) is written with it;
 * the plan itself comes from the version, not from whichever meeting happened to be last.
 * Its changes make the plan's next version when the core group ends (src/lib/server/plan-versions.ts).
 */
import type * as Y from 'yjs';
import type { Database } from '../../src/lib/server/db';
import {
	addPlanAction,
	addPlanOutcome,
	readRecord,
	removePlanItem
} from '../../src/lib/collab/record-shape';
import { readStoredRecord } from '../../src/lib/server/records';
import { currentPlanForMeeting } from '../../src/lib/server/plan-versions';
import type { PlanContent } from '../../src/lib/domain/plan-versions';
import { seedChannelOnce, type SeedResult } from './seed-once';
import { carryOver } from './server-writes';
import type { ChannelInitialiser } from './hooks';

/** Writes the plan's outcomes and actions into `doc`, in place of any carried over. */
export function writePlan(doc: Y.Doc, plan: PlanContent): void {
	const carried = readRecord(doc, []).plan;
	doc.transact(() => {
		for (const action of carried.actions) removePlanItem(doc, 'actions', action.id);
		for (const outcome of carried.outcomes) removePlanItem(doc, 'outcomes', outcome.id);
		for (const outcome of plan.outcomes) addPlanOutcome(doc, outcome);
		for (const action of plan.actions) addPlanAction(doc, action);
	}, 'server');
}

async function seedPlan(props: {
	db: Database;
	meetingId: string;
	previousMeetingId: string | null;
}): Promise<SeedResult | null> {
	const { db, meetingId, previousMeetingId } = props;
	const plan = await currentPlanForMeeting(db, meetingId);
	if (!plan) return null;
	const previous = previousMeetingId
		? await readStoredRecord({ db, meetingId: previousMeetingId })
		: null;
	try {
		return await seedChannelOnce({
			db,
			meetingId,
			channel: 'main',
			write: (doc) => {
				if (previous && previousMeetingId) carryOver({ doc, previous, previousMeetingId });
				writePlan(doc, plan);
				return true;
			}
		});
	} finally {
		previous?.destroy();
	}
}

/** loadChannel: a core group starts from the current version of the plan. */
export const planSeed: ChannelInitialiser = {
	name: 'plan seed',
	run: async ({ db, meetingId, channel, meeting }) =>
		channel === 'main'
			? seedPlan({ db, meetingId, previousMeetingId: meeting?.previousMeetingId ?? null })
			: null
};
