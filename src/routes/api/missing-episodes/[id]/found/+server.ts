import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { recordFound } from '$lib/server/missing/commands/record-found';
import { commandJson, jsonObject, notFound } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/**
 * The young person of a missing-from-home episode is found (issue 25): `{ foundAt, where }` → 200,
 * the episode with the return interview now due (72 hours). 400 naming the field; 409 once
 * found; anyone who may not work the episode 404.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const body = await jsonObject(request);
	try {
		const episode = await recordFound({
			db: await database(),
			user,
			id: params.id,
			input: body ?? {}
		});
		if (!episode) return notFound();
		return json(episode);
	} catch (problem) {
		return commandJson(problem);
	}
};
