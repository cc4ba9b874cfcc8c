/**
 * The unit's foster carer reviews in a period, as the oversight figures and the quarterly report
 * count them (issue 25): reviews held and how many face to face, recommendations to the fostering
 * panel, and the reports asked — how many came late or are late still, and how many were chased.
 */
import { and, eq, gte, lt, ne } from 'drizzle-orm';
import type { Database } from '../db';
import { fosterCarers, fosterReviewReports, fosterReviews, meetings } from '../db/schema';
import {
	addDays,
	calendarDateOf,
	compareDates,
	type CalendarDate
} from '../../domain/calendar-date';
import type { FosterReviewFigures } from '../../domain/foster-carer-review';

export async function fosterReviewFigures(props: {
	db: Database;
	unitId: string;
	from: CalendarDate;
	to: CalendarDate;
	asOf: CalendarDate;
	/** The instants the period runs between (London days). */
	start: Date;
	end: Date;
}): Promise<FosterReviewFigures> {
	const { db, unitId, start, end, asOf } = props;
	const reviews = await db
		.select({
			scheduledAt: meetings.scheduledAt,
			faceToFace: fosterReviews.faceToFace,
			recommendedAt: fosterReviews.recommendedAt
		})
		.from(fosterReviews)
		.innerJoin(meetings, eq(meetings.id, fosterReviews.meetingId))
		.innerJoin(fosterCarers, eq(fosterCarers.id, fosterReviews.carerId))
		.where(and(eq(fosterCarers.unitId, unitId), ne(meetings.status, 'cancelled')));
	const within = (at: Date | null) =>
		at !== null && at.getTime() >= start.getTime() && at.getTime() < end.getTime();
	const held = reviews.filter(
		(r) => within(r.scheduledAt) && compareDates(calendarDateOf(r.scheduledAt), asOf) <= 0
	);
	const reports = await db
		.select({
			dueBy: fosterReviewReports.dueBy,
			receivedAt: fosterReviewReports.receivedAt,
			chaseCount: fosterReviewReports.chaseCount
		})
		.from(fosterReviewReports)
		.innerJoin(fosterReviews, eq(fosterReviews.meetingId, fosterReviewReports.meetingId))
		.innerJoin(fosterCarers, eq(fosterCarers.id, fosterReviews.carerId))
		.where(
			and(
				eq(fosterCarers.unitId, unitId),
				gte(fosterReviewReports.requestedAt, start),
				lt(fosterReviewReports.requestedAt, end)
			)
		);
	const late = (r: (typeof reports)[number]) =>
		r.dueBy !== null &&
		compareDates(r.receivedAt ? calendarDateOf(r.receivedAt) : addDays(asOf, 0), r.dueBy) > 0;
	return {
		held: held.length,
		faceToFace: held.filter((r) => r.faceToFace).length,
		recommended: reviews.filter((r) => within(r.recommendedAt)).length,
		asked: reports.length,
		late: reports.filter(late).length,
		chased: reports.filter((r) => r.chaseCount > 0).length
	};
}
