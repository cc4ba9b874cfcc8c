/**
 * referAllegation: the unit's chair refers an allegation about its children, with each child's
 * facts from their record and the consideration due one working day later, audited by id only;
 * a child of another unit is bad input; someone who may not work allegations is answered null.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { allegationChildren, allegations, auditLog } from '../../db/schema';
import { CommandError } from '../../command-error';
import { referAllegation } from './refer-allegation';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeAllegationDesk } from '../../../../../tests/fixtures/allegation-desk';

const suite = withTestDatabase(makeAllegationDesk);

describe('referAllegation', () => {
	it('refers it with the child’s facts, due the next working day, audited without names', async () => {
		const { db } = suite.handle;
		const { chair, amy, referral } = suite.made;
		// Received on a Friday: the consideration is due on Monday.
		const referred = await referAllegation({ db, user: chair, referral: referral([amy]) });
		expect(referred).toMatchObject({ considerationDueBy: '2027-01-11' });
		const id = referred!.id;
		const [row] = await db.select().from(allegations).where(eq(allegations.id, id));
		expect(row).toMatchObject({ adultName: 'Quillon Adult', createdBy: chair.id });
		expect(
			await db.select().from(allegationChildren).where(eq(allegationChildren.allegationId, id))
		).toMatchObject([{ childId: amy, inCare: true, disabled: false }]);
		const [entry] = await db.select().from(auditLog).where(eq(auditLog.targetId, id));
		expect(entry).toMatchObject({ action: 'refer', detail: { children: 1 } });
		expect(JSON.stringify(entry)).not.toContain('Quillon');
	});

	it('refuses a child of another unit as bad input, keeping nothing', async () => {
		const { db } = suite.handle;
		const { chair, amy, sol, referral } = suite.made;
		const before = (await db.select().from(allegations)).length;
		const problem = await referAllegation({
			db,
			user: chair,
			referral: referral([amy, sol])
		}).catch((error: unknown) => error);
		expect(problem).toBeInstanceOf(CommandError);
		expect(problem).toMatchObject({ status: 400, field: 'childIds' });
		expect(await db.select().from(allegations)).toHaveLength(before);
	});

	it('is null for someone who may not work allegations', async () => {
		const { db } = suite.handle;
		const { professional, amy, referral } = suite.made;
		expect(await referAllegation({ db, user: professional, referral: referral([amy]) })).toBeNull();
	});
});
