import { error, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { openEpisodes } from '$lib/server/missing/open-episodes';
import { maySearchChildren } from '$lib/policy';
import { todayIn } from '$lib/domain/calendar-date';
import type { PageServerLoad } from './$types';

/**
 * Missing-from-home episodes (issue 25): the unit's open episodes with their clocks, escalations
 * due first, and the forms for each step. The unit's chairs, business support and managers
 * (`mayWorkMissingEpisodes`); anyone else 404.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const episodes = await openEpisodes({ db: await database(), user: locals.user });
	if (!episodes) error(404, 'Not found');
	return {
		episodes,
		today: todayIn(),
		// The form finds the child with the scheduler's search (chairs, business support).
		searchesChildren: maySearchChildren(locals.user)
	};
};
