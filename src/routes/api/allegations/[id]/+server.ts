import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { readAllegation } from '$lib/server/allegations/allegations';
import { notFound } from '$lib/server/http/json';
import type { RequestHandler } from './$types';

/**
 * One allegation against an adult (issue 25): the adult, the children concerned, what is alleged,
 * when and from whom, the consideration's due date, and the outcome once recorded. Those who work
 * the unit's cases (chairs, business support, managers); anyone else, or another unit's, 404.
 */
export const GET: RequestHandler = async ({ locals, params }) => {
	const user = requireApiUser(locals);
	const allegation = await readAllegation({ db: await database(), user, id: params.id });
	if (!allegation) return notFound();
	return json(allegation, { headers: { 'cache-control': 'no-store' } });
};
