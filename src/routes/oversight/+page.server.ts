import { error, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { oversightForViewer } from '$lib/server/oversight/view';
import { periodFromQuery } from '$lib/server/oversight/period';
import { lastFullQuarter } from '$lib/server/oversight/quarterly';
import { oversightTables } from '$lib/oversight/tables';
import { mayReadOversight } from '$lib/policy';
import { calendarDateOf } from '$lib/domain/calendar-date';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
	const user = locals.user;
	if (!mayReadOversight({ id: user.id, role: user.role, unitId: user.unitId })) {
		error(404, 'Not found');
	}
	const today = calendarDateOf(new Date());
	const asked = periodFromQuery(url.searchParams, today);
	const fallback = periodFromQuery(new URLSearchParams(), today);
	const period = 'period' in asked ? asked.period : 'period' in fallback ? fallback.period : null;
	const figures = await oversightForViewer({ db: await database(), user, ...period! });
	if (!figures) error(404, 'Not found');
	return {
		period: period!,
		errors: 'errors' in asked ? asked.errors : {},
		tables: oversightTables(figures),
		quarter: lastFullQuarter(today)
	};
};
