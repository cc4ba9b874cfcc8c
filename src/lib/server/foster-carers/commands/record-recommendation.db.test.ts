/**
 * recordRecommendation: after the review is held, once; the carer's last review (and, for the
 * face-to-face review, their last face-to-face review) becomes the review's day.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { fosterCarers, fosterReviews } from '../../db/schema';
import { readRecommendation, recordRecommendation } from './record-recommendation';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeFosterDesk } from '../../../../../tests/fixtures/foster-desk';

const suite = withTestDatabase(makeFosterDesk);

describe('recordRecommendation', () => {
	it('is recorded after the review, once, moving the carer’s last review', async () => {
		const { db } = suite.handle;
		const { chair, parent, carerId } = suite.made;
		const meetingId = await suite.made.review(new Date('2026-12-21T10:00:00Z'));
		const record = (today: string, user = chair) =>
			recordRecommendation({
				db,
				user,
				meetingId,
				today,
				input: { recommendation: 'continue', reasons: 'A settled year.' }
			}).catch((e: unknown) => e);
		expect(await record('2026-12-20')).toMatchObject({ status: 409 });
		expect(await record('2026-12-21', parent)).toBeNull();
		expect(await record('2026-12-21')).toEqual({
			recommendation: 'continue',
			reasons: 'A settled year.'
		});
		expect(await record('2026-12-22')).toMatchObject({ status: 409 });
		const [review] = await db
			.select()
			.from(fosterReviews)
			.where(eq(fosterReviews.meetingId, meetingId));
		expect(review).toMatchObject({ recommendation: 'continue', recommendedBy: chair.id });
		const [carer] = await db.select().from(fosterCarers).where(eq(fosterCarers.id, carerId));
		expect(carer).toMatchObject({ lastReviewOn: '2026-12-21', lastFaceToFaceOn: '2026-12-21' });
	});

	it('names the choices when the recommendation is not one of them', () => {
		expect(() => readRecommendation({ recommendation: 'maybe', reasons: 'x' })).toThrow(
			/continue .*change-terms .*end-approval/
		);
		expect(() => readRecommendation({ recommendation: 'continue' })).toThrow(/reasons/);
	});
});
