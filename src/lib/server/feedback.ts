/**
 * Feedback after every meeting (issue 27): each parent, child and professional on an ended
 * meeting's list answers once — signed in (the family view after End, `POST
 * /api/meetings/{id}/feedback`) or by a personal link in the circulation email
 * (`/feedback/{token}`). Who answered and what was said are stored apart
 * (schema/feedback.ts): the chair and the unit see answers only added up.
 */
import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Database } from './db';
import {
	children,
	feedbackGiven,
	feedbackLinks,
	meetingChildren,
	meetingFeedback,
	meetingParticipants,
	meetings,
	type Meeting
} from './db/schema';
import { audit } from './audit';
import { env } from './env';
import { generateSessionToken, sessionIdFromToken } from './auth/session';
import type { SessionUser } from './auth/session';
import { meetingForViewer } from './meetings/queries';
import {
	checkFeedback,
	feedbackQuestions,
	removeNames,
	respondentFor,
	type FeedbackQuestions
} from '../domain/feedback';
import { mayGiveFeedback } from '../policy';
import { calendarDateOf } from '../domain/calendar-date';
import { consultationBand } from '../domain/voices';
import type { FeedbackRespondent, MeetingRole } from '../domain/vocabulary';

/** How long a feedback link works. */
export const FEEDBACK_LINK_DAYS = 28;

export type FeedbackResult =
	| { status: 201 }
	| { status: 400; errors: Record<string, string> }
	| { status: 404 }
	| { status: 409; message: string };

/** A place on a meeting's list, as feedback needs it. */
interface Place {
	meeting: Meeting;
	participantId: string;
	role: MeetingRole;
	userId: string | null;
}

/** The child an account belongs to (a child's own account, issue 27), if any. */
async function childOfAccount(db: Database, userId: string | null) {
	if (!userId) return null;
	const [child] = await db.select().from(children).where(eq(children.accountId, userId));
	return child ?? null;
}

/** The questions for this place: a child's by their age on the meeting's day, and for a child in care, about their reviewing officer. */
async function questionsFor(db: Database, place: Place): Promise<FeedbackQuestions | null> {
	const respondent = respondentFor(place.role);
	if (!respondent) return null;
	if (respondent !== 'child') return feedbackQuestions({ respondent });
	const child = await childOfAccount(db, place.userId);
	return feedbackQuestions({
		respondent,
		ageBand: consultationBand(
			child?.dateOfBirth ?? null,
			calendarDateOf(place.meeting.scheduledAt)
		),
		inCare: child?.inCareSince != null
	});
}

/** Every name the meeting's record holds: its children's (and the names they like) and everyone on its list. */
async function namesInMeeting(db: Database, meetingId: string): Promise<string[]> {
	const kids = await db
		.select({ name: children.name, preferredName: children.preferredName })
		.from(meetingChildren)
		.innerJoin(children, eq(children.id, meetingChildren.childId))
		.where(eq(meetingChildren.meetingId, meetingId));
	const people = await db
		.select({ name: meetingParticipants.name })
		.from(meetingParticipants)
		.where(eq(meetingParticipants.meetingId, meetingId));
	return [
		...kids.flatMap((k) => (k.preferredName ? [k.name, k.preferredName] : [k.name])),
		...people.map((p) => p.name)
	];
}

async function answer(props: {
	db: Database;
	place: Place;
	input: unknown;
	auditUserId: string | null;
	now?: Date;
}): Promise<FeedbackResult> {
	const { db, place } = props;
	const respondent: FeedbackRespondent | null = respondentFor(place.role);
	if (!mayGiveFeedback({ role: place.role, participantId: place.participantId, status: 'ended' }))
		return { status: 404 };
	if (!respondent) return { status: 404 };
	if (place.meeting.status !== 'ended')
		return { status: 409, message: 'Feedback opens when the meeting has ended.' };
	const checked = checkFeedback(props.input);
	if (!checked.ok) return { status: 400, errors: checked.errors };
	const questions = await questionsFor(db, place);
	const names = await namesInMeeting(db, place.meeting.id);
	const given = await db.transaction(async (tx) => {
		const inserted = await tx
			.insert(feedbackGiven)
			.values({ meetingId: place.meeting.id, participantId: place.participantId })
			.onConflictDoNothing()
			.returning();
		if (!inserted.length) return false;
		await tx.insert(meetingFeedback).values({
			unitId: place.meeting.unitId,
			meetingId: place.meeting.id,
			kind: place.meeting.kind,
			chairId: place.meeting.chairId,
			respondent,
			listenedTo: checked.answer.listenedTo,
			knowWhatNext: checked.answer.knowWhatNext,
			better: removeNames(checked.answer.better, names),
			officerDifference: questions?.officerDifference
				? removeNames(checked.answer.officerDifference, names)
				: '',
			answeredOn: calendarDateOf(props.now ?? new Date())
		});
		return true;
	});
	if (!given) return { status: 409, message: 'You have answered this already: thank you.' };
	// That someone answered, never what (the answer is not theirs to trace).
	await audit({
		db,
		userId: props.auditUserId,
		action: 'feedback',
		targetType: 'meeting',
		targetId: place.meeting.id
	});
	return { status: 201 };
}

/** The signed-in person's feedback on a meeting: 404 unless they are on its list as a parent, child or professional. */
export async function giveFeedback(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	input: unknown;
	now?: Date;
}): Promise<FeedbackResult> {
	const found = await meetingForViewer(props);
	if (!found?.me) return { status: 404 };
	return answer({
		db: props.db,
		place: {
			meeting: found.meeting,
			participantId: found.me.id,
			role: found.me.role,
			userId: props.user.id
		},
		input: props.input,
		auditUserId: props.user.id,
		now: props.now
	});
}

/** What the meeting page offers the signed-in person: the questions, or that they answered. */
export async function feedbackAsk(props: {
	db: Database;
	meeting: Meeting;
	me: { id: string; role: MeetingRole } | null;
	userId: string;
}): Promise<{ questions: FeedbackQuestions; answered: boolean } | null> {
	const { db, meeting, me } = props;
	if (!me || meeting.status !== 'ended' || !respondentFor(me.role)) return null;
	const questions = await questionsFor(db, {
		meeting,
		participantId: me.id,
		role: me.role,
		userId: props.userId
	});
	if (!questions) return null;
	const [given] = await db
		.select()
		.from(feedbackGiven)
		.where(and(eq(feedbackGiven.meetingId, meeting.id), eq(feedbackGiven.participantId, me.id)));
	return { questions, answered: given !== undefined };
}

/** The public address of a feedback link. */
export function feedbackLinkUrl(token: string): string {
	const { ORIGIN, PORT } = env();
	return `${(ORIGIN ?? `http://localhost:${PORT}`).replace(/\/+$/, '')}/feedback/${encodeURIComponent(token)}`;
}

/**
 * The circulation email's line asking a professional on the meeting's list for their feedback,
 * with a personal link (its token's hash kept); '' for anyone else, or who answered already.
 */
export async function feedbackInvitationLine(props: {
	db: Database;
	meetingId: string;
	userId: string | null;
	email: string;
	now?: Date;
}): Promise<string> {
	const { db, meetingId } = props;
	const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
	if (!meeting || meeting.status !== 'ended') return '';
	const places = await db
		.select()
		.from(meetingParticipants)
		.where(eq(meetingParticipants.meetingId, meetingId));
	const place = places.find(
		(p) =>
			!p.mailbox &&
			((props.userId !== null && p.userId === props.userId) ||
				(p.email !== null && p.email.toLowerCase() === props.email.trim().toLowerCase()))
	);
	if (!place || respondentFor(place.role) !== 'professional') return '';
	const [given] = await db
		.select()
		.from(feedbackGiven)
		.where(and(eq(feedbackGiven.meetingId, meetingId), eq(feedbackGiven.participantId, place.id)));
	if (given) return '';
	const token = generateSessionToken();
	const now = props.now ?? new Date();
	await db.insert(feedbackLinks).values({
		id: sessionIdFromToken(token),
		meetingId,
		participantId: place.id,
		expiresAt: new Date(now.getTime() + FEEDBACK_LINK_DAYS * 86_400_000)
	});
	return (
		`\n\nThree questions about the meeting, under a minute, not shared with the chair by ` +
		`name: ${feedbackLinkUrl(token)}`
	);
}

/** The place a feedback link is for, if it is still good. */
async function placeOfLink(db: Database, token: string, now: Date): Promise<Place | null> {
	if (!/^[a-z2-7]{20,64}$/.test(token)) return null;
	const [row] = await db
		.select({ link: feedbackLinks, participant: meetingParticipants, meeting: meetings })
		.from(feedbackLinks)
		.innerJoin(meetingParticipants, eq(meetingParticipants.id, feedbackLinks.participantId))
		.innerJoin(meetings, eq(meetings.id, feedbackLinks.meetingId))
		.where(and(eq(feedbackLinks.id, sessionIdFromToken(token)), gt(feedbackLinks.expiresAt, now)));
	if (!row) return null;
	return {
		meeting: row.meeting,
		participantId: row.participant.id,
		role: row.participant.role,
		userId: row.participant.userId
	};
}

/** What a feedback link's page shows: the questions, or that it was answered; null for a link that is not good. */
export async function feedbackByLink(props: {
	db: Database;
	token: string;
	now?: Date;
}): Promise<{ questions: FeedbackQuestions; answered: boolean } | null> {
	const place = await placeOfLink(props.db, props.token, props.now ?? new Date());
	if (!place) return null;
	const questions = await questionsFor(props.db, place);
	if (!questions) return null;
	const given = await props.db
		.select()
		.from(feedbackGiven)
		.where(
			and(
				eq(feedbackGiven.meetingId, place.meeting.id),
				inArray(feedbackGiven.participantId, [place.participantId])
			)
		);
	return { questions, answered: given.length > 0 };
}

/** Feedback through a personal link (no sign-in): 404 for a link that is not good. */
export async function giveFeedbackByLink(props: {
	db: Database;
	token: string;
	input: unknown;
	now?: Date;
}): Promise<FeedbackResult> {
	const place = await placeOfLink(props.db, props.token, props.now ?? new Date());
	if (!place) return { status: 404 };
	return answer({
		db: props.db,
		place,
		input: props.input,
		auditUserId: place.userId,
		now: props.now
	});
}
