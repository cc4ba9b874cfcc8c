import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { recordReturnInterview } from '$lib/server/missing/commands/record-return-interview';
import { commandJson, jsonObject, notFound } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/**
 * The return interview of a missing-from-home episode (issue 25): `{ doneAt, by }` → 200, the
 * episode, now closed. 400 naming the field; 409 before the young person is found or once
 * recorded; anyone who may not work the episode 404.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const body = await jsonObject(request);
	try {
		const episode = await recordReturnInterview({
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
