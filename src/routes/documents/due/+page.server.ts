import { error, redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { dueDocuments } from '$lib/server/documents/due';
import { mayReadDueDocuments } from '$lib/policy';
import { todayIn } from '$lib/domain/calendar-date';
import type { PageServerLoad } from './$types';

/** Business support's queue: every meeting's documents by due date, their state and how late. */
export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const user = locals.user;
	if (!mayReadDueDocuments(user) || !user.unitId) error(404, 'Not found');
	const db = await database();
	return { documents: await dueDocuments({ db, unitId: user.unitId, today: todayIn() }) };
};
