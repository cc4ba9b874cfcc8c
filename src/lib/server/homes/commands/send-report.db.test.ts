/**
 * sendReport: the visit's report, made from the record alone, queued in the outbox to the home's
 * registered manager, once; refused before the findings are recorded; another unit's chair is
 * answered null.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { CommandError } from '../../command-error';
import { outbox, reg33Visits } from '../../db/schema';
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
		user: desk.admin,
		input: { homeId: home.id, visitedOn: '2026-12-01', visitorName: 'Sam Visitor' },
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

describe('sendReport', () => {
	it('is refused before the findings are recorded, and null for another unit', async () => {
		const { db } = suite.handle;
		const { admin, otherChair, visitId } = suite.made;
		expect(await refusal(sendReport({ db, user: admin, visitId }))).toMatchObject({
			status: 409,
			field: 'findings'
		});
		expect(await sendReport({ db, user: otherChair, visitId })).toBeNull();
	});

	it('mails the report from the record to the registered manager, once', async () => {
		const { db } = suite.handle;
		const { admin, visitId } = suite.made;
		await recordFindings({
			db,
			user: admin,
			visitId,
			input: { staffCount: 0, youngPeopleCount: 2, findings: 'Bedrooms were personalised.' }
		});
		const at = new Date('2026-12-07T15:00:00Z');
		expect(await sendReport({ db, user: admin, visitId, now: at })).toEqual({
			to: 'pat.jones@inglefield.example',
			at: at.toISOString()
		});
		const mails = await db.select().from(outbox);
		expect(mails).toHaveLength(1);
		expect(mails[0]).toMatchObject({
			recipientEmail: 'pat.jones@inglefield.example',
			purpose: 'reg33-report',
			subject: 'Regulation 33 visit to Inglefield on Tuesday 1 December 2026'
		});
		expect(mails[0].textBody).toContain('Bedrooms were personalised.');
		expect(mails[0].textBody).toContain('Staff: 0 members of staff.');
		expect(mails[0].textBody).toContain('Recommendations\nNone recorded.');
		const [visit] = await db.select().from(reg33Visits).where(eq(reg33Visits.id, visitId));
		expect(visit).toMatchObject({ reportSentBy: admin.id, reportOutboxId: mails[0].id });
		expect(await refusal(sendReport({ db, user: admin, visitId }))).toMatchObject({
			status: 409
		});
	});
});
