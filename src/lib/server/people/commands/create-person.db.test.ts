/**
 * createPerson: business support adds a person to the unit with no password and a set-up link
 * in the outbox; a role they may not give, an address the unit has, or an agency it does not
 * keep are field errors; someone who may not manage accounts is answered null (404).
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, outbox, users } from '../../db/schema';
import { NO_PASSWORD_YET } from '../../auth/account-invites';
import { createPerson } from './create-person';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeUnitOffice } from '../../../../../tests/fixtures/unit-office';

const suite = withTestDatabase(makeUnitOffice);

const person = (email: string, role: 'professional' | 'manager' = 'professional') => ({
	name: 'Jo Reid',
	email,
	role,
	agencyId: suite.made.police.id
});

describe('createPerson', () => {
	it('adds the person with no password, sends their set-up link and audits it', async () => {
		const { db } = suite.handle;
		const made = await createPerson({
			db,
			viewer: suite.made.viewers.admin,
			person: person('jo.reid@police.test')
		});
		expect(made).toMatchObject({ ok: true, inviteUrl: expect.stringContaining('/') });
		if (!made?.ok) throw new Error('not made');
		const [account] = await db.select().from(users).where(eq(users.id, made.id));
		expect(account).toMatchObject({
			unitId: suite.made.unit.id,
			role: 'professional',
			passwordHash: NO_PASSWORD_YET
		});
		const mail = await db.select().from(outbox).where(eq(outbox.userId, made.id));
		expect(mail.map((message) => message.purpose)).toEqual(['account-invite']);
		expect(mail[0].textBody).toContain(made.inviteUrl);
		const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, made.id));
		expect(entry).toMatchObject({ action: 'account-added', detail: { role: 'professional' } });
	});

	it('answers field errors for an address the unit has and a role the viewer may not give', async () => {
		const made = await createPerson({
			db: suite.handle.db,
			viewer: suite.made.viewers.admin,
			person: person('jo.reid@police.test', 'manager')
		});
		expect(made).toMatchObject({ ok: false, errors: { email: expect.any(String) } });
		expect(made?.ok === false && made.errors.role).toMatch(/^Only the unit's manager makes/);
	});

	it('is null for someone who may not manage accounts', async () => {
		expect(
			await createPerson({
				db: suite.handle.db,
				viewer: { id: 'x', role: 'professional', unitId: suite.made.unit.id },
				person: person('someone.else@police.test')
			})
		).toBeNull();
	});
});
