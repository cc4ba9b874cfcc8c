import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { setPlan } from '$lib/server/missing/commands/set-plan';
import { commandJson, jsonObject, notFound } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/**
 * The missing-from-home meeting's plan for an episode (issue 25): `{ agreedHours, escalateTo }` →
 * 200, the episode with its escalation clock worked out again. 400 naming the field; 409 once
 * the young person is found or the episode escalated; anyone who may not work the episode 404.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const body = await jsonObject(request);
	try {
		const episode = await setPlan({
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
