/**
 * resendSetUpLink: a new set-up link for someone who has not chosen a password (sent, audited);
 * a message for an account set up already or disabled; null for another unit's manager.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outbox, users } from '../../db/schema';
import { resendSetUpLink } from './resend-set-up-link';
import { createPerson } from './create-person';
import { makeUser } from '../../../../../tests/factories';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeUnitOffice } from '../../../../../tests/fixtures/unit-office';

const suite = withTestDatabase(async (db) => {
	const office = await makeUnitOffice(db);
	const made = await createPerson({
		db,
		viewer: office.viewers.admin,
		person: { name: 'Kim Lee', email: 'kim.lee@unit.test', role: 'professional', agencyId: null }
	});
	if (!made?.ok) throw new Error('the person was not made');
	const setUp = await makeUser(db, { role: 'professional', unitId: office.unit.id });
	return { ...office, awaiting: made.id, setUp };
});

describe('resendSetUpLink', () => {
	it('sends a second link to someone who has not set up their account', async () => {
		const { db } = suite.handle;
		const sent = await resendSetUpLink({
			db,
			viewer: suite.made.viewers.admin,
			userId: suite.made.awaiting
		});
		expect(sent).toMatchObject({ ok: true });
		const mail = await db.select().from(outbox).where(eq(outbox.userId, suite.made.awaiting));
		expect(mail.map((message) => message.purpose)).toEqual(['account-invite', 'account-invite']);
	});

	it('says why no link goes to an account set up already, or disabled', async () => {
		const { db } = suite.handle;
		const viewer = suite.made.viewers.admin;
		expect(await resendSetUpLink({ db, viewer, userId: suite.made.setUp.id })).toEqual({
			ok: false,
			problem: 'This person has set up their account already.'
		});
		await db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, suite.made.awaiting));
		expect(await resendSetUpLink({ db, viewer, userId: suite.made.awaiting })).toMatchObject({
			ok: false,
			problem: expect.stringMatching(/^This account is disabled/)
		});
	});

	it('is null for another unit’s manager', async () => {
		expect(
			await resendSetUpLink({
				db: suite.handle.db,
				viewer: suite.made.viewers.otherManager,
				userId: suite.made.awaiting
			})
		).toBeNull();
	});
});
