import { error, redirect } from '@sveltejs/kit';
import { mayWorkHomes } from '../../policy';
import type { SessionUser } from '../auth/session';

/**
 * The guard of the children's homes pages (issue 25): signed out, to sign in (and back); anyone
 * who does not work the unit's homes (`mayWorkHomes`), a 404.
 */
export function homeWorker(props: { locals: App.Locals; url: URL }): SessionUser & {
	unitId: string;
} {
	const { locals, url } = props;
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	if (!mayWorkHomes(locals.user) || !locals.user.unitId) error(404, 'Not found');
	return { ...locals.user, unitId: locals.user.unitId };
}
