import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { escalateEpisode } from '$lib/server/missing/commands/escalate-episode';
import { commandJson, jsonObject, notFound } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/**
 * Escalates a missing-from-home episode (issue 25): `{ to, reason? }` (`to`: strategy-discussion
 * or conference) → 200, the episode with who escalated it, when and to what. Before the agreed
 * time runs out a reason is required (400 without one); 409 once found or escalated; anyone who
 * may not work the episode 404.
 */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const body = await jsonObject(request);
	try {
		const episode = await escalateEpisode({
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
