import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { reviewReports, workableReview } from '$lib/server/foster-carers/carers';
import { notFound } from '$lib/server/http/json';
import { calendarDateOf, todayIn } from '$lib/domain/calendar-date';
import type { RequestHandler } from './$types';

/**
 * A foster carer review (issue 25): its carer, its day, whether it is the three-yearly
 * face-to-face review, the recommendation once recorded, and its reports in the order they are
 * asked, each with its state. The unit's chairs, business support and managers; anyone else 404.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const db = await database();
	const found = await workableReview(db, user, params.id);
	if (!found) return notFound();
	return json(
		{
			meetingId: found.review.meetingId,
			carerId: found.carer.id,
			on: calendarDateOf(found.scheduledAt),
			faceToFace: found.review.faceToFace,
			recommendation: found.review.recommendation,
			reports: await reviewReports(db, params.id, todayIn())
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
};
