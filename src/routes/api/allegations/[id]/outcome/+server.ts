import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { recordOutcome } from '$lib/server/allegations/commands/record-outcome';
import { commandJson, jsonObject, notFound } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/**
 * How an allegation concluded (issue 25): `{ outcome: "substantiated" | "unsubstantiated" |
 * "false" | "malicious" | "unfounded", reason }` → 200 `{ outcome, at }`. "Unfounded" only for
 * cases received before April 2013; 400 naming the field; 409 once recorded; anyone who does not
 * work the unit's cases 404.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const db = await database();
	const body = await jsonObject(request);
	try {
		const recorded = await recordOutcome({ db, user, id: params.id, input: body ?? {} });
		if (!recorded) return notFound();
		return json(recorded);
	} catch (problem) {
		return commandJson(problem);
	}
};
