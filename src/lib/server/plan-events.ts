/**
 * The life of a child protection plan (issues 14, 26): when a conference ends, the chair's
 * outcome for each child in the live record says whether the child needs a plan. A child who
 * needs one and is not subject to a plan on the meeting's day has a plan started in the register
 * (`child_plans`, with the conference, its category), which starts the core group and review
 * clocks; a child subject to a plan whose conference decides "no plan" has it ended, with the
 * chair's reason. Recording again from the same meeting (a retried End meeting) changes nothing:
 * on that day the plan it started is running and the plan it ended has ended.
 * Runs in SvelteKit and under plain Node (the collaboration server), so imports are relative.
 */
import { and, asc, eq, inArray, isNull, lte, or, gt } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { Database } from './db';
import { childPlans } from './db/schema';
import { readRecord } from '../collab/record-shape';
import type { CalendarDate } from '../domain/calendar-date';
import type { MeetingKind } from '../domain/vocabulary';
import type { ChildProtectionCategory } from '../domain/decisions';
import { planClockEvents, type PlanPeriod } from '../domain/plan-register';

/** The meetings whose outcome decides whether a child is subject to a plan. */
export const planDecidingKinds: readonly MeetingKind[] = [
	'initial-conference',
	'review-conference'
];

/** What a conference did to one child's plan. */
export interface PlanChange {
	childId: string;
	kind: 'plan-started' | 'plan-ended';
	planId: string;
}

/** The plan each child is subject to on `day`, if any (childId → plan id). */
export async function plansRunningOn(
	db: Database,
	childIds: readonly string[],
	day: CalendarDate
): Promise<Map<string, string>> {
	if (childIds.length === 0) return new Map();
	const rows = await db
		.select({ id: childPlans.id, childId: childPlans.childId })
		.from(childPlans)
		.where(
			and(
				inArray(childPlans.childId, [...childIds]),
				lte(childPlans.startedOn, day),
				or(isNull(childPlans.endedOn), gt(childPlans.endedOn, day))
			)
		)
		.orderBy(asc(childPlans.startedOn));
	return new Map(rows.map((r) => [r.childId, r.id]));
}

/** Starts a plan for a child on a day; the caller has checked none is running. */
export async function startPlan(props: {
	db: Database;
	childId: string;
	day: CalendarDate;
	category: ChildProtectionCategory | null;
	meetingId: string | null;
	by: string | null;
}): Promise<string> {
	const [row] = await props.db
		.insert(childPlans)
		.values({
			childId: props.childId,
			startedOn: props.day,
			category: props.category,
			startMeetingId: props.meetingId,
			startedBy: props.by
		})
		.returning({ id: childPlans.id });
	return row.id;
}

/** Ends a running plan on a day, with the reason. */
export async function endPlan(props: {
	db: Database;
	planId: string;
	day: CalendarDate;
	reason: string;
	meetingId: string | null;
	by: string | null;
}): Promise<void> {
	await props.db
		.update(childPlans)
		.set({
			endedOn: props.day,
			endReason: props.reason,
			endMeetingId: props.meetingId,
			endedBy: props.by,
			endedAt: new Date()
		})
		.where(and(eq(childPlans.id, props.planId), isNull(childPlans.endedOn)));
}

/**
 * Records the plans a conference started or ended, from its chair's outcomes; returns what was
 * written. A meeting of another kind, or a child without an outcome, changes nothing.
 */
export async function recordPlanEvents(props: {
	db: Database;
	meetingKind: MeetingKind;
	meetingId?: string | null;
	/** The meeting's day (London). */
	day: CalendarDate;
	childIds: readonly string[];
	main: Y.Doc;
	recordedBy: string | null;
}): Promise<PlanChange[]> {
	const { db, meetingKind, day, childIds, main, recordedBy } = props;
	if (!planDecidingKinds.includes(meetingKind) || childIds.length === 0) return [];
	const { outcomes } = readRecord(main, []);
	const running = await plansRunningOn(db, childIds, day);
	const written: PlanChange[] = [];
	for (const childId of childIds) {
		const outcome = outcomes[childId];
		const planId = running.get(childId);
		if (outcome?.outcome === 'plan' && !planId) {
			const id = await startPlan({
				db,
				childId,
				day,
				category: outcome.category ?? null,
				meetingId: props.meetingId ?? null,
				by: recordedBy
			});
			written.push({ childId, kind: 'plan-started', planId: id });
		} else if (outcome?.outcome === 'no-plan' && planId) {
			await endPlan({
				db,
				planId,
				day,
				reason: outcome.reason?.trim() || 'The conference decided no plan was needed.',
				meetingId: props.meetingId ?? null,
				by: recordedBy
			});
			written.push({ childId, kind: 'plan-ended', planId });
		}
	}
	return written;
}

/** The plans of some children, oldest first (the register's rows). */
export async function plansOf(db: Database, childIds: readonly string[]) {
	if (childIds.length === 0) return [];
	return db
		.select()
		.from(childPlans)
		.where(inArray(childPlans.childId, [...childIds]))
		.orderBy(asc(childPlans.startedOn), asc(childPlans.startedAt));
}

/** A stored plan as the domain's register reads it. */
export function planPeriod(row: typeof childPlans.$inferSelect): PlanPeriod {
	return {
		id: row.id,
		startedOn: row.startedOn,
		category: row.category,
		endedOn: row.endedOn,
		endReason: row.endReason
	};
}

/** The plan events of some children, oldest first, as the clocks read them (for tests). */
export async function planEventsOf(db: Database, childIds: readonly string[]) {
	const rows = await plansOf(db, childIds);
	return rows
		.flatMap((row) =>
			planClockEvents([planPeriod(row)]).map((e) => ({ childId: row.childId, ...e }))
		)
		.sort((a, b) => a.date.localeCompare(b.date));
}
