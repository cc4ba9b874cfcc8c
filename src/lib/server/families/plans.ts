/**
 * A child's plan register as the viewer may see it (issue 26): the plans from `child_plans`, the
 * review conferences and core groups held about the child, handed to the domain's register.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { meetingChildren, meetings } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { calendarDateOf } from '../../domain/calendar-date';
import { planRegister, type PlanEntry } from '../../domain/plan-register';
import { planPeriod, plansOf } from '../plan-events';
import { childForViewer } from './queries';

/** The register of one child (newest plan first); null when the viewer may not see the child. */
export async function planRegisterFor(props: {
	db: Database;
	user: SessionUser;
	childId: string;
}): Promise<PlanEntry[] | null> {
	const seen = await childForViewer(props);
	if (!seen) return null;
	return registerOf(props.db, seen.child.id);
}

/** The register of a child already allowed (for the child's file and the events). */
export async function registerOf(db: Database, childId: string): Promise<PlanEntry[]> {
	const rows = await plansOf(db, [childId]);
	if (rows.length === 0) return [];
	const held = await db
		.select({ kind: meetings.kind, scheduledAt: meetings.scheduledAt })
		.from(meetingChildren)
		.innerJoin(meetings, eq(meetings.id, meetingChildren.meetingId))
		.where(
			and(
				eq(meetingChildren.childId, childId),
				eq(meetings.status, 'ended'),
				inArray(meetings.kind, ['core-group', 'review-conference'])
			)
		);
	return planRegister({
		plans: rows.map(planPeriod),
		held: held.map((m) => ({ kind: m.kind, date: calendarDateOf(m.scheduledAt) }))
	});
}

/** A register entry as the API answers it (`GET /api/children/{id}/plans`). */
export function planForApi(plan: PlanEntry) {
	return {
		id: plan.id,
		startedAt: plan.startedOn,
		category: plan.category,
		nextReviewBy: plan.nextReviewBy,
		...(plan.endedOn ? { endedAt: plan.endedOn, endReason: plan.endReason } : {}),
		coreGroupsHeld: plan.coreGroupsHeld,
		reviewsHeld: plan.reviewsHeld
	};
}
