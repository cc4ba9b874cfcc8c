import { error, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { openEpisodes } from '$lib/server/missing/open-episodes';
import { canScheduleMeetings, maySearchChildren } from '$lib/policy';
import { todayIn } from '$lib/domain/calendar-date';
import { meetingsOfEpisodes } from '$lib/server/linked-meetings/links';
import { unitChairs } from '$lib/server/families/queries';
import type { PageServerLoad } from './$types';

/**
 * Missing-from-home episodes (issue 25): the unit's open episodes with their clocks, escalations
 * due first, and the forms for each step. The unit's chairs, business support and managers
 * (`mayWorkMissingEpisodes`); anyone else 404.
 */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const db = await database();
	const user = locals.user;
	const episodes = await openEpisodes({ db, user });
	if (!episodes) error(404, 'Not found');
	const meetings = await meetingsOfEpisodes(
		db,
		episodes.map((e) => e.id)
	);
	return {
		episodes,
		// Each episode's missing from home meetings, and the chairs to schedule one (issue 25).
		meetings: Object.fromEntries(
			[...meetings].map(([id, list]) => [
				id,
				list.map((m) => ({ ...m, scheduledAt: m.scheduledAt.toISOString() }))
			])
		),
		chairs: canScheduleMeetings(user) && user.unitId ? await unitChairs(db, user.unitId) : null,
		today: todayIn(),
		// The form finds the child with the scheduler's search (chairs, business support).
		searchesChildren: maySearchChildren(user)
	};
};
