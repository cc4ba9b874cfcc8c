/**
 * A plan's versions (issue 26): End meeting writes version 1 when a conference starts a plan,
 * and the next version when a core group (or a review that continues the plan) changed its
 * outcomes or actions, with what changed and who agreed (those present, or everyone invited when
 * no register was taken). The collaboration server opens a core group from the latest.
 * Runs in SvelteKit and under plain Node (the collaboration server), so imports are relative.
 */
import { desc, eq, inArray } from 'drizzle-orm';
import type * as Y from 'yjs';
import type { Database } from './db';
import { meetingChildren, meetingParticipants, meetings, planVersions } from './db/schema';
import { storableJson } from './db/storable';
import { readRecord } from '../collab/record-shape';
import type { CalendarDate } from '../domain/calendar-date';
import { calendarDateOf } from '../domain/calendar-date';
import { planChanges, planContentFor, type PlanContent } from '../domain/plan-versions';
import { plansRunningOn, type PlanChange } from './plan-events';

/** The latest version of a plan, if it has one. */
export async function latestVersion(db: Database, planId: string) {
	const [row] = await db
		.select()
		.from(planVersions)
		.where(eq(planVersions.planId, planId))
		.orderBy(desc(planVersions.version))
		.limit(1);
	return row ?? null;
}

/** Every version of some plans, newest first (the child's file and page). */
export async function versionsOf(db: Database, planIds: readonly string[]) {
	if (planIds.length === 0) return [];
	return db
		.select()
		.from(planVersions)
		.where(inArray(planVersions.planId, [...planIds]))
		.orderBy(desc(planVersions.version));
}

async function agreedBy(db: Database, meetingId: string): Promise<string[]> {
	const people = await db
		.select({ name: meetingParticipants.name, attendance: meetingParticipants.attendance })
		.from(meetingParticipants)
		.where(eq(meetingParticipants.meetingId, meetingId));
	const present = people.filter((p) => p.attendance === 'present');
	return (present.length ? present : people.filter((p) => p.attendance === 'invited'))
		.map((p) => p.name)
		.filter((n): n is string => !!n)
		.sort();
}

/**
 * Writes the versions a meeting makes, as it ends: version 1 for each plan it started, the next
 * for each running plan whose outcomes or actions its record changed. A retried End writes
 * nothing more (a version from this meeting is already there, or nothing differs).
 */
export async function recordPlanVersions(props: {
	db: Database;
	meetingId: string;
	day: CalendarDate;
	childIds: readonly string[];
	main: Y.Doc;
	started: readonly PlanChange[];
}): Promise<{ planId: string; version: number }[]> {
	const { db, meetingId, main } = props;
	const { plan } = readRecord(main, []);
	const running = await plansRunningOn(db, props.childIds, props.day);
	const written: { planId: string; version: number }[] = [];
	const who = await agreedBy(db, meetingId);
	for (const [childId, planId] of running) {
		const content = planContentFor(plan, childId);
		const last = await latestVersion(db, planId);
		if (last?.meetingId === meetingId) continue;
		const startedHere = props.started.some((s) => s.planId === planId);
		if (!last && !startedHere && content.outcomes.length === 0) continue;
		const changes = last
			? planChanges(last.content, content)
			: ['The plan as the conference agreed it.'];
		if (last && changes.length === 0) continue;
		const version = (last?.version ?? 0) + 1;
		await db
			.insert(planVersions)
			// What the record holds, less what the database cannot store (a NUL character).
			.values(storableJson({ planId, version, meetingId, content, changes, agreedBy: who }))
			.onConflictDoNothing();
		written.push({ planId, version });
	}
	return written;
}

/**
 * The plan a core group opens with: the latest version of the plan its children are subject to
 * on its day (the first child's that has one); null for any other meeting, or no plan.
 */
export async function currentPlanForMeeting(
	db: Database,
	meetingId: string
): Promise<PlanContent | null> {
	const [meeting] = await db
		.select({ kind: meetings.kind, scheduledAt: meetings.scheduledAt })
		.from(meetings)
		.where(eq(meetings.id, meetingId));
	if (!meeting || meeting.kind !== 'core-group') return null;
	const kids = await db
		.select({ childId: meetingChildren.childId })
		.from(meetingChildren)
		.where(eq(meetingChildren.meetingId, meetingId));
	const running = await plansRunningOn(
		db,
		kids.map((k) => k.childId),
		calendarDateOf(meeting.scheduledAt)
	);
	const outcomes: PlanContent['outcomes'] = [];
	const actions: PlanContent['actions'] = [];
	for (const planId of new Set(running.values())) {
		const last = await latestVersion(db, planId);
		if (!last) continue;
		outcomes.push(...last.content.outcomes);
		actions.push(...last.content.actions);
	}
	return outcomes.length ? { outcomes, actions } : null;
}
