import { navigationFor } from '$lib/policy';
import type { LayoutServerLoad } from './$types';

/** Who is signed in, and the navigation the policy offers them (the server decides). */
export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user ? { name: locals.user.name, role: locals.user.role } : null,
	nav: locals.user ? navigationFor(locals.user) : null
});
