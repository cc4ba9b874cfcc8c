/**
 * requestReport: the children's social workers' reports are asked of their social workers; the
 * supervising social worker's is refused (409, naming the children) until they are in, then
 * asked of the supervising social worker, its mail listing the reports it has sight of.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { outbox } from '../../db/schema';
import { requestReport } from './request-report';
import { receiveReport } from './receive-report';
import { reviewReports } from '../carers';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeFosterDesk, TODAY } from '../../../../../tests/fixtures/foster-desk';

const suite = withTestDatabase(makeFosterDesk);

describe('requestReport', () => {
	it('asks in order, refusing the supervising social worker’s until the children’s are in', async () => {
		const { db } = suite.handle;
		const { chair, admin } = suite.made;
		const meetingId = await suite.made.review();
		const reports = await reviewReports(db, meetingId, TODAY);
		const [kayleighSw, samSw, ssw] = reports;
		const ask = (reportId: string, input: unknown = { dueBy: '2026-12-14' }) =>
			requestReport({ db, user: chair, meetingId, reportId, input, today: TODAY }).catch(
				(e: unknown) => e
			);
		const asked = (await ask(kayleighSw.id)) as typeof reports;
		expect(asked[0]).toMatchObject({
			state: 'requested',
			askedOfName: 'Priya Shah',
			askedOfEmail: 'priya@sw.example',
			dueBy: '2026-12-14'
		});
		expect(await ask(kayleighSw.id)).toMatchObject({ status: 409 });
		expect(await ask(ssw.id)).toMatchObject({
			status: 409,
			message: expect.stringContaining('Kayleigh Price, Sam Price')
		});
		expect(await ask(samSw.id, { dueBy: '2026-12-01' })).toMatchObject({
			status: 400,
			field: 'dueBy'
		});
		for (const r of [kayleighSw, samSw])
			await receiveReport({
				db,
				user: admin,
				meetingId,
				reportId: r.id,
				input: { text: 'Report' },
				today: TODAY
			});
		const sswAsked = (await ask(ssw.id)) as typeof reports;
		expect(sswAsked[2]).toMatchObject({ state: 'requested', askedOfName: 'Dee Walsh' });
		const [mail] = await db
			.select()
			.from(outbox)
			.where(eq(outbox.recipientEmail, 'dee.walsh@fostering.example'));
		expect(mail.textBody).toContain('reports are in (2)');
	});

	it('is null for another unit’s chair', async () => {
		const { db } = suite.handle;
		const meetingId = await suite.made.review(new Date('2026-12-22T10:00:00Z'));
		const [first] = await reviewReports(db, meetingId, TODAY);
		expect(
			await requestReport({
				db,
				user: suite.made.otherChair,
				meetingId,
				reportId: first.id,
				input: { dueBy: '2026-12-14' },
				today: TODAY
			})
		).toBeNull();
	});
});
