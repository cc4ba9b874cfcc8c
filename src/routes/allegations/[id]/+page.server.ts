import { error, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { readAllegation, UNFOUNDED_UNTIL } from '$lib/server/allegations/allegations';
import { calendarDateOf, todayIn } from '$lib/domain/calendar-date';
import { meetingsOfAllegation } from '$lib/server/linked-meetings/links';
import { unitChairs } from '$lib/server/families/queries';
import { mayScheduleKind } from '$lib/policy';
import type { PageServerLoad } from './$types';

/**
 * One allegation's case (issue 25): the adult, the children, the referrer, the initial
 * consideration, the employer's actions, the placed-elsewhere clocks and the outcome, with the
 * forms to record each. Those who work the unit's cases; anyone else, or another unit's, 404.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const db = await database();
	const allegation = await readAllegation({
		db,
		user: locals.user,
		id: params.id
	});
	if (!allegation) error(404, 'Not found');
	const user = locals.user;
	return {
		allegation,
		// Its strategy meetings, and for the form to schedule one (issue 25), who may chair it.
		meetings: (await meetingsOfAllegation(db, allegation.id)).map((m) => ({
			...m,
			scheduledAt: m.scheduledAt.toISOString()
		})),
		// Who may chair one: the unit's chairs and its designated officers (LADO).
		chairs:
			mayScheduleKind(user, 'lado-strategy') && user.unitId
				? await unitChairs(db, user.unitId, 'lado-strategy')
				: null,
		today: todayIn(),
		// "Unfounded" is an outcome only for cases received before April 2013.
		unfoundedAllowed: calendarDateOf(new Date(allegation.receivedAt)) < UNFOUNDED_UNTIL
	};
};
