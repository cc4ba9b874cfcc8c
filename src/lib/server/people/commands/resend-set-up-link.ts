import type { Database } from '../../db';
import { audit } from '../../audit';
import { NO_PASSWORD_YET } from '../../auth/account-invites';
import { mayManageAccounts, type Viewer } from '../../../policy';
import { accountToChange } from '../people';
import { queueSetUpMail } from '../set-up-mail';

/**
 * Sends a new set-up link to someone who has not chosen a password yet (the older link stops
 * working). Null when the viewer may not, or the account needs no link (404 / a message).
 */
export async function resendSetUpLink(props: {
	db: Database;
	viewer: Viewer;
	userId: string;
}): Promise<{ ok: true; inviteUrl: string } | { ok: false; problem: string } | null> {
	const { db, viewer } = props;
	if (!mayManageAccounts(viewer) || !viewer.unitId) return null;
	const account = await accountToChange({ db, viewer, userId: props.userId });
	if (!account) return null;
	if (account.disabledAt)
		return { ok: false, problem: 'This account is disabled: enable it before sending a link.' };
	if (account.passwordHash !== NO_PASSWORD_YET)
		return { ok: false, problem: 'This person has set up their account already.' };
	const inviteUrl = await db.transaction(async (tx) => {
		const url = await queueSetUpMail({
			db: tx,
			userId: account.id,
			name: account.name,
			email: account.email
		});
		await audit({
			db: tx,
			userId: viewer.id,
			action: 'account-link-sent',
			targetType: 'user',
			targetId: account.id,
			detail: { role: account.role }
		});
		return url;
	});
	return { ok: true, inviteUrl };
}
