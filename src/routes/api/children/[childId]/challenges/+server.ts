import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { audit } from '$lib/server/audit';
import { requireApiUser } from '$lib/server/guards';
import { challengesForChild } from '$lib/server/oversight/challenges';
import type { RequestHandler } from './$types';

/** A child's challenges with their history, newest first; 404 for parents and anyone who may not see the child. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const db = await database();
	const found = await challengesForChild({ db, user, childId: params.childId });
	if (!found) error(404, 'No child with that id that you may see.');
	await audit({
		db,
		userId: user.id,
		action: 'read',
		targetType: 'child',
		targetId: params.childId,
		detail: { via: 'api', what: 'challenges' }
	});
	return json(
		{
			mayRaise: found.mayRaise,
			challenges: found.challenges.map((c) => ({
				id: c.id,
				stage: c.stage,
				about: c.about,
				toAgency: c.toAgency,
				toPerson: c.toPerson,
				why: c.why,
				outcome: c.outcome,
				meetingId: c.meetingId,
				raisedAt: c.raisedAt,
				mayMove: c.mayMove,
				history: c.history
			}))
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
};
