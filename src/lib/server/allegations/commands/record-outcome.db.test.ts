/**
 * recordOutcome: the unit records how an allegation concluded, with the reason, once (409
 * after: it is evidence); "unfounded" only for a case received before April 2013; another
 * unit's chair is answered null (a 404).
 */
import { describe, expect, it } from 'vitest';
import { CommandError } from '../../command-error';
import { recordOutcome } from './record-outcome';
import { referAllegation } from './refer-allegation';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeAllegationDesk } from '../../../../../tests/fixtures/allegation-desk';

const suite = withTestDatabase(async (db) => {
	const desk = await makeAllegationDesk(db);
	const refer = async (receivedAt?: Date) =>
		(await referAllegation({
			db,
			user: desk.chair,
			referral: desk.referral([desk.amy], receivedAt)
		}))!.id;
	return { ...desk, recent: await refer(), old: await refer(new Date('2012-06-01T10:00:00Z')) };
});

async function refusal(recorded: Promise<unknown>) {
	const problem = await recorded.then(
		() => null,
		(error: unknown) => error
	);
	expect(problem).toBeInstanceOf(CommandError);
	return problem as CommandError;
}

describe('recordOutcome', () => {
	it('records the outcome once, with its reason', async () => {
		const { db } = suite.handle;
		const { chair, recent } = suite.made;
		const now = new Date('2027-02-01T12:00:00Z');
		const input = { outcome: 'unsubstantiated', reason: 'No witness saw it.' };
		expect(await recordOutcome({ db, user: chair, id: recent, input, now })).toEqual({
			outcome: 'unsubstantiated',
			at: now.toISOString()
		});
		expect(await refusal(recordOutcome({ db, user: chair, id: recent, input, now }))).toMatchObject(
			{ status: 409, field: 'outcome' }
		);
	});

	it('keeps "unfounded" for cases received before April 2013, and asks for a reason', async () => {
		const { db } = suite.handle;
		const { chair, old, recent } = suite.made;
		expect(
			await refusal(
				recordOutcome({ db, user: chair, id: recent, input: { outcome: 'unfounded', reason: 'x' } })
			)
		).toMatchObject({ status: 400, field: 'outcome' });
		expect(
			await refusal(recordOutcome({ db, user: chair, id: old, input: { outcome: 'false' } }))
		).toMatchObject({ status: 400, field: 'reason' });
		expect(
			await recordOutcome({
				db,
				user: chair,
				id: old,
				input: { outcome: 'unfounded', reason: 'Nothing to support it.' }
			})
		).toMatchObject({ outcome: 'unfounded' });
	});

	it('is null for another unit’s chair', async () => {
		const { db } = suite.handle;
		const { otherChair, recent } = suite.made;
		expect(
			await recordOutcome({
				db,
				user: otherChair,
				id: recent,
				input: { outcome: 'false', reason: 'x' }
			})
		).toBeNull();
	});
});
