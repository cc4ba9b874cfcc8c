import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db';
import { users } from '../../db/schema';
import { audit } from '../../audit';
import { invalidateUserSessions } from '../../auth/session';
import { mayManageAccounts, type Viewer } from '../../../policy';
import { accountToChange } from '../people';

/**
 * Disables or enables an account the viewer's unit made, of a role the viewer may give
 * (`mayDisableAccount`). Disabling ends every session of theirs at once (cookies refused, live
 * sockets closed with 4401). Audited with the account's role. Null when the viewer may not (404).
 */
export async function setAccountDisabled(props: {
	db: Database;
	viewer: Viewer;
	userId: string;
	disabled: boolean;
}): Promise<{ ok: true } | null> {
	const { db, viewer } = props;
	if (!mayManageAccounts(viewer) || !viewer.unitId) return null;
	const account = await accountToChange({ db, viewer, userId: props.userId });
	if (!account) return null;
	await db.transaction(async (tx) => {
		await tx
			.update(users)
			.set({ disabledAt: props.disabled ? sql`now()` : null })
			.where(eq(users.id, account.id));
		await audit({
			db: tx,
			userId: viewer.id,
			action: props.disabled ? 'account-disabled' : 'account-enabled',
			targetType: 'user',
			targetId: account.id,
			detail: { role: account.role }
		});
	});
	if (props.disabled) await invalidateUserSessions({ db, userId: account.id });
	return { ok: true };
}
