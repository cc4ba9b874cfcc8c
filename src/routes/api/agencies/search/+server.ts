import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { searchAgencies } from '$lib/server/people/agencies';
import { notFound, searchQuery } from '$lib/server/http/json';
import { mayReadPeople } from '$lib/policy';
import type { RequestHandler } from './$types';

/**
 * The agency picker's search (issue 28): ?q= words of a name, a kind or a team address →
 * { agencies: [{ id, name, kindLabel, email }] }, at most 20, by name: the agencies the unit sees.
 * Those who may read the unit's agencies (`mayReadPeople`); anyone else 404.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireApiUser(locals);
	if (!mayReadPeople(user)) return notFound();
	const query = searchQuery(url, 'a name, a kind of agency or an email address');
	if (!query.ok) return query.response;
	const agencies = await searchAgencies({ db: await database(), viewer: user, q: query.q });
	if (!agencies) return notFound();
	return json({ agencies }, { headers: { 'cache-control': 'no-store' } });
};
