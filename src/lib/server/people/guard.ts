import { error, redirect } from '@sveltejs/kit';
import { mayManageAccounts, mayManagePeople, mayReadPeople } from '../../policy';
import type { SessionUser } from '../auth/session';

/**
 * The guard of the People and agencies pages: signed out, to sign in (and back); someone who
 * may not read the unit's people, or write when `write` is asked (agencies and imports:
 * `mayManagePeople`; adding, disabling and enabling accounts: `mayManageAccounts`), a 404.
 */
export function peopleViewer(props: {
	locals: App.Locals;
	url: URL;
	write?: boolean | 'accounts';
}): SessionUser & { unitId: string } {
	const { locals, url } = props;
	if (!locals.user) redirect(303, `/login?next=${encodeURIComponent(url.pathname)}`);
	const user = locals.user;
	const allowed =
		props.write === 'accounts'
			? mayManageAccounts(user)
			: props.write
				? mayManagePeople(user)
				: mayReadPeople(user);
	if (!allowed || !user.unitId) error(404, 'Not found');
	return { ...user, unitId: user.unitId };
}
