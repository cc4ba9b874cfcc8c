import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { recordEmployerAction } from '$lib/server/allegations/commands/record-employer-action';
import { commandJson, jsonObject, notFound } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/**
 * One of the employer's actions on an allegation (issue 25): `{ action: "suspension" |
 * "investigation" | "dismissal" | "barring-referral" | …, on: "YYYY-MM-DD", note }` → 201
 * `{ id, action, on }`. 400 naming the field; anyone who does not work the unit's cases 404.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const body = await jsonObject(request);
	try {
		const recorded = await recordEmployerAction({
			db: await database(),
			user,
			id: params.id,
			input: body ?? {}
		});
		if (!recorded) return notFound();
		return json(recorded, { status: 201 });
	} catch (problem) {
		return commandJson(problem);
	}
};
