/**
 * The one write both ways of giving feedback share (signed in, or by a personal link): the
 * answer stored apart from who gave it, once per place, with the names in it taken out.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import {
	children,
	feedbackGiven,
	meetingChildren,
	meetingFeedback,
	meetingParticipants
} from '../db/schema';
import { audit } from '../audit';
import { checkFeedback, removeNames, respondentFor } from '../../domain/feedback';
import { mayGiveFeedback } from '../../policy';
import { calendarDateOf } from '../../domain/calendar-date';
import type { FeedbackRespondent } from '../../domain/vocabulary';
import { questionsFor, type FeedbackResult, type Place } from '../feedback';

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

/** Stores one place's answer (see the module's comment); 404, 409 or 400 as `FeedbackResult` says. */
export async function answer(props: {
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
