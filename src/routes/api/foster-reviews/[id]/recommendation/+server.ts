import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { recordRecommendation } from '$lib/server/foster-carers/commands/record-recommendation';
import { commandJson, jsonObject, notFound } from '$lib/server/http/json';
import { todayIn } from '$lib/domain/calendar-date';
import type { RequestHandler } from './$types';

/**
 * Records the reviewing officer's recommendation to the fostering panel (issue 25):
 * `{ recommendation, reasons }` → 200; 409 before the review is held or once recorded; 404 for
 * anyone who may not work the review.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const body = await jsonObject(request);
	try {
		const recorded = await recordRecommendation({
			db: await database(),
			user,
			meetingId: params.id,
			input: body ?? {},
			today: todayIn()
		});
		if (!recorded) return notFound();
		return json(recorded);
	} catch (problem) {
		return commandJson(problem);
	}
};
