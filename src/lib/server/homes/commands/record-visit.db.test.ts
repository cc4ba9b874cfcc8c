/**
 * recordVisit: a visit to one of the unit's homes, by one of its reviewing officers or a person
 * named, on a day that has happened (never ahead: unannounced); another unit's home or no home is
 * a 400 naming homeId; nothing is mailed.
 */
import { describe, expect, it } from 'vitest';
import { CommandError } from '../../command-error';
import { outbox } from '../../db/schema';
import { recordHome } from './record-home';
import { recordVisit } from './record-visit';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeHomesDesk } from '../../../../../tests/fixtures/homes-desk';

const suite = withTestDatabase(async (db) => {
	const desk = await makeHomesDesk(db);
	const recordedAt = new Date('2026-10-01T09:00:00Z');
	const home = (await recordHome({ db, user: desk.admin, input: desk.home(), now: recordedAt }))!;
	const away = (await recordHome({
		db,
		user: desk.otherChair,
		input: desk.home(),
		now: recordedAt
	}))!;
	return { ...desk, homeId: home.id, awayId: away.id };
});

const now = new Date('2026-12-07T12:00:00Z');

async function refusal(recorded: Promise<unknown>) {
	const problem = await recorded.then(
		() => null,
		(error: unknown) => error
	);
	expect(problem).toBeInstanceOf(CommandError);
	return problem as CommandError;
}

describe('recordVisit', () => {
	it('records a visit by a reviewing officer, with their name, and mails nobody', async () => {
		const { db } = suite.handle;
		const { admin, chair, homeId } = suite.made;
		const input = { homeId, visitedOn: '2026-12-02', visitorId: chair.id };
		expect(await recordVisit({ db, user: admin, input, now })).toMatchObject({
			homeId,
			visitedOn: '2026-12-02'
		});
		expect(await db.select().from(outbox)).toEqual([]);
	});

	it('takes an independent person by name, and the day of scheduledAt', async () => {
		const { db } = suite.handle;
		const { admin, homeId } = suite.made;
		const input = { homeId, scheduledAt: '2026-11-03T10:00:00Z', visitorName: 'Sam Visitor' };
		expect(await recordVisit({ db, user: admin, input, now })).toMatchObject({
			visitedOn: '2026-11-03'
		});
	});

	it('refuses a day ahead, a home of another unit, no home and no visitor', async () => {
		const { db } = suite.handle;
		const { admin, homeId, awayId, professional } = suite.made;
		const field = async (input: object) =>
			(await refusal(recordVisit({ db, user: admin, input, now }))).field;
		expect(await field({ homeId, visitedOn: '2026-12-08', visitorName: 'Sam' })).toBe('visitedOn');
		expect(await field({ homeId, visitedOn: '2026-02-30', visitorName: 'Sam' })).toBe('visitedOn');
		expect(await field({ homeId: awayId, visitedOn: '2026-12-01', visitorName: 'Sam' })).toBe(
			'homeId'
		);
		expect(await field({ visitedOn: '2026-12-01', visitorName: 'Sam' })).toBe('homeId');
		expect(await field({ homeId, visitedOn: '2026-12-01' })).toBe('visitorName');
		expect(await field({ homeId, visitedOn: '2026-12-01', visitorId: professional.id })).toBe(
			'visitorId'
		);
		expect(await recordVisit({ db, user: professional, input: { homeId }, now })).toBeNull();
	});
});
