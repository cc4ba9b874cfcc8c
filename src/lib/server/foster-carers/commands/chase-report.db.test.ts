/**
 * chaseReport: only a late report is chased (not one unasked, not one still in time); the chaser
 * goes through the outbox to whoever was asked and the chase is counted.
 */
import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { fosterReviewReports, outbox } from '../../db/schema';
import { chaseReport } from './chase-report';
import { requestReport } from './request-report';
import { reviewReports } from '../carers';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeFosterDesk, TODAY } from '../../../../../tests/fixtures/foster-desk';

const suite = withTestDatabase(makeFosterDesk);

describe('chaseReport', () => {
	it('chases a late report only, by mail, counting each chase', async () => {
		const { db } = suite.handle;
		const { admin } = suite.made;
		const meetingId = await suite.made.review();
		const [first] = await reviewReports(db, meetingId, TODAY);
		const chase = (today: string) =>
			chaseReport({ db, user: admin, meetingId, reportId: first.id, today }).catch(
				(e: unknown) => e
			);
		expect(await chase(TODAY)).toMatchObject({
			status: 409,
			message: 'Ask for this report first.'
		});
		await requestReport({
			db,
			user: admin,
			meetingId,
			reportId: first.id,
			input: { dueBy: '2026-12-10' },
			today: TODAY
		});
		expect(await chase('2026-12-10')).toMatchObject({ status: 409 });
		const chased = (await chase('2026-12-11')) as { state: string; chaseCount: number }[];
		expect(chased[0]).toMatchObject({ state: 'late', chaseCount: 1 });
		await chase('2026-12-12');
		const [row] = await db
			.select()
			.from(fosterReviewReports)
			.where(eq(fosterReviewReports.id, first.id));
		expect(row.chaseCount).toBe(2);
		const chasers = await db
			.select()
			.from(outbox)
			.where(and(eq(outbox.meetingId, meetingId), eq(outbox.purpose, 'report-chaser')));
		expect(chasers.map((m) => m.recipientEmail)).toEqual(['priya@sw.example', 'priya@sw.example']);
		expect(chasers[0].textBody).toContain('has not reached the unit');
	});
});
