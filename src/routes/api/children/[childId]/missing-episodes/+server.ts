import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { recordEpisode } from '$lib/server/missing/commands/record-episode';
import { commandJson, jsonObject, notFound } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/**
 * Records a missing-from-home episode for the child (issue 25): `{ wentMissingAt, reportedBy,
 * agreedHours, escalateTo }` → 201, the episode with its clocks. The unit's chairs, business
 * support and managers and the child's reviewing officer; 400 naming the field to fix; anyone
 * else 404.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const body = await jsonObject(request);
	try {
		const episode = await recordEpisode({
			db: await database(),
			user,
			childId: params.childId,
			input: body ?? {}
		});
		if (!episode) return notFound();
		return json(episode, { status: 201 });
	} catch (problem) {
		return commandJson(problem);
	}
};
