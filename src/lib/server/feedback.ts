/**
 * Feedback after every meeting (issue 27): each parent, child and professional on an ended
 * meeting's list answers once — signed in (the family view after End, `POST
 * /api/meetings/{id}/feedback`) or by a personal link in the circulation email
 * (`/feedback/{token}`). Who answered and what was said are stored apart
 * (schema/feedback.ts): the chair and the unit see answers only added up. This module reads
 * and asks; giving feedback, signed in or by link, is one command a file in ./feedback/commands/.
 */
import { and, eq, gt, inArray } from 'drizzle-orm';
import type { Database } from './db';
import {
	children,
	feedbackGiven,
	feedbackLinks,
	meetingParticipants,
	meetings,
	type Meeting
} from './db/schema';
import { env } from './env';
import { generateSessionToken, sessionIdFromToken } from './auth/session';
import { feedbackQuestions, respondentFor, type FeedbackQuestions } from '../domain/feedback';
import { calendarDateOf } from '../domain/calendar-date';
import { consultationBand } from '../domain/voices';
import type { MeetingRole } from '../domain/vocabulary';

/** How long a feedback link works. */
export const FEEDBACK_LINK_DAYS = 28;

export type FeedbackResult =
	| { status: 201 }
	| { status: 400; errors: Record<string, string> }
	| { status: 404 }
	| { status: 409; message: string };

/** A place on a meeting's list, as feedback needs it. */
export interface Place {
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
export async function questionsFor(db: Database, place: Place): Promise<FeedbackQuestions | null> {
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
export async function placeOfLink(db: Database, token: string, now: Date): Promise<Place | null> {
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
