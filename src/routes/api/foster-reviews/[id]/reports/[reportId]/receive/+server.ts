import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { receiveReport } from '$lib/server/foster-carers/commands/receive-report';
import { commandJson, jsonObject, notFound } from '$lib/server/http/json';
import { todayIn } from '$lib/domain/calendar-date';
import type { RequestHandler } from './$types';

/**
 * Records a report of a foster carer review received (issue 25): `{ text }` or `{ byPost: true }`
 * → 200 `{ reports }` in order; 409 when it is in already; 404 for anyone who may not work it.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const body = await jsonObject(request);
	try {
		const reports = await receiveReport({
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
