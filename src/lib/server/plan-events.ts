/**
 * The life of a child protection plan (issue 14): when a conference ends, the chair's outcome
 * for each child in the live record says whether the child needs a plan. A child who needs one
 * and is not already subject to a plan on the meeting's day has a plan started ('plan-started'
 * child event, which also starts the core group and review clocks); a child subject to a plan
 * whose conference decides "no plan" has it ended ('plan-ended'). Whether a child is subject to
 * a plan on a day is their latest plan event on or before it, so recording again from the same
 * meeting (a retried End meeting) changes nothing.
 * Runs in SvelteKit and under plain Node (the collaboration server), so imports are relative.
 */
import { and, desc, inArray, lte } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { Database } from './db';
import { childEvents } from './db/schema';
import { readRecord } from '../collab/record-shape';
import type { CalendarDate } from '../domain/calendar-date';
import type { MeetingKind } from '../domain/vocabulary';

/** The meetings whose outcome decides whether a child is subject to a plan. */
export const planDecidingKinds: readonly MeetingKind[] = [
	'initial-conference',
	'review-conference'
];

/** Whether each child is subject to a plan on `day` (their latest plan event on or before it). */
async function subjectToPlan(
	db: Database,
	childIds: readonly string[],
	day: CalendarDate
): Promise<Set<string>> {
	const rows = await db
		.select({ childId: childEvents.childId, kind: childEvents.kind })
		.from(childEvents)
		.where(
			and(
				inArray(childEvents.childId, [...childIds]),
				inArray(childEvents.kind, ['plan-started', 'plan-ended']),
				lte(childEvents.date, day)
			)
		)
		.orderBy(desc(childEvents.date), desc(childEvents.recordedAt));
	const latest = new Map<string, string>();
	for (const row of rows) if (!latest.has(row.childId)) latest.set(row.childId, row.kind);
	return new Set([...latest].filter(([, kind]) => kind === 'plan-started').map(([id]) => id));
}

/**
 * Records the plans a conference started or ended, from its chair's outcomes; returns what was
 * written. A meeting of another kind, or a child without an outcome, changes nothing.
 */
export async function recordPlanEvents(props: {
	db: Database;
	meetingKind: MeetingKind;
	/** The meeting's day (London). */
	day: CalendarDate;
	childIds: readonly string[];
	main: Y.Doc;
	recordedBy: string | null;
}): Promise<{ childId: string; kind: 'plan-started' | 'plan-ended' }[]> {
	const { db, meetingKind, day, childIds, main, recordedBy } = props;
	if (!planDecidingKinds.includes(meetingKind) || childIds.length === 0) return [];
	const { outcomes } = readRecord(main, []);
	const subject = await subjectToPlan(db, childIds, day);
	const written: { childId: string; kind: 'plan-started' | 'plan-ended' }[] = [];
	for (const childId of childIds) {
		const outcome = outcomes[childId]?.outcome;
		if (outcome === 'plan' && !subject.has(childId))
			written.push({ childId, kind: 'plan-started' });
		else if (outcome === 'no-plan' && subject.has(childId))
			written.push({ childId, kind: 'plan-ended' });
	}
	if (written.length) {
		await db.insert(childEvents).values(written.map((w) => ({ ...w, date: day, recordedBy })));
	}
	return written;
}

/** The plan events of some children, oldest first (for tests and the child's page). */
export async function planEventsOf(db: Database, childIds: readonly string[]) {
	return db
		.select({ childId: childEvents.childId, kind: childEvents.kind, date: childEvents.date })
		.from(childEvents)
		.where(
			and(
				inArray(childEvents.childId, [...childIds]),
				inArray(childEvents.kind, ['plan-started', 'plan-ended'])
			)
		)
		.orderBy(childEvents.date, childEvents.recordedAt);
}
