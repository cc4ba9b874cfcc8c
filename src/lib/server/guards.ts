import { error } from '@sveltejs/kit';
import type { SessionUser } from './auth/session';

/** The signed-in person, or a 401 for API callers. */
export function requireApiUser(locals: App.Locals): SessionUser {
	if (!locals.user) error(401, 'Sign in first: this needs a session.');
	return locals.user;
}
