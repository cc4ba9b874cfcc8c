/**
 * Foster carers and their annual reviews (issue 25), what the commands and pages share: reading a
 * body's fields into what to fix, finding a carer or a review as the policy lets the viewer see
 * it (another unit's, or anyone the policy refuses, gets null: a 404, never a hint it exists),
 * and a review's reports in the order they are asked, each with its state.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import type { SessionUser } from '../auth/session';
import {
	children,
	fosterCarers,
	fosterPlacements,
	fosterReviewReports,
	fosterReviews,
	meetings,
	type FosterCarer
} from '../db/schema';
import { badInput } from '../command-error';
import { mayWorkFosterCarers } from '../../policy';
import { isCalendarDate, typedDateProblem, type CalendarDate } from '../../domain/calendar-date';
import { tooLong, type TextLimit } from '../../domain/text-limits';
import { inReportOrder, mayChase, mayRequest, reportState } from '../../domain/foster-carer-review';

/** A JSON body's fields, or none when it is not an object. */
export const fieldsOf = (input: unknown): Record<string, unknown> =>
	input !== null && typeof input === 'object' && !Array.isArray(input)
		? (input as Record<string, unknown>)
		: {};

/** Words a person typed: trimmed, required, within the limit; else bad input naming the field. */
export function words(value: unknown, field: string, what: string, limit: TextLimit): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text) throw badInput(field, `Enter ${what}.`);
	const long = tooLong(text, limit, what);
	if (long) throw badInput(field, long);
	return text;
}

/** An email address, or bad input naming the field. */
export function emailAddress(value: unknown, field: string, whose: string): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!z.email().safeParse(text).success || text.length > 254)
		throw badInput(field, `Enter ${whose} email address, like name@example.org.`);
	return text.toLowerCase();
}

/** A calendar date (YYYY-MM-DD), or bad input naming the field. */
export function calendarDate(value: unknown, field: string, what: string): CalendarDate {
	const problem =
		typeof value === 'string' ? typedDateProblem(value) : 'Enter the date, for example 2026-12-07.';
	if (problem || !isCalendarDate(value))
		throw badInput(field, `${what}: ${problem ?? 'not a date'}`);
	return value;
}

/** A carer the viewer may work, or null (another unit's, not theirs to see, or none such). */
export async function workableCarer(
	db: Database,
	user: SessionUser,
	id: string
): Promise<FosterCarer | null> {
	if (!mayWorkFosterCarers(user)) return null;
	const [carer] = await db.select().from(fosterCarers).where(eq(fosterCarers.id, id));
	if (!carer || !mayWorkFosterCarers(user, carer.unitId)) return null;
	return carer;
}

/** The children placed with a carer, in the order recorded, with their names. */
export async function placedChildren(db: Database, carerId: string) {
	return db
		.select({
			childId: fosterPlacements.childId,
			name: children.name,
			socialWorkerName: fosterPlacements.socialWorkerName,
			socialWorkerEmail: fosterPlacements.socialWorkerEmail
		})
		.from(fosterPlacements)
		.innerJoin(children, eq(children.id, fosterPlacements.childId))
		.where(eq(fosterPlacements.carerId, carerId))
		.orderBy(asc(fosterPlacements.position));
}

/** A review the viewer may work: its meeting and carer; null otherwise (a 404). */
export async function workableReview(db: Database, user: SessionUser, meetingId: string) {
	if (!mayWorkFosterCarers(user)) return null;
	const [row] = await db
		.select({
			review: fosterReviews,
			carer: fosterCarers,
			scheduledAt: meetings.scheduledAt,
			status: meetings.status
		})
		.from(fosterReviews)
		.innerJoin(fosterCarers, eq(fosterCarers.id, fosterReviews.carerId))
		.innerJoin(meetings, eq(meetings.id, fosterReviews.meetingId))
		.where(eq(fosterReviews.meetingId, meetingId));
	if (!row || !mayWorkFosterCarers(user, row.carer.unitId)) return null;
	return row;
}

/**
 * A review's reports in the order they are asked, each with its state on `today`, whether it may
 * be requested now and whether it may be chased; the child's name where it is about a child.
 */
export async function reviewReports(db: Database, meetingId: string, today: CalendarDate) {
	const rows = await db
		.select({ report: fosterReviewReports, childName: children.name })
		.from(fosterReviewReports)
		.leftJoin(children, eq(children.id, fosterReviewReports.childId))
		.where(eq(fosterReviewReports.meetingId, meetingId));
	const [review] = await db
		.select({ carerId: fosterReviews.carerId })
		.from(fosterReviews)
		.where(eq(fosterReviews.meetingId, meetingId));
	const order = review ? (await placedChildren(db, review.carerId)).map((c) => c.childId) : [];
	const all = rows.map((r) => r.report);
	return inReportOrder(
		rows.map(({ report, childName }) => ({ ...report, childName })),
		order
	).map((report) => ({
		id: report.id,
		kind: report.kind,
		childId: report.childId,
		childName: report.childName,
		state: reportState(report, today),
		mayRequest: mayRequest(report, all),
		mayChase: mayChase(report, today),
		requestedAt: report.requestedAt?.toISOString() ?? null,
		dueBy: report.dueBy,
		askedOfName: report.askedOfName,
		askedOfEmail: report.askedOfEmail,
		receivedAt: report.receivedAt?.toISOString() ?? null,
		text: report.text,
		byPost: report.byPost,
		chaseCount: report.chaseCount,
		lastChasedAt: report.lastChasedAt?.toISOString() ?? null
	}));
}

/** The reviews of these carers, newest first. */
export async function reviewsOf(db: Database, carerIds: string[]) {
	if (carerIds.length === 0) return [];
	return db
		.select({
			meetingId: fosterReviews.meetingId,
			carerId: fosterReviews.carerId,
			faceToFace: fosterReviews.faceToFace,
			recommendation: fosterReviews.recommendation,
			scheduledAt: meetings.scheduledAt,
			status: meetings.status
		})
		.from(fosterReviews)
		.innerJoin(meetings, eq(meetings.id, fosterReviews.meetingId))
		.where(and(inArray(fosterReviews.carerId, carerIds)))
		.orderBy(asc(meetings.scheduledAt));
}
