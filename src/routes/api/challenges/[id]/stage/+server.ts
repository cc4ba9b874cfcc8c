import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { moveChallenge } from '$lib/server/oversight/challenges';
import type { RequestHandler } from './$types';

/** Moves a challenge to a later stage: { stage, note, outcome? } (outcome when resolved) → { id, stage }. */
export const POST: RequestHandler = async ({ locals, params, request }) => {
	const user = requireApiUser(locals);
	const input = await request.json().catch(() => null);
	const moved = await moveChallenge({ db: await database(), user, challengeId: params.id, input });
	if (!moved) error(404, 'No challenge with that id that you may change.');
	if ('errors' in moved) return json({ errors: moved.errors }, { status: 400 });
	return json(moved);
};
