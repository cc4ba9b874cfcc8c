/**
 * The plan between meetings (issue 13, the "tracker card"): each action of a meeting's plan is
 * written once when the meeting ends, with the account of the person the plan names as its
 * owner; the owner (or the chair) marks it done, in progress or stuck with a line of words; the
 * family reads it in plain words; the next meeting about the child opens with each state.
 * Runs in SvelteKit and under plain Node (the collaboration server), so imports are relative.
 * This module reads; the commands that write actions are one a file in ./actions/commands/.
 */
import { and, desc, eq, inArray, lt, ne, or } from 'drizzle-orm';
import type { Database } from './db';
import {
	familyMembers,
	children,
	meetingChildren,
	meetingParticipants,
	meetings,
	planActions,
	type PlanActionRow
} from './db/schema';
import type { SessionUser } from './auth/session';
import { meetingForViewer } from './meetings/queries';
import { mayReadActions, mayUpdateAction } from '../policy';
import { mayFollowOn } from './linked-meetings/family-kinds';
import { actionStates, type ActionState } from '../domain/actions';

/** What the API answers for one action. */
export interface ActionView {
	id: string;
	meetingId: string;
	childId: string | null;
	text: string;
	/** The person as the plan names them ("Mum", "Sam, the health visitor"). */
	who: string;
	ownerId: string | null;
	dueBy: string | null;
	state: ActionState;
	note: string;
	updatedAt: string | null;
}

export function actionView(row: PlanActionRow): ActionView {
	return {
		id: row.id,
		meetingId: row.meetingId,
		childId: row.childId,
		text: row.text,
		who: row.who,
		ownerId: row.ownerId,
		dueBy: row.dueBy,
		state: row.state,
		note: row.note,
		updatedAt: row.updatedAt?.toISOString() ?? null
	};
}

export function isActionState(value: unknown): value is ActionState {
	return typeof value === 'string' && (actionStates as readonly string[]).includes(value);
}

/**
 * The participant the plan's "who" names, if any: their name exactly (any case), or the name
 * before an aside ("Sam Okafor, the social worker"), or a first name only one person on the
 * list has ("Dawn (Mum)").
 */
export function ownerOf(
	who: string,
	people: readonly { userId: string | null; name: string }[]
): string | null {
	const words = who.trim().toLowerCase();
	if (!words) return null;
	const named = people.filter((p) => p.userId);
	const head = words.split(',')[0].trim();
	const exact = named.find((p) => {
		const name = p.name.trim().toLowerCase();
		return name === words || name === head;
	});
	if (exact) return exact.userId;
	const firstWord = head.split(/[\s(]+/)[0];
	const first = named.filter((p) => p.name.trim().toLowerCase().split(/\s+/)[0] === firstWord);
	return first.length === 1 ? first[0].userId : null;
}

/** The raw actions of one meeting (the collaboration server's carry-over reads them). */
export async function actionsOfMeeting(db: Database, meetingId: string): Promise<PlanActionRow[]> {
	return db
		.select()
		.from(planActions)
		.where(eq(planActions.meetingId, meetingId))
		.orderBy(planActions.dueBy, planActions.createdAt);
}

/** Is the viewer (a parent) a member of the family of one of the meeting's children? */
async function ownFamilyOf(db: Database, user: SessionUser, meetingId: string): Promise<boolean> {
	if (user.role !== 'parent') return false;
	const rows = await db
		.select({ f: familyMembers.familyId })
		.from(meetingChildren)
		.innerJoin(children, eq(children.id, meetingChildren.childId))
		.innerJoin(familyMembers, eq(familyMembers.familyId, children.familyId))
		.where(and(eq(meetingChildren.meetingId, meetingId), eq(familyMembers.userId, user.id)))
		.limit(1);
	return rows.length > 0;
}

/** A meeting's actions for the viewer, or null when they may not read them (answer 404). */
export async function actionsForMeeting(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
}): Promise<(ActionView & { mayUpdate: boolean })[] | null> {
	const { db, user, meetingId } = props;
	const found = await meetingForViewer({ db, user, meetingId });
	if (!found) return null;
	const ownFamily = await ownFamilyOf(db, user, meetingId);
	if (!mayReadActions({ viewer: user, meeting: found.meeting, participant: found.me, ownFamily }))
		return null;
	return (await actionsOfMeeting(db, meetingId)).map((row) => ({
		...actionView(row),
		mayUpdate: mayUpdateAction({
			viewer: user,
			ownerId: row.ownerId,
			meetingChairId: found.meeting.chairId
		})
	}));
}

/** The viewer's own actions, and the late ones of meetings they chair or are a professional in. */
export async function actionsPage(props: {
	db: Database;
	user: SessionUser;
	today: string;
}): Promise<{
	mine: (ActionView & { meetingTitle: string })[];
	late: (ActionView & { meetingTitle: string })[];
}> {
	const { db, user, today } = props;
	const mine = await db
		.select({ action: planActions, title: meetings.title })
		.from(planActions)
		.innerJoin(meetings, eq(meetings.id, planActions.meetingId))
		.where(eq(planActions.ownerId, user.id))
		.orderBy(planActions.dueBy);
	const involved = db
		.select({ id: meetingParticipants.meetingId })
		.from(meetingParticipants)
		.where(
			and(
				eq(meetingParticipants.userId, user.id),
				inArray(meetingParticipants.role, ['chair', 'professional'])
			)
		);
	const late = await db
		.select({ action: planActions, title: meetings.title })
		.from(planActions)
		.innerJoin(meetings, eq(meetings.id, planActions.meetingId))
		.where(
			and(
				ne(planActions.state, 'done'),
				lt(planActions.dueBy, today),
				or(eq(meetings.chairId, user.id), inArray(meetings.id, involved))
			)
		)
		.orderBy(planActions.dueBy);
	const view = (r: { action: PlanActionRow; title: string }) => ({
		...actionView(r.action),
		meetingTitle: r.title
	});
	return { mine: mine.map(view), late: late.map(view) };
}

/**
 * The meeting the next one about the same children follows on from: the latest ended meeting
 * about any of them, scheduled before it, that left actions. Null when there is none.
 */
export async function previousMeetingWithActions(props: {
	db: Database;
	meetingId: string;
}): Promise<string | null> {
	const { db, meetingId } = props;
	const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
	if (!meeting) return null;
	const kids = db
		.select({ id: meetingChildren.childId })
		.from(meetingChildren)
		.where(eq(meetingChildren.meetingId, meetingId));
	const [row] = await db
		.selectDistinct({ id: meetings.id, at: meetings.scheduledAt })
		.from(meetings)
		.innerJoin(meetingChildren, eq(meetingChildren.meetingId, meetings.id))
		.innerJoin(planActions, eq(planActions.meetingId, meetings.id))
		.where(
			and(
				inArray(meetingChildren.childId, kids),
				eq(meetings.status, 'ended'),
				ne(meetings.id, meetingId),
				lt(meetings.scheduledAt, meeting.scheduledAt),
				mayFollowOn(meeting.kind)
			)
		)
		.orderBy(desc(meetings.scheduledAt))
		.limit(1);
	return row?.id ?? null;
}
