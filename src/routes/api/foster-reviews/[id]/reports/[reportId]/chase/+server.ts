import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { chaseReport } from '$lib/server/foster-carers/commands/chase-report';
import { commandJson, notFound } from '$lib/server/http/json';
import { todayIn } from '$lib/domain/calendar-date';
import type { RequestHandler } from './$types';

/**
 * Chases a late report of a foster carer review (issue 25): a chaser through the outbox, the
 * chase recorded → 200 `{ reports }` in order; 409 when the report is not late; 404 for anyone
 * who may not work the review.
 */
export const POST: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	try {
		const reports = await chaseReport({
			db: await database(),
			user,
			meetingId: params.id,
			reportId: params.reportId,
			today: todayIn()
		});
		if (!reports) return notFound();
		return json({ reports });
	} catch (problem) {
		return commandJson(problem);
	}
};
