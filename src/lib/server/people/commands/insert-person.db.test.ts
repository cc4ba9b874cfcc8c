/**
 * insertPerson: the one person's writes (account, set-up link and its mail, audit entry) in the
 * caller's transaction; nothing of them is kept when that transaction is rolled back.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { accountInvites, auditLog, users } from '../../db/schema';
import { insertPerson } from './insert-person';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeUnitOffice } from '../../../../../tests/fixtures/unit-office';

const suite = withTestDatabase(makeUnitOffice);

const insert = (db: typeof suite.handle.db, email: string) =>
	insertPerson({
		db,
		viewer: suite.made.viewers.manager,
		unitId: suite.made.unit.id,
		person: { name: 'Kim Lee', email, role: 'admin', agencyId: null },
		via: 'import'
	});

describe('insertPerson', () => {
	it('writes the account, its link and the audit entry, saying how it came', async () => {
		const { db } = suite.handle;
		const { id } = await insert(db, 'kim.lee@unit.test');
		expect(
			await db.select().from(accountInvites).where(eq(accountInvites.userId, id))
		).toHaveLength(1);
		const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, id));
		expect(entry.detail).toEqual({ role: 'admin', via: 'import' });
	});

	it('keeps nothing when the transaction it was given is rolled back', async () => {
		const { db } = suite.handle;
		let written: string | undefined;
		await db
			.transaction(async (tx) => {
				written = (await insert(tx, 'kim.lee.2@unit.test')).id;
				tx.rollback();
			})
			.catch(() => {});
		expect(written).toBeDefined();
		expect(await db.select().from(users).where(eq(users.email, 'kim.lee.2@unit.test'))).toEqual([]);
		expect(await db.select().from(auditLog).where(eq(auditLog.targetId, written!))).toEqual([]);
	});
});
