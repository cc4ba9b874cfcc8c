import { redirect } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { invalidateSession } from '$lib/server/auth/session';
import { audit } from '$lib/server/audit';
import { clearSessionCookie } from '$lib/server/auth/cookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
};

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.sessionId && locals.user) {
			const db = await database();
			await invalidateSession({ db, sessionId: locals.sessionId });
			await audit({ db, userId: locals.user.id, action: 'sign-out', targetType: 'session' });
		}
		clearSessionCookie(cookies);
		redirect(303, '/login');
	}
};
