/**
 * The unit's foster carers as the pages show them (issue 25): each with when the next review is
 * due, whether it is the three-yearly face-to-face one, the review in hand and its late reports;
 * carers with late reports first, then by the review falling due soonest. And one carer with the
 * children placed, the review in hand's reports in order and the reviews before.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import type { SessionUser } from '../auth/session';
import { fosterCarers } from '../db/schema';
import { mayWorkFosterCarers } from '../../policy';
import { calendarDateOf, compareDates, type CalendarDate } from '../../domain/calendar-date';
import { isFaceToFace, nextReviewDue } from '../../domain/foster-carer-review';
import { placedChildren, reviewReports, reviewsOf, workableCarer } from './carers';

type Review = Awaited<ReturnType<typeof reviewsOf>>[number];

/** The review in hand: the latest not cancelled whose recommendation is not yet recorded. */
const inHand = (reviews: readonly Review[]) =>
	reviews.filter((r) => r.recommendation === null && r.status !== 'cancelled').at(-1) ?? null;

/** The unit's carers in the order to work them; null when the viewer may not (a 404). */
export async function unitCarers(props: { db: Database; user: SessionUser; today: CalendarDate }) {
	const { db, user, today } = props;
	if (!mayWorkFosterCarers(user) || !user.unitId) return null;
	const carers = await db.select().from(fosterCarers).where(eq(fosterCarers.unitId, user.unitId));
	const reviews = await reviewsOf(
		db,
		carers.map((c) => c.id)
	);
	const rows = await Promise.all(
		carers.map(async (carer) => {
			const current = inHand(reviews.filter((r) => r.carerId === carer.id));
			const reports = current ? await reviewReports(db, current.meetingId, today) : [];
			const due = nextReviewDue(carer);
			return {
				id: carer.id,
				names: carer.names,
				nextReviewDue: due,
				overdue: current === null && compareDates(due, today) < 0,
				faceToFace: current ? current.faceToFace : isFaceToFace(carer, due),
				review: current
					? { meetingId: current.meetingId, on: calendarDateOf(current.scheduledAt) }
					: null,
				lateReports: reports.filter((r) => r.state === 'late').length
			};
		})
	);
	return rows.sort(
		(a, b) =>
			Number(b.lateReports > 0) - Number(a.lateReports > 0) ||
			compareDates(a.nextReviewDue, b.nextReviewDue) ||
			a.names.localeCompare(b.names)
	);
}

/** One carer's page: null when not the viewer's to see (a 404). */
export async function carerPage(props: {
	db: Database;
	user: SessionUser;
	id: string;
	today: CalendarDate;
}) {
	const { db, user, id, today } = props;
	const carer = await workableCarer(db, user, id);
	if (!carer) return null;
	const reviews = await reviewsOf(db, [carer.id]);
	const current = inHand(reviews);
	const due = nextReviewDue(carer);
	return {
		carer: {
			id: carer.id,
			names: carer.names,
			approvedOn: carer.approvedOn,
			supervisingSocialWorkerName: carer.supervisingSocialWorkerName,
			supervisingSocialWorkerEmail: carer.supervisingSocialWorkerEmail,
			lastReviewOn: carer.lastReviewOn,
			lastFaceToFaceOn: carer.lastFaceToFaceOn,
			nextReviewDue: due,
			faceToFaceNext: isFaceToFace(carer, due)
		},
		children: (await placedChildren(db, carer.id)).map(({ childId, name, socialWorkerName }) => ({
			childId,
			name,
			socialWorkerName
		})),
		review: current
			? {
					meetingId: current.meetingId,
					on: calendarDateOf(current.scheduledAt),
					held: compareDates(calendarDateOf(current.scheduledAt), today) <= 0,
					faceToFace: current.faceToFace,
					reports: await reviewReports(db, current.meetingId, today)
				}
			: null,
		past: reviews
			.filter((r) => r.recommendation !== null)
			.map((r) => ({
				meetingId: r.meetingId,
				on: calendarDateOf(r.scheduledAt),
				faceToFace: r.faceToFace,
				recommendation: r.recommendation!
			}))
			.reverse()
	};
}
