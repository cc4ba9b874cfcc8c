import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { openEpisodes } from '$lib/server/missing/open-episodes';
import { badRequest, notFound } from '$lib/server/http/json';
import { mayWorkMissingEpisodes } from '$lib/policy';
import type { RequestHandler } from './$types';

/**
 * The unit's open missing-from-home episodes (issue 25), `?open=1`: young people still missing
 * and those whose return interview is still to do, with their clocks, escalations due first.
 * The unit's chairs, business support and managers; anyone else 404.
 */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireApiUser(locals);
	if (!mayWorkMissingEpisodes(user)) return notFound();
	if (url.searchParams.get('open') !== '1')
		return badRequest({ open: 'Ask for the open episodes: ?open=1.' });
	const episodes = await openEpisodes({ db: await database(), user });
	if (!episodes) return notFound();
	return json({ episodes }, { headers: { 'cache-control': 'no-store' } });
};
