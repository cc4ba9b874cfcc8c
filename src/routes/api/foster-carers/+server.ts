import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { recordCarer } from '$lib/server/foster-carers/commands/record-carer';
import { commandJson, jsonObject, notFound } from '$lib/server/http/json';
import { todayIn } from '$lib/domain/calendar-date';
import type { RequestHandler } from './$types';

/**
 * Records a foster carer (issue 25): `{ names, approvedOn, supervisingSocialWorkerName,
 * supervisingSocialWorkerEmail, lastReviewOn?, lastFaceToFaceOn?, children?: [{ childId,
 * socialWorkerName, socialWorkerEmail }] }` → 201 `{ id }`. The children are the unit's own. The
 * unit's chairs, business support and managers (`mayWorkFosterCarers`); anyone else 404.
 */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = requireApiUser(locals);
	const body = await jsonObject(request);
	try {
		const carer = await recordCarer({
			db: await database(),
			user,
			input: body ?? {},
			today: todayIn()
		});
		if (!carer) return notFound();
		return json(carer, { status: 201 });
	} catch (problem) {
		return commandJson(problem);
	}
};
