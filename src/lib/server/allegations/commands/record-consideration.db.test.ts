/**
 * recordConsideration: the unit records the threshold decision at the initial consideration, with
 * its reasons, once (409 after: it is evidence); late when decided on a day after the one it was
 * due by (received Friday 8 January 2027, due Monday 11th); another unit's chair is answered null
 * (a 404).
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { allegations } from '../../db/schema';
import { CommandError } from '../../command-error';
import { recordConsideration } from './record-consideration';
import { referAllegation } from './refer-allegation';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeAllegationDesk } from '../../../../../tests/fixtures/allegation-desk';

const suite = withTestDatabase(async (db) => {
	const desk = await makeAllegationDesk(db);
	const refer = async () =>
		(await referAllegation({ db, user: desk.chair, referral: desk.referral([desk.amy]) }))!.id;
	return { ...desk, onTime: await refer(), late: await refer(), other: await refer() };
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
const reasons = 'An adult in a position of trust may have harmed a child: the threshold is met.';

describe('recordConsideration', () => {
	it('records the decision once, on time when made by the day it was due', async () => {
		const { db } = suite.handle;
		const { chair, onTime } = suite.made;
		const input = { thresholdMet: true, reasons, decidedAt: '2027-01-11T16:00:00Z' };
		expect(await recordConsideration({ db, user: chair, id: onTime, input, now })).toEqual({
			thresholdMet: true,
			at: '2027-01-11T16:00:00.000Z',
			late: false
		});
		const [row] = await db.select().from(allegations).where(eq(allegations.id, onTime));
		expect(row).toMatchObject({ thresholdMet: true, thresholdReasons: reasons });
		expect(
			await refusal(
				recordConsideration({
					db,
					user: chair,
					id: onTime,
					input: { thresholdMet: false, reasons: 'Changed our mind.' },
					now
				})
			)
		).toMatchObject({ status: 409, field: 'thresholdMet' });
		const [kept] = await db.select().from(allegations).where(eq(allegations.id, onTime));
		expect(kept.thresholdMet).toBe(true);
	});

	it('is late when made on a day after the one it was due by', async () => {
		const { db } = suite.handle;
		const { chair, late } = suite.made;
		const input = {
			thresholdMet: false,
			reasons: 'No harm alleged.',
			decidedAt: '2027-01-12T09:00:00Z'
		};
		expect(await recordConsideration({ db, user: chair, id: late, input, now })).toMatchObject({
			thresholdMet: false,
			late: true
		});
	});

	it('asks for the reasons, a yes or no, and a time not before receipt nor in the future (400 naming each)', async () => {
		const { db } = suite.handle;
		const { chair, other } = suite.made;
		const field = async (input: unknown) =>
			(await refusal(recordConsideration({ db, user: chair, id: other, input, now }))).field;
		expect(await field({ thresholdMet: true, reasons: '  ' })).toBe('reasons');
		expect(await field({ thresholdMet: 'yes', reasons })).toBe('thresholdMet');
		expect(await field({ thresholdMet: true, reasons, decidedAt: '2027-01-07T10:00:00Z' })).toBe(
			'decidedAt'
		);
		expect(await field({ thresholdMet: true, reasons, decidedAt: '2027-01-14T10:00:00Z' })).toBe(
			'decidedAt'
		);
		const [row] = await db.select().from(allegations).where(eq(allegations.id, other));
		expect(row.consideredAt).toBeNull();
	});

	it('is null for another unit’s chair and for a professional who does not work the cases', async () => {
		const { db } = suite.handle;
		const { otherChair, professional, other } = suite.made;
		const input = { thresholdMet: true, reasons };
		expect(await recordConsideration({ db, user: otherChair, id: other, input, now })).toBeNull();
		expect(await recordConsideration({ db, user: professional, id: other, input, now })).toBeNull();
		const [row] = await db.select().from(allegations).where(eq(allegations.id, other));
		expect(row.consideredAt).toBeNull();
	});
});
