import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { visibleMeetings } from '$lib/server/meetings/queries';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	return {
		role: locals.user.role,
		meetings: await visibleMeetings({ db: await database(), user: locals.user })
	};
};
