/**
 * Records the reviewing officer's recommendation to the fostering panel after a foster carer
 * review (issue 25): what it recommends on the carer's approval and the reasons. Only on or after
 * the review's day (409 before), once (409 again). The carer's last review becomes the review's
 * day, and, for the three-yearly face-to-face review, their last face-to-face review too.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { fosterCarers, fosterReviews } from '../../db/schema';
import { audit } from '../../audit';
import { badInput, CommandError } from '../../command-error';
import { calendarDateOf, compareDates, type CalendarDate } from '../../../domain/calendar-date';
import { fosterRecommendations, type FosterRecommendation } from '../../../domain/vocabulary';
import { fosterRecommendationLabel } from '../../../domain/labels';
import { fieldsOf, words, workableReview } from '../carers';

/** The recommendation and its reasons, or bad input naming the field. */
export function readRecommendation(input: unknown): {
	recommendation: FosterRecommendation;
	reasons: string;
} {
	const body = fieldsOf(input);
	const value = body.recommendation;
	if (typeof value !== 'string' || !(fosterRecommendations as readonly string[]).includes(value))
		throw badInput(
			'recommendation',
			`Choose the recommendation: ${fosterRecommendations
				.map((r) => `${r} (${fosterRecommendationLabel[r].toLowerCase()})`)
				.join(', ')}.`
		);
	return {
		recommendation: value as FosterRecommendation,
		reasons: words(body.reasons, 'reasons', 'the reasons for the recommendation', 'account')
	};
}

/** 200's `{ recommendation, reasons }`; null: not the viewer's review (404). */
export async function recordRecommendation(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	input: unknown;
	today: CalendarDate;
	now?: Date;
}) {
	const { db, user, meetingId } = props;
	const review = await workableReview(db, user, meetingId);
	if (!review) return null;
	if (review.review.recommendation !== null)
		throw new CommandError(409, 'The recommendation is recorded already.', 'recommendation');
	const reviewOn = calendarDateOf(review.scheduledAt);
	if (compareDates(props.today, reviewOn) < 0 || review.status === 'cancelled')
		throw new CommandError(
			409,
			'Record the recommendation after the review has been held.',
			'recommendation'
		);
	const { recommendation, reasons } = readRecommendation(props.input);
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(fosterReviews)
			.set({
				recommendation,
				recommendationReasons: reasons,
				recommendedBy: user.id,
				recommendedAt: props.now ?? new Date()
			})
			.where(and(eq(fosterReviews.meetingId, meetingId), isNull(fosterReviews.recommendation)))
			.returning({ carerId: fosterReviews.carerId });
		if (!row)
			throw new CommandError(409, 'The recommendation is recorded already.', 'recommendation');
		await tx
			.update(fosterCarers)
			.set({
				lastReviewOn: reviewOn,
				...(review.review.faceToFace ? { lastFaceToFaceOn: reviewOn } : {})
			})
			.where(eq(fosterCarers.id, row.carerId));
		await audit({
			db: tx,
			userId: user.id,
			action: 'record fostering panel recommendation',
			targetType: 'meeting',
			targetId: meetingId,
			detail: { recommendation }
		});
	});
	return { recommendation, reasons };
}
