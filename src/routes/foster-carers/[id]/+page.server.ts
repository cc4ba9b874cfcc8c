import { error, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { carerPage } from '$lib/server/foster-carers/list';
import { unitChairs } from '$lib/server/families/queries';
import { canScheduleMeetings } from '$lib/policy';
import { todayIn } from '$lib/domain/calendar-date';
import type { PageServerLoad } from './$types';

/**
 * One foster carer (issue 25): the carer, the children placed, the review in hand's reports in
 * the order they are asked with the forms to request, receive and chase each, and the reviewing
 * officer's recommendation to the fostering panel once the review is held. The unit's chairs,
 * business support and managers; anyone else, or another unit's carer, 404.
 */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const db = await database();
	const today = todayIn();
	const page = await carerPage({ db, user: locals.user, id: params.id, today });
	if (!page) error(404, 'Not found');
	const schedules = canScheduleMeetings(locals.user) && locals.user.unitId !== null;
	return {
		...page,
		today,
		chairs: schedules ? await unitChairs(db, locals.user.unitId!) : null
	};
};
