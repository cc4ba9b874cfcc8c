/**
 * The demo's foster carers (issue 25): Alex and Sam Carter, with Tyler placed, whose annual review
 * is arranged for ten days from now — Tyler's social worker's report was asked a fortnight ago,
 * due three days ago and is late; the supervising social worker's waits for it. And Pat Jones,
 * approved nearly three years ago with no child placed now, whose next review (the face-to-face
 * one) falls due next month. Idempotent: fixed ids.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import {
	fosterCarers,
	fosterPlacements,
	fosterReviewReports,
	fosterReviews,
	meetingChildren,
	meetingParticipants,
	meetings
} from '../../src/lib/server/db/schema';
import { addDays, addMonths, calendarDateOf } from '../../src/lib/domain/calendar-date';
import { isFaceToFace } from '../../src/lib/domain/foster-carer-review';
import { demoIds, demoUserIds, id } from './demo-ids';

const DAY = 86_400_000;

export const demoFosterIds = {
	reids: id(2501),
	jones: id(2502),
	review: id(2503),
	/** The review's reports, in order: Tyler's social worker's (late), the supervising social
	 * worker's (waiting), the carers' view (asked, not due yet), Tyler's view (not asked). */
	reports: [id(2504), id(2505), id(2506), id(2507)]
};

export async function seedDemoFosterCarers(props: { db: Database; today: Date }): Promise<void> {
	const { db, today } = props;
	const [existing] = await db
		.select({ id: fosterCarers.id })
		.from(fosterCarers)
		.where(eq(fosterCarers.id, demoFosterIds.reids));
	if (existing) return;
	const day = calendarDateOf(today);
	const reids = {
		id: demoFosterIds.reids,
		unitId: demoIds.unit,
		names: 'Alex and Sam Carter',
		approvedOn: addMonths(day, -47),
		supervisingSocialWorkerName: 'Dee Walsh',
		supervisingSocialWorkerEmail: 'dee.walsh@fostering.demo.test',
		lastReviewOn: addMonths(addDays(day, 10), -12),
		lastFaceToFaceOn: addMonths(addDays(day, 10), -24),
		createdBy: demoUserIds.admin
	};
	const at = new Date(today.getTime() + 10 * DAY);
	at.setUTCHours(10, 0, 0, 0);
	const asked = new Date(today.getTime() - 14 * DAY);
	await db.transaction(async (tx) => {
		await tx.insert(fosterCarers).values([
			reids,
			{
				id: demoFosterIds.jones,
				unitId: demoIds.unit,
				names: 'Pat Jones',
				approvedOn: addMonths(addDays(day, 30), -36),
				supervisingSocialWorkerName: 'Dee Walsh',
				supervisingSocialWorkerEmail: 'dee.walsh@fostering.demo.test',
				lastReviewOn: addMonths(addDays(day, 30), -12),
				lastFaceToFaceOn: null,
				createdBy: demoUserIds.admin
			}
		]);
		await tx.insert(fosterPlacements).values({
			carerId: reids.id,
			childId: demoIds.tyler,
			position: 0,
			socialWorkerName: 'Jo Mensah',
			socialWorkerEmail: 'jo.mensah@lambeth.demo.test'
		});
		await tx.insert(meetings).values({
			id: demoFosterIds.review,
			unitId: demoIds.unit,
			kind: 'foster-carer-review',
			title: 'Foster carer review',
			scheduledAt: at,
			chairId: demoUserIds.chair
		});
		await tx
			.insert(meetingChildren)
			.values({ meetingId: demoFosterIds.review, childId: demoIds.tyler });
		await tx.insert(meetingParticipants).values({
			meetingId: demoFosterIds.review,
			userId: demoUserIds.chair,
			name: 'Priya Shah',
			role: 'chair'
		});
		await tx.insert(fosterReviews).values({
			meetingId: demoFosterIds.review,
			carerId: reids.id,
			faceToFace: isFaceToFace(reids, calendarDateOf(at))
		});
		await tx.insert(fosterReviewReports).values([
			{
				id: demoFosterIds.reports[0],
				meetingId: demoFosterIds.review,
				kind: 'child-social-worker',
				childId: demoIds.tyler,
				requestedAt: asked,
				dueBy: addDays(day, -3),
				askedOfName: 'Jo Mensah',
				askedOfEmail: 'jo.mensah@lambeth.demo.test',
				requestedBy: demoUserIds.admin
			},
			{
				id: demoFosterIds.reports[1],
				meetingId: demoFosterIds.review,
				kind: 'supervising-social-worker'
			},
			{
				id: demoFosterIds.reports[2],
				meetingId: demoFosterIds.review,
				kind: 'carer-view',
				requestedAt: asked,
				dueBy: addDays(day, 3),
				askedOfName: 'Dee Walsh',
				askedOfEmail: 'dee.walsh@fostering.demo.test',
				requestedBy: demoUserIds.admin
			},
			{
				id: demoFosterIds.reports[3],
				meetingId: demoFosterIds.review,
				kind: 'child-view',
				childId: demoIds.tyler
			}
		]);
	});
}
