/**
 * The plan between meetings (issue 13, the "tracker card"): each action of a meeting's plan is
 * written once when the meeting ends, with the account of the person the plan names as its
 * owner; the owner (or the chair) marks it done, in progress or stuck with a line of words; the
 * family reads it in plain words; the next meeting about the child opens with each state.
 * Runs in SvelteKit and under plain Node (the collaboration server), so imports are relative.
 */
import { and, desc, eq, inArray, lt, ne, or } from 'drizzle-orm';
import type * as Y from 'yjs';
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
import { audit } from './audit';
import { readRecord } from '../collab/record-shape';
import { meetingForViewer } from './meetings/queries';
import { mayReadActions, mayUpdateAction } from '../policy';
import { isCalendarDate } from '../domain/calendar-date';
import { storableText } from './db/storable';
import { actionStates, type ActionState } from '../domain/actions';
import { textLimits } from '../domain/text-limits';
import { CommandError } from './command-error';

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

function isActionState(value: unknown): value is ActionState {
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

/**
 * Writes the plan's actions of an ended meeting from its record, once: an action already
 * written (the same record id) is left as it is, so ending again or retrying changes nothing.
 */
export async function writePlanActions(props: {
	db: Database;
	meetingId: string;
	main: Y.Doc;
}): Promise<number> {
	const { db, meetingId } = props;
	const { plan } = readRecord(props.main, []);
	if (!plan.actions.length) return 0;
	const people = await db
		.select({ userId: meetingParticipants.userId, name: meetingParticipants.name })
		.from(meetingParticipants)
		.where(eq(meetingParticipants.meetingId, meetingId));
	const childOf = new Map(plan.outcomes.map((o) => [o.id, o.childId]));
	const kids = await db
		.select({ childId: meetingChildren.childId })
		.from(meetingChildren)
		.where(eq(meetingChildren.meetingId, meetingId));
	const known = new Set(kids.map((k) => k.childId));
	const rows = plan.actions
		.filter((a) => a.what.trim())
		.map((a) => {
			const childId = childOf.get(a.outcomeId) ?? null;
			return {
				meetingId,
				recordActionId: a.id,
				childId: childId && known.has(childId) ? childId : null,
				text: storableText(a.what.trim()),
				who: storableText(a.who.trim()),
				ownerId: ownerOf(a.who, people),
				dueBy: isCalendarDate(a.byWhen.trim()) ? a.byWhen.trim() : null,
				// An action carried from the meeting before keeps where it had got to.
				...(isActionState(a.state) ? { state: a.state, note: storableText(a.note ?? '') } : {})
			};
		});
	if (!rows.length) return 0;
	const written = await db
		.insert(planActions)
		.values(rows)
		.onConflictDoNothing()
		.returning({ id: planActions.id });
	return written.length;
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

/**
 * The owner or the meeting's chair marks an action's progress with a line of words. Anyone
 * else, or an id that is no action, is a 404; a state that is not one of the four, or a line
 * too long, a 400.
 */
export async function updateAction(props: {
	db: Database;
	user: SessionUser;
	actionId: string;
	state: unknown;
	note: unknown;
	now?: Date;
}): Promise<ActionView> {
	const { db, user } = props;
	const notFound = new CommandError(404, 'No action with that id that you may change.');
	if (!/^[0-9a-f-]{36}$/i.test(props.actionId)) throw notFound;
	const [found] = await db
		.select({ action: planActions, chairId: meetings.chairId })
		.from(planActions)
		.innerJoin(meetings, eq(meetings.id, planActions.meetingId))
		.where(eq(planActions.id, props.actionId));
	if (
		!found ||
		!mayUpdateAction({ viewer: user, ownerId: found.action.ownerId, meetingChairId: found.chairId })
	)
		throw notFound;
	if (!isActionState(props.state))
		throw new CommandError(400, 'Choose not started, in progress, done or stuck.', 'state');
	const note = props.note === undefined || props.note === null ? '' : props.note;
	if (typeof note !== 'string') throw new CommandError(400, 'Write the note as words.', 'note');
	const line = note.replace(/\s+/g, ' ').trim();
	if (line.length > textLimits.actionNote)
		throw new CommandError(
			400,
			`Keep the note to one line (${textLimits.actionNote} characters at most).`,
			'note'
		);
	const [row] = await db
		.update(planActions)
		.set({
			state: props.state,
			note: storableText(line),
			updatedBy: user.id,
			updatedAt: props.now ?? new Date()
		})
		.where(eq(planActions.id, props.actionId))
		.returning();
	await audit({
		db,
		userId: user.id,
		action: 'update-action',
		targetType: 'meeting',
		targetId: row.meetingId,
		detail: { actionId: row.id, state: row.state }
	});
	return actionView(row);
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
				lt(meetings.scheduledAt, meeting.scheduledAt)
			)
		)
		.orderBy(desc(meetings.scheduledAt))
		.limit(1);
	return row?.id ?? null;
}
