/**
 * receiveReport: a report's words written in, or a note that it came on paper; once only;
 * neither or both is bad input; another unit's chair gets null.
 */
import { describe, expect, it } from 'vitest';
import { receiveReport, readReceived } from './receive-report';
import { reviewReports } from '../carers';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeFosterDesk, TODAY } from '../../../../../tests/fixtures/foster-desk';

const suite = withTestDatabase(makeFosterDesk);

describe('receiveReport', () => {
	it('records it written in or on paper, once', async () => {
		const { db } = suite.handle;
		const { admin, otherChair } = suite.made;
		const meetingId = await suite.made.review();
		const [first, second] = await reviewReports(db, meetingId, TODAY);
		const receive = (reportId: string, input: unknown, user = admin) =>
			receiveReport({ db, user, meetingId, reportId, input, today: TODAY }).catch(
				(e: unknown) => e
			);
		expect(await receive(first.id, { text: 'x' }, otherChair)).toBeNull();
		const written = (await receive(first.id, { text: '  Settled.  ' })) as (typeof first)[];
		expect(written[0]).toMatchObject({ state: 'received', text: 'Settled.', byPost: false });
		expect(await receive(first.id, { text: 'Again' })).toMatchObject({ status: 409 });
		const posted = (await receive(second.id, { byPost: true })) as (typeof first)[];
		expect(posted[1]).toMatchObject({ state: 'received', text: null, byPost: true });
	});

	it('needs the words or the note that it came on paper, not both', () => {
		expect(() => readReceived({})).toThrow(/on paper/);
		expect(() => readReceived({ text: 'a', byPost: true })).toThrow(/not both/);
		expect(readReceived({ byPost: true })).toEqual({ text: null, byPost: true });
	});
});
