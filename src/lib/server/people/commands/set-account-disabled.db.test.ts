/**
 * setAccountDisabled: the unit that made an account disables it (its sessions end at once) and
 * enables it again, audited with its role; another unit's manager is answered null (404).
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, users } from '../../db/schema';
import { validateSessionToken } from '../../auth/session';
import { setAccountDisabled } from './set-account-disabled';
import { makeUser, signIn } from '../../../../../tests/factories';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeUnitOffice } from '../../../../../tests/fixtures/unit-office';

const suite = withTestDatabase(async (db) => {
	const office = await makeUnitOffice(db);
	const jo = await makeUser(db, { role: 'professional', unitId: office.unit.id });
	return { ...office, jo, joToken: await signIn(db, jo.id) };
});

describe('setAccountDisabled', () => {
	it('is null for another unit’s manager, and changes nothing', async () => {
		const { db } = suite.handle;
		expect(
			await setAccountDisabled({
				db,
				viewer: suite.made.viewers.otherManager,
				userId: suite.made.jo.id,
				disabled: true
			})
		).toBeNull();
		const [jo] = await db.select().from(users).where(eq(users.id, suite.made.jo.id));
		expect(jo.disabledAt).toBeNull();
	});

	it('disables the account and ends its sessions, then enables it, each audited', async () => {
		const { db } = suite.handle;
		const change = (disabled: boolean) =>
			setAccountDisabled({
				db,
				viewer: suite.made.viewers.admin,
				userId: suite.made.jo.id,
				disabled
			});
		expect(await change(true)).toEqual({ ok: true });
		const [disabled] = await db.select().from(users).where(eq(users.id, suite.made.jo.id));
		expect(disabled.disabledAt).not.toBeNull();
		expect((await validateSessionToken({ db, token: suite.made.joToken })).user).toBeNull();
		expect(await change(false)).toEqual({ ok: true });
		const [enabled] = await db.select().from(users).where(eq(users.id, suite.made.jo.id));
		expect(enabled.disabledAt).toBeNull();
		const entries = await db
			.select({ action: auditLog.action, detail: auditLog.detail })
			.from(auditLog)
			.where(and(eq(auditLog.targetId, suite.made.jo.id), eq(auditLog.targetType, 'user')))
			.orderBy(auditLog.id);
		expect(entries).toEqual([
			{ action: 'account-disabled', detail: { role: 'professional' } },
			{ action: 'account-enabled', detail: { role: 'professional' } }
		]);
	});
});
