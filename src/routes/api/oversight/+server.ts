import { error, json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { requireApiUser } from '$lib/server/guards';
import { oversightForViewer } from '$lib/server/oversight/view';
import { periodFromQuery } from '$lib/server/oversight/period';
import { mayReadOversight } from '$lib/policy';
import { calendarDateOf } from '$lib/domain/calendar-date';
import type { RequestHandler } from './$types';

/** The unit's figures over ?from=YYYY-MM-DD&to=YYYY-MM-DD (managers and chairs of the unit; anyone else 404). */
export const GET: RequestHandler = async ({ locals, url }) => {
	const user = requireApiUser(locals);
	if (!mayReadOversight({ id: user.id, role: user.role, unitId: user.unitId })) {
		error(404, 'Not found');
	}
	const asked = periodFromQuery(url.searchParams, calendarDateOf(new Date()));
	if ('errors' in asked) return json({ errors: asked.errors }, { status: 400 });
	const db = await database();
	const figures = await oversightForViewer({ db, user, ...asked.period });
	if (!figures) error(404, 'Not found');
	return json(figures, { headers: { 'cache-control': 'no-store' } });
};
