import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { raiseChallenge } from '$lib/server/oversight/challenges';
import type { RequestHandler } from './$types';

/** A chair raises a challenge about a child's case: { childId, meetingId?, about, toAgency, toPerson, why } → 201 { id }. */
export const POST: RequestHandler = async ({ locals, request }) => {
	const user = requireApiUser(locals);
	const input = await request.json().catch(() => null);
	const raised = await raiseChallenge({ db: await database(), user, input });
	if (!raised) error(404, 'No child with that id that you may raise a challenge about.');
	if ('errors' in raised) return json({ errors: raised.errors }, { status: 400 });
	return json({ id: raised.id }, { status: 201 });
};
