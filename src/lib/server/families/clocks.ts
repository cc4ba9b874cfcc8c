/**
 * A child's clocks read from the database: the events recorded for the child and the meetings
 * about them already held, handed to the domain's arithmetic (src/lib/domain/child-clocks.ts).
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { childEvents, childPlans, meetingChildren, meetings } from '../db/schema';
import { calendarDateOf } from '../../domain/calendar-date';
import {
	earliestDue,
	isDueMeetingKind,
	nextDueMeetings,
	type ClockEvent,
	type DueMeetingKind
} from '../../domain/child-clocks';
import type { MeetingKind } from '../../domain/vocabulary';
import type { CalendarDate } from '../../domain/calendar-date';

/**
 * The events recorded for each child, oldest first: those in `child_events` and the starts and
 * ends of their plans, read from the plan register (`child_plans`, the one record of a plan).
 */
export async function eventsOf(db: Database, childIds: readonly string[]) {
	const byChild = new Map<string, (ClockEvent & { id: string })[]>();
	if (childIds.length === 0) return byChild;
	const rows = await db
		.select({
			id: childEvents.id,
			childId: childEvents.childId,
			kind: childEvents.kind,
			date: childEvents.date
		})
		.from(childEvents)
		.where(inArray(childEvents.childId, [...childIds]))
		.orderBy(asc(childEvents.date), asc(childEvents.recordedAt));
	const plans = await db
		.select()
		.from(childPlans)
		.where(inArray(childPlans.childId, [...childIds]));
	const add = (childId: string, event: ClockEvent & { id: string }) => {
		const list = byChild.get(childId) ?? [];
		list.push(event);
		byChild.set(childId, list);
	};
	// Plan rows left in child_events by an older version are the register's now (migration 0022).
	for (const row of rows)
		if (row.kind !== 'plan-started' && row.kind !== 'plan-ended')
			add(row.childId, { id: row.id, kind: row.kind, date: row.date });
	for (const plan of plans) {
		add(plan.childId, { id: plan.id, kind: 'plan-started', date: plan.startedOn });
		if (plan.endedOn) add(plan.childId, { id: plan.id, kind: 'plan-ended', date: plan.endedOn });
	}
	for (const list of byChild.values()) list.sort((a, b) => a.date.localeCompare(b.date));
	return byChild;
}

/** The next due meeting of each kind for each child, from their events and the meetings held. */
export async function dueMeetingsOf(db: Database, childIds: readonly string[]) {
	const events = await eventsOf(db, childIds);
	const held =
		childIds.length === 0
			? []
			: await db
					.select({
						childId: meetingChildren.childId,
						kind: meetings.kind,
						scheduledAt: meetings.scheduledAt
					})
					.from(meetingChildren)
					.innerJoin(meetings, eq(meetings.id, meetingChildren.meetingId))
					.where(
						and(inArray(meetingChildren.childId, [...childIds]), eq(meetings.status, 'ended'))
					);
	const due = new Map<string, Partial<Record<DueMeetingKind, CalendarDate>>>();
	for (const childId of childIds) {
		due.set(
			childId,
			nextDueMeetings({
				events: events.get(childId) ?? [],
				held: held
					.filter((m) => m.childId === childId)
					.map((m) => ({ kind: m.kind, date: calendarDateOf(m.scheduledAt) }))
			})
		);
	}
	return { events, due };
}

/**
 * When a meeting of this kind about these children is due: the earliest of the children's due
 * dates for it, or null when no clock is running for that kind.
 */
export async function dueByForMeeting(props: {
	db: Database;
	kind: MeetingKind;
	childIds: readonly string[];
}): Promise<{ kind: DueMeetingKind; dueBy: CalendarDate } | null> {
	const { kind } = props;
	if (!isDueMeetingKind(kind)) return null;
	const { due } = await dueMeetingsOf(props.db, props.childIds);
	const dueBy = earliestDue(props.childIds.map((id) => due.get(id)?.[kind]));
	return dueBy ? { kind, dueBy } : null;
}
