import { error, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { lastFullQuarter, quarterlyReport } from '$lib/server/oversight/quarterly';
import { mayReadOversight } from '$lib/policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	const user = locals.user;
	if (!mayReadOversight({ id: user.id, role: user.role, unitId: user.unitId })) {
		error(404, 'Not found');
	}
	const quarter = url.searchParams.get('quarter') ?? lastFullQuarter();
	// The files (the contract's `&format=pdf` and `&format=csv&table=`) are served next door.
	const format = url.searchParams.get('format');
	if (format === 'pdf' || format === 'csv') {
		const query = new URLSearchParams(url.searchParams);
		redirect(303, `/oversight/quarterly/download?${query}`);
	}
	const report = await quarterlyReport({ db: await database(), user, quarter });
	if (!report) error(404, 'No such quarter: ask for one like 2026-Q3.');
	return { report };
};
