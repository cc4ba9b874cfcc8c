/**
 * giveFeedback: a parent or professional on an ended meeting's list answers once, signed in;
 * the answer is kept apart from who gave it, with the names in it taken out; anyone not on the
 * list is a 404, a meeting not ended a 409, an answer missing a question a 400.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, feedbackGiven, meetingFeedback } from '../../db/schema';
import { giveFeedback } from './give-feedback';
import { sessionOf } from '../../../../../tests/factories';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeEndedMeeting } from '../../../../../tests/fixtures/ended-meeting';

const suite = withTestDatabase(makeEndedMeeting);
const answer = { listenedTo: 2, knowWhatNext: 3, better: 'Priya Shah spoke too fast' };

describe('giveFeedback', () => {
	it('keeps a parent’s answer once, apart from who gave it, with the names taken out', async () => {
		const { db } = suite.handle;
		const { dawn, meetingId } = suite.made;
		const give = () => giveFeedback({ db, user: sessionOf(dawn), meetingId, input: answer });
		expect(await give()).toEqual({ status: 201 });
		expect(await give()).toEqual({
			status: 409,
			message: 'You have answered this already: thank you.'
		});
		const [kept] = await db
			.select()
			.from(meetingFeedback)
			.where(eq(meetingFeedback.meetingId, meetingId));
		expect(kept).toMatchObject({ respondent: 'parent', listenedTo: 2, knowWhatNext: 3 });
		expect(kept.better).not.toMatch(/Priya|Shah/);
		expect(JSON.stringify(kept)).not.toContain(dawn.id);
		expect(await db.select().from(feedbackGiven)).toHaveLength(1);
		const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'feedback'));
		expect(entry).toMatchObject({ userId: dawn.id, targetId: meetingId });
	});

	it('answers 400 for a question left out, before anything is kept', async () => {
		const { db } = suite.handle;
		const { sam, meetingId } = suite.made;
		const result = await giveFeedback({
			db,
			user: sessionOf(sam),
			meetingId,
			input: { listenedTo: 2 }
		});
		expect(result.status).toBe(400);
		expect(await db.select().from(feedbackGiven)).toHaveLength(1);
	});

	it('answers 404 to someone not on the list, and 409 before the meeting has ended', async () => {
		const { db } = suite.handle;
		const { stranger, sam, meetingId, nextMeetingId } = suite.made;
		expect(await giveFeedback({ db, user: sessionOf(stranger), meetingId, input: answer })).toEqual(
			{ status: 404 }
		);
		expect(
			await giveFeedback({ db, user: sessionOf(sam), meetingId: nextMeetingId, input: answer })
		).toMatchObject({ status: 409 });
	});
});
