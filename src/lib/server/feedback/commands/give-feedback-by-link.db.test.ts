/**
 * giveFeedbackByLink: a professional answers through the personal link in the circulation
 * email, without signing in, once; a link that is not good, or has expired, is a 404.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { meetingFeedback } from '../../db/schema';
import { FEEDBACK_LINK_DAYS, feedbackInvitationLine } from '../../feedback';
import { giveFeedbackByLink } from './give-feedback-by-link';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeEndedMeeting } from '../../../../../tests/fixtures/ended-meeting';

const suite = withTestDatabase(makeEndedMeeting);
const answer = { listenedTo: 3, knowWhatNext: 3 };

describe('giveFeedbackByLink', () => {
	it('keeps a professional’s answer given through their link, once', async () => {
		const { db } = suite.handle;
		const { sam, meetingId } = suite.made;
		const line = await feedbackInvitationLine({
			db,
			meetingId,
			userId: sam.id,
			email: sam.email
		});
		const token = line.match(/\/feedback\/([a-z2-7]+)/)?.[1];
		expect(token).toBeTruthy();
		const expired = new Date(Date.now() + (FEEDBACK_LINK_DAYS + 1) * 86_400_000);
		expect(await giveFeedbackByLink({ db, token: token!, input: answer, now: expired })).toEqual({
			status: 404
		});
		expect(await giveFeedbackByLink({ db, token: token!, input: answer })).toEqual({
			status: 201
		});
		expect(await giveFeedbackByLink({ db, token: token!, input: answer })).toMatchObject({
			status: 409
		});
		const kept = await db
			.select()
			.from(meetingFeedback)
			.where(eq(meetingFeedback.meetingId, meetingId));
		expect(kept.map((row) => row.respondent)).toEqual(['professional']);
	});

	it('answers 404 to a link that is not good', async () => {
		const { db } = suite.handle;
		for (const token of ['a'.repeat(32), 'not a token'])
			expect(await giveFeedbackByLink({ db, token, input: answer })).toEqual({ status: 404 });
	});

	it('sends a parent no link', async () => {
		const { db } = suite.handle;
		const { dawn, meetingId } = suite.made;
		expect(
			await feedbackInvitationLine({ db, meetingId, userId: dawn.id, email: dawn.email })
		).toBe('');
	});
});
