import { error, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { lateReportsToChase } from '$lib/server/meetings/late-reports';
import type { PageServerLoad } from './$types';

/** Every report late for the unit's meetings of the last 90 days or to come, with who to chase: business support and chairs (`mayReadLateReports`); anyone else 404. */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const reports = await lateReportsToChase({ db: await database(), viewer: locals.user });
	if (!reports) error(404, 'Not found');
	return { reports };
};
