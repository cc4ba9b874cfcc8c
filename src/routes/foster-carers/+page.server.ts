import { error, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { unitCarers } from '$lib/server/foster-carers/list';
import { maySearchChildren } from '$lib/policy';
import { todayIn } from '$lib/domain/calendar-date';
import type { PageServerLoad } from './$types';

/**
 * Foster carers (issue 25): the unit's carers with their next review due, the three-yearly
 * face-to-face review flagged, carers with late reports first; and the form to record a carer.
 * The unit's chairs, business support and managers (`mayWorkFosterCarers`); anyone else 404.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const today = todayIn();
	const carers = await unitCarers({ db: await database(), user: locals.user, today });
	if (!carers) error(404, 'Not found');
	return {
		carers,
		today,
		// The form finds the children placed with the scheduler's search (chairs, business support).
		searchesChildren: maySearchChildren(locals.user)
	};
};
