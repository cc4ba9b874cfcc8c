import { error, redirect } from '@sveltejs/kit';
import { database } from './db';
import { meetingForViewer } from './meetings/queries';
import type { SessionUser } from './auth/session';

/** The signed-in person, or a 401 for API callers. */
export function requireApiUser(locals: App.Locals): SessionUser {
	if (!locals.user) error(401, 'Sign in first: this needs a session.');
	return locals.user;
}

/**
 * A meeting page's guard: a signed-out person goes to sign in (and back here after); someone
 * the meeting is not shared with gets a 404, never a hint that it exists.
 */
export async function meetingForPage(props: { locals: App.Locals; meetingId: string; url: URL }) {
	const { locals, meetingId, url } = props;
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const db = await database();
	const found = await meetingForViewer({ db, user: locals.user, meetingId });
	if (!found) error(404, 'Not found');
	return { db, user: locals.user, found };
}
