import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { audit } from '$lib/server/audit';
import { requireApiUser } from '$lib/server/guards';
import { riskHistoryFor } from '$lib/server/risk/history';
import type { RequestHandler } from './$types';

/** A child's score history across the meetings the caller may see; 404 when they may not see the child. */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const db = await database();
	const found = await riskHistoryFor({ db, user, childId: params.childId });
	if (!found) error(404, 'No child with that id in a meeting you may see.');
	await audit({
		db,
		userId: user.id,
		action: 'read',
		targetType: 'child',
		targetId: params.childId,
		detail: { via: 'api', what: 'risk-history' }
	});
	return json(found.history, { headers: { 'cache-control': 'no-store' } });
};
