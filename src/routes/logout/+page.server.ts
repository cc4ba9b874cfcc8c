import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { invalidateSession } from '$lib/server/auth/session';
import { clearSessionCookie } from '$lib/server/auth/cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
};

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.sessionId) await invalidateSession({ db: await database(), sessionId: locals.sessionId });
		clearSessionCookie(cookies);
		redirect(303, '/login');
	}
};
