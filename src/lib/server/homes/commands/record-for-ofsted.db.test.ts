/**
 * recordForOfsted: a sent report put on Ofsted's record, with when and who; refused before the
 * report is sent and after it is recorded; another unit's chair is answered null.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { CommandError } from '../../command-error';
import { reg33Visits } from '../../db/schema';
import { recordHome } from './record-home';
import { recordVisit } from './record-visit';
import { recordFindings } from './record-findings';
import { sendReport } from './send-report';
import { recordForOfsted } from './record-for-ofsted';
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

async function refusal(recorded: Promise<unknown>) {
	const problem = await recorded.then(
		() => null,
		(error: unknown) => error
	);
	expect(problem).toBeInstanceOf(CommandError);
	return problem as CommandError;
}

describe('recordForOfsted', () => {
	it('records a sent report for Ofsted once, with who did it', async () => {
		const { db } = suite.handle;
		const { chair, admin, otherChair, visitId } = suite.made;
		expect(await refusal(recordForOfsted({ db, user: admin, visitId }))).toMatchObject({
			status: 409
		});
		await recordFindings({
			db,
			user: chair,
			visitId,
			input: { staffCount: 1, staffRoles: 'manager', youngPeopleCount: 0, findings: 'Calm.' }
		});
		await sendReport({ db, user: chair, visitId });
		expect(await recordForOfsted({ db, user: otherChair, visitId })).toBeNull();
		const at = new Date('2026-12-08T09:00:00Z');
		expect(await recordForOfsted({ db, user: admin, visitId, now: at })).toEqual({
			at: at.toISOString()
		});
		const [row] = await db.select().from(reg33Visits).where(eq(reg33Visits.id, visitId));
		expect(row).toMatchObject({ recordedForOfstedAt: at, recordedForOfstedBy: admin.id });
		expect(await refusal(recordForOfsted({ db, user: admin, visitId }))).toMatchObject({
			status: 409
		});
	});
});
