/**
 * recordFindings: who was spoken to (counted, no child named), the findings (needed) and the
 * recommendations; corrected until the report is sent, then kept (409); another unit's chair is
 * answered null.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { CommandError } from '../../command-error';
import { reg33Visits } from '../../db/schema';
import { recordHome } from './record-home';
import { recordVisit } from './record-visit';
import { recordFindings } from './record-findings';
import { sendReport } from './send-report';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeHomesDesk } from '../../../../../tests/fixtures/homes-desk';

const suite = withTestDatabase(async (db) => {
	const desk = await makeHomesDesk(db);
	const home = (await recordHome({ db, user: desk.admin, input: desk.home() }))!;
	const visit = (await recordVisit({
		db,
		user: desk.chair,
		input: { homeId: home.id, visitedOn: '2026-12-01', visitorId: desk.chair.id },
		now: new Date('2026-12-07T12:00:00Z')
	}))!;
	return { ...desk, visitId: visit.id };
});

const findings = {
	staffCount: '2',
	staffRoles: 'deputy manager, residential worker',
	youngPeopleCount: 3,
	findings: 'The incident log was up to date.',
	recommendations: 'Repair the fire door by January.'
};

async function refusal(recorded: Promise<unknown>) {
	const problem = await recorded.then(
		() => null,
		(error: unknown) => error
	);
	expect(problem).toBeInstanceOf(CommandError);
	return problem as CommandError;
}

describe('recordFindings', () => {
	it('names each field to fix', async () => {
		const { db } = suite.handle;
		const { chair, visitId } = suite.made;
		const field = async (input: object) =>
			(await refusal(recordFindings({ db, user: chair, visitId, input }))).field;
		expect(await field({ ...findings, findings: '  ' })).toBe('findings');
		expect(await field({ ...findings, staffCount: '-1' })).toBe('staffCount');
		expect(await field({ ...findings, staffCount: 'two' })).toBe('staffCount');
		expect(await field({ ...findings, staffRoles: '' })).toBe('staffRoles');
		expect(await field({ ...findings, youngPeopleCount: 1.5 })).toBe('youngPeopleCount');
	});

	it('records them, then keeps them once the report is sent', async () => {
		const { db } = suite.handle;
		const { chair, visitId } = suite.made;
		expect(await recordFindings({ db, user: chair, visitId, input: findings })).toEqual({
			id: visitId
		});
		const [row] = await db.select().from(reg33Visits).where(eq(reg33Visits.id, visitId));
		expect(row).toMatchObject({
			staffSpokenTo: 2,
			youngPeopleSpokenTo: 3,
			findings: 'The incident log was up to date.',
			findingsRecordedBy: chair.id
		});
		await sendReport({ db, user: chair, visitId });
		expect(
			await refusal(recordFindings({ db, user: chair, visitId, input: findings }))
		).toMatchObject({ status: 409 });
	});

	it('is null for another unit’s chair', async () => {
		const { db } = suite.handle;
		const { otherChair, visitId } = suite.made;
		expect(await recordFindings({ db, user: otherChair, visitId, input: findings })).toBeNull();
	});
});
