import { error, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { lateReportsForViewer } from '$lib/server/mail/report-requests';
import type { PageServerLoad } from './$types';

/** Every late report across the unit's meetings: business support and chairs (`mayReadLateReports`); anyone else 404. */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const reports = await lateReportsForViewer({ db: await database(), viewer: locals.user });
	if (!reports) error(404, 'Not found');
	return { reports };
};
