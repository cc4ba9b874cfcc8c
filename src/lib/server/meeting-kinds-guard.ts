import { error, redirect } from '@sveltejs/kit';
import { mayShapeMeetingKinds } from '../policy';
import type { SessionUser } from './auth/session';

/**
 * The guard of the meeting kinds pages (issue 25): signed out, to sign in (and back); anyone
 * who may not shape the unit's kinds (`mayShapeMeetingKinds`), a 404.
 */
export function kindShaper(props: { locals: App.Locals; url: URL }): SessionUser & {
	unitId: string;
} {
	const { locals, url } = props;
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	if (!mayShapeMeetingKinds(locals.user) || !locals.user.unitId) error(404, 'Not found');
	return { ...locals.user, unitId: locals.user.unitId };
}
