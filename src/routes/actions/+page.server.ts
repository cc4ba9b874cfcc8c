import { error, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { actionsPage } from '$lib/server/actions';
import { mayUseActionsPage } from '$lib/policy';
import { todayIn } from '$lib/domain/calendar-date';
import type { PageServerLoad } from './$types';

/** "My actions": the plan actions the signed-in professional owns, and the late ones to chase. */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	if (!mayUseActionsPage(locals.user)) error(404, 'Not found');
	const today = todayIn();
	return { today, ...(await actionsPage({ db: await database(), user: locals.user, today })) };
};
