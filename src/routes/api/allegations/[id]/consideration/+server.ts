import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { recordConsideration } from '$lib/server/allegations/commands/record-consideration';
import { commandJson, jsonObject, notFound } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/**
 * The initial consideration of an allegation (issue 25): `{ thresholdMet: boolean, reasons,
 * decidedAt? }` → 200 `{ thresholdMet, at, late }` (late: decided after the working day it was
 * due by). 400 naming the field; 409 once recorded; anyone who does not work the unit's cases 404.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const body = await jsonObject(request);
	try {
		const recorded = await recordConsideration({
			db: await database(),
			user,
			id: params.id,
			input: body ?? {}
		});
		if (!recorded) return notFound();
		return json(recorded);
	} catch (problem) {
		return commandJson(problem);
	}
};
