/**
 * recordEmployerAction: the unit records one of the employer's actions on a case, from the
 * vocabulary, on a day not before the allegation was received nor in the future, with a note of
 * what happened; another unit's chair is answered null (a 404).
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { allegationEmployerActions } from '../../db/schema';
import { CommandError } from '../../command-error';
import { recordEmployerAction } from './record-employer-action';
import { referAllegation } from './refer-allegation';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeAllegationDesk } from '../../../../../tests/fixtures/allegation-desk';

const suite = withTestDatabase(async (db) => {
	const desk = await makeAllegationDesk(db);
	const referred = await referAllegation({
		db,
		user: desk.chair,
		referral: desk.referral([desk.amy])
	});
	return { ...desk, id: referred!.id };
});

async function refusal(recorded: Promise<unknown>) {
	const problem = await recorded.then(
		() => null,
		(error: unknown) => error
	);
	expect(problem).toBeInstanceOf(CommandError);
	return problem as CommandError;
}

const now = new Date('2027-01-13T12:00:00Z');
const note = 'The club suspended the coach on full pay; its welfare officer told us.';

async function actionsOf(id: string) {
	const { db } = suite.handle;
	return db
		.select()
		.from(allegationEmployerActions)
		.where(eq(allegationEmployerActions.allegationId, id));
}

describe('recordEmployerAction', () => {
	it('records the action on its day, with the note', async () => {
		const { db } = suite.handle;
		const { chair, id } = suite.made;
		const input = { action: 'suspension', on: '2027-01-09', note };
		const recorded = await recordEmployerAction({ db, user: chair, id, input, now });
		expect(recorded).toMatchObject({ action: 'suspension', on: '2027-01-09' });
		expect(await actionsOf(id)).toMatchObject([
			{ id: recorded!.id, action: 'suspension', on: '2027-01-09', note, recordedBy: chair.id }
		]);
	});

	it('asks for an action from the list, a day within the case, and a note (400 naming each)', async () => {
		const { db } = suite.handle;
		const { chair, id } = suite.made;
		const before = (await actionsOf(id)).length;
		const refused = async (input: unknown) =>
			refusal(recordEmployerAction({ db, user: chair, id, input, now }));
		expect(await refused({ action: 'sacked', on: '2027-01-09', note })).toMatchObject({
			status: 400,
			field: 'action'
		});
		const early = await refused({ action: 'investigation', on: '2027-01-07', note });
		expect(early).toMatchObject({ status: 400, field: 'on' });
		expect(early.message).toMatch(/before the allegation was received/);
		const future = await refused({ action: 'investigation', on: '2027-01-14', note });
		expect(future).toMatchObject({ status: 400, field: 'on' });
		expect(future.message).toMatch(/future/);
		expect(await refused({ action: 'investigation', on: '2027-01-10', note: ' ' })).toMatchObject({
			status: 400,
			field: 'note'
		});
		expect(await actionsOf(id)).toHaveLength(before);
	});

	it('is null for another unit’s chair', async () => {
		const { db } = suite.handle;
		const { otherChair, id } = suite.made;
		const before = (await actionsOf(id)).length;
		expect(
			await recordEmployerAction({
				db,
				user: otherChair,
				id,
				input: { action: 'dismissal', on: '2027-01-10', note },
				now
			})
		).toBeNull();
		expect(await actionsOf(id)).toHaveLength(before);
	});
});
