import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { requestReport } from '$lib/server/foster-carers/commands/request-report';
import { commandJson, jsonObject, notFound } from '$lib/server/http/json';
import { todayIn } from '$lib/domain/calendar-date';
import type { RequestHandler } from './$types';

/**
 * Asks for one report of a foster carer review (issue 25): `{ dueBy, askedOfName?, askedOfEmail? }`
 * → 200 `{ reports }` in order. The supervising social worker's report before every child's social
 * worker's report is in: 409 naming the children whose reports are missing (`missing`). 404 for
 * anyone who may not work the review (`mayWorkFosterCarers`).
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const body = await jsonObject(request);
	try {
		const reports = await requestReport({
			db: await database(),
			user,
			meetingId: params.id,
			reportId: params.reportId,
			input: body ?? {},
			today: todayIn()
		});
		if (!reports) return notFound();
		return json({ reports });
	} catch (problem) {
		return commandJson(problem);
	}
};
