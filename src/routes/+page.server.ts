import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	// A child's own account opens on their own space (issue 27).
	redirect(303, !locals.user ? '/login' : locals.user.role === 'child' ? '/me' : '/meetings');
};
