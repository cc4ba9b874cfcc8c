/**
 * recordPlacingAuthority: for a child placed here by another authority, the unit records the day
 * that authority saw them (once: 409 after; not before receipt nor in the future) and/or where to
 * write to it (a later address replaces an earlier one); a child not placed elsewhere, or no
 * child, is bad input; another unit's chair is answered null (a 404).
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { allegationChildren, children } from '../../db/schema';
import { CommandError } from '../../command-error';
import { recordPlacingAuthority } from './record-placing-authority';
import { referAllegation } from './refer-allegation';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeAllegationDesk } from '../../../../../tests/fixtures/allegation-desk';
import { makeFamily } from '../../../../../tests/factories';

const suite = withTestDatabase(async (db) => {
	const desk = await makeAllegationDesk(db);
	// Amy was placed here by a London borough; Ben lives at home with his family.
	await db
		.update(children)
		.set({ placedByAuthority: 'London Borough of Lambeth' })
		.where(eq(children.id, desk.amy));
	const ben = (await makeFamily(db, { unitId: desk.chair.unitId, children: ['Ben Carter'] }))
		.children[0].id;
	const referred = await referAllegation({
		db,
		user: desk.chair,
		referral: desk.referral([desk.amy, ben])
	});
	return { ...desk, ben, id: referred!.id };
});

async function refusal(recorded: Promise<unknown>) {
	const problem = await recorded.then(
		() => null,
		(error: unknown) => error
	);
	expect(problem).toBeInstanceOf(CommandError);
	return problem as CommandError;
}

const now = new Date('2027-01-20T12:00:00Z');

async function amysRow() {
	const { db } = suite.handle;
	const { amy, id } = suite.made;
	const [row] = await db
		.select()
		.from(allegationChildren)
		.where(and(eq(allegationChildren.allegationId, id), eq(allegationChildren.childId, amy)));
	return row;
}

describe('recordPlacingAuthority', () => {
	it('records where to write to the authority, then the day it saw the child, once', async () => {
		const { db } = suite.handle;
		const { chair, amy, id } = suite.made;
		const record = (input: unknown) => recordPlacingAuthority({ db, user: chair, id, input, now });
		expect(await record({ childId: amy, email: ' LADO@Lambeth.example ' })).toEqual({
			childId: amy,
			seenOn: null,
			email: 'lado@lambeth.example'
		});
		expect(await record({ childId: amy, seenOn: '2027-01-15' })).toEqual({
			childId: amy,
			seenOn: '2027-01-15',
			email: 'lado@lambeth.example'
		});
		expect(await amysRow()).toMatchObject({
			seenByPlacingAuthorityOn: '2027-01-15',
			placingAuthorityEmail: 'lado@lambeth.example'
		});
		expect(await refusal(record({ childId: amy, seenOn: '2027-01-16' }))).toMatchObject({
			status: 409,
			field: 'seenOn'
		});
		expect((await amysRow()).seenByPlacingAuthorityOn).toBe('2027-01-15');
	});

	it('asks for a placed child, a day or an address, each that will do (400 naming each)', async () => {
		const { db } = suite.handle;
		const { chair, amy, ben, id } = suite.made;
		const refused = async (input: unknown) =>
			refusal(recordPlacingAuthority({ db, user: chair, id, input, now }));
		expect(await refused({ seenOn: '2027-01-15' })).toMatchObject({
			status: 400,
			field: 'childId'
		});
		const notPlaced = await refused({ childId: ben, email: 'lado@lambeth.example' });
		expect(notPlaced).toMatchObject({ status: 400, field: 'childId' });
		expect(notPlaced.message).toMatch(/not placed here by another authority/);
		expect(await refused({ childId: amy })).toMatchObject({ status: 400, field: 'seenOn' });
		expect(await refused({ childId: amy, email: 'not an address' })).toMatchObject({
			status: 400,
			field: 'email'
		});
		expect(await refused({ childId: amy, seenOn: '2027-01-07' })).toMatchObject({
			status: 400,
			field: 'seenOn'
		});
	});

	it('is null for another unit’s chair', async () => {
		const { db } = suite.handle;
		const { otherChair, amy, id } = suite.made;
		const before = await amysRow();
		expect(
			await recordPlacingAuthority({
				db,
				user: otherChair,
				id,
				input: { childId: amy, email: 'someone@elsewhere.example' },
				now
			})
		).toBeNull();
		expect(await amysRow()).toEqual(before);
	});
});
