import { error, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { allegationList } from '$lib/server/allegations/list';
import { maySearchChildren } from '$lib/policy';
import { todayIn } from '$lib/domain/calendar-date';
import type { PageServerLoad } from './$types';

/**
 * The LADO's cases (issue 25): the unit's open allegations against adults who work with children,
 * those whose clocks have run out first, and the latest concluded. Those who work the unit's cases
 * (`mayWorkAllegations`); anyone else 404.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const list = await allegationList({ db: await database(), user: locals.user });
	if (!list) error(404, 'Not found');
	return {
		...list,
		today: todayIn(),
		// The form finds children with the child picker (maySearchChildren).
		searchesChildren: maySearchChildren(locals.user)
	};
};
