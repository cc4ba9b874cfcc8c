/**
 * Scheduling a foster carer review: the carer must be the unit's, with children placed; the
 * review opens with its reports in order, none asked, and the face-to-face flag; birth parents
 * are not invited, and inviting one is refused; the schedule form, knowing no carer, is refused.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { fosterReviewReports, fosterReviews, meetingParticipants } from '../../db/schema';
import { inviteParticipant } from '../../meetings/commands/invite-participant';
import { fosterReviewFor, refuseFosterReviewWithoutCarer } from './schedule-review';
import { recordCarer } from './record-carer';
import { withTestDatabase } from '../../../../../tests/fixtures/database';
import { makeFosterDesk, TODAY } from '../../../../../tests/fixtures/foster-desk';

const suite = withTestDatabase(makeFosterDesk);

describe('scheduling a foster carer review', () => {
	it('opens the review: the reports in order, none asked, face to face three years on', async () => {
		const { db } = suite.handle;
		const meetingId = await suite.made.review();
		const [review] = await db
			.select()
			.from(fosterReviews)
			.where(eq(fosterReviews.meetingId, meetingId));
		expect(review).toMatchObject({ carerId: suite.made.carerId, faceToFace: true });
		const reports = await db
			.select()
			.from(fosterReviewReports)
			.where(eq(fosterReviewReports.meetingId, meetingId));
		expect(reports.map((r) => r.kind).sort()).toEqual(
			[
				'carer-view',
				'child-social-worker',
				'child-social-worker',
				'child-view',
				'child-view',
				'supervising-social-worker'
			].sort()
		);
		expect(reports.every((r) => r.requestedAt === null)).toBe(true);
		const people = await db
			.select({ role: meetingParticipants.role })
			.from(meetingParticipants)
			.where(eq(meetingParticipants.meetingId, meetingId));
		expect(people.map((p) => p.role)).toEqual(['chair']);
		const invited = await inviteParticipant({
			db,
			actorId: suite.made.admin.id,
			meetingId,
			userId: suite.made.parentId,
			name: null,
			role: 'parent',
			agencyId: null,
			voting: false,
			reportRequested: false
		}).catch((e: unknown) => e);
		expect(invited).toMatchObject({ status: 400, field: 'role' });
	});

	it('needs a carer of the unit with children placed, and only for this kind', async () => {
		const { db } = suite.handle;
		const { admin, otherChair, carerId } = suite.made;
		const asked = (props: Partial<Parameters<typeof fosterReviewFor>[0]>) =>
			fosterReviewFor({ db, user: admin, kind: 'foster-carer-review', carerId, ...props }).catch(
				(e: unknown) => e
			);
		expect(await asked({ carerId: undefined })).toMatchObject({ status: 400, field: 'carerId' });
		expect(await asked({ user: otherChair })).toMatchObject({ status: 400, field: 'carerId' });
		expect(await asked({ kind: 'core-group' })).toMatchObject({ status: 400, field: 'carerId' });
		expect(await asked({ kind: 'core-group', carerId: undefined })).toBeNull();
		const alone = await recordCarer({
			db,
			user: admin,
			today: TODAY,
			input: {
				names: 'Pat Jones',
				approvedOn: '2025-06-01',
				supervisingSocialWorkerName: 'Dee Walsh',
				supervisingSocialWorkerEmail: 'dee@fostering.example'
			}
		});
		expect(await asked({ carerId: alone!.id })).toMatchObject({
			message: expect.stringContaining('children placed')
		});
		expect(() => refuseFosterReviewWithoutCarer('foster-carer-review')).toThrow(/carer’s page/);
		expect(() => refuseFosterReviewWithoutCarer('core-group')).not.toThrow();
	});
});
