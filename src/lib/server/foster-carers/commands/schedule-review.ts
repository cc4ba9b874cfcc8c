/**
 * Scheduling a foster carer review (issue 25) through `POST /api/meetings` with
 * `kind: 'foster-carer-review'` and `carerId`: the carer must be one of the unit's, with children
 * placed; the meeting is about those children (whatever `childIds` says). Once the meeting is
 * made, the review is opened: whether it is the three-yearly face-to-face review, and its reports
 * in order, none yet requested — each child's social worker's, the supervising social worker's,
 * the carer's view and each child's view. Birth parents are never invited to it.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import {
	fosterCarers,
	fosterReviewReports,
	fosterReviews,
	meetings,
	type Meeting
} from '../../db/schema';
import { badInput } from '../../command-error';
import { calendarDateOf } from '../../../domain/calendar-date';
import { isFaceToFace } from '../../../domain/foster-carer-review';
import type { MeetingKind, MeetingRole } from '../../../domain/vocabulary';
import { placedChildren, workableCarer } from '../carers';

/** What a foster carer review is scheduled for: its carer and the children placed. */
export interface FosterReviewLink {
	carerId: string;
	childIds: string[];
}

/**
 * For a foster carer review, the carer (`carerId`, required) and the children placed, who the
 * meeting is about; null for any other kind (which must not name a carer). Bad input names
 * `carerId` when it is missing, not the unit's, or the carer has no children placed.
 */
export async function fosterReviewFor(props: {
	db: Database;
	user: SessionUser;
	kind: MeetingKind;
	carerId: string | undefined;
}): Promise<FosterReviewLink | null> {
	const { db, user, kind, carerId } = props;
	if (kind !== 'foster-carer-review') {
		if (carerId !== undefined)
			throw badInput('carerId', 'Only a foster carer review is about a foster carer.');
		return null;
	}
	if (!carerId) throw badInput('carerId', 'Choose the foster carer this review is about.');
	const carer = await workableCarer(db, user, carerId);
	if (!carer) throw badInput('carerId', 'Choose a foster carer of your unit.');
	const placed = await placedChildren(db, carer.id);
	if (placed.length === 0)
		throw badInput(
			'carerId',
			'Record the children placed with the carer first: the review asks for their social workers’ reports.'
		);
	return { carerId: carer.id, childIds: placed.map((c) => c.childId) };
}

/** Opens the review for its meeting: the face-to-face flag and the reports, none yet asked. */
export async function openFosterReview(props: {
	db: Database;
	meeting: Meeting;
	link: FosterReviewLink;
}): Promise<void> {
	const { db, meeting, link } = props;
	const [carer] = await db.select().from(fosterCarers).where(eq(fosterCarers.id, link.carerId));
	const reviewOn = calendarDateOf(meeting.scheduledAt);
	await db.transaction(async (tx) => {
		await tx.insert(fosterReviews).values({
			meetingId: meeting.id,
			carerId: link.carerId,
			faceToFace: isFaceToFace(carer, reviewOn)
		});
		await tx.insert(fosterReviewReports).values([
			...link.childIds.map((childId) => ({
				meetingId: meeting.id,
				kind: 'child-social-worker' as const,
				childId
			})),
			{ meetingId: meeting.id, kind: 'supervising-social-worker' as const },
			{ meetingId: meeting.id, kind: 'carer-view' as const },
			...link.childIds.map((childId) => ({
				meetingId: meeting.id,
				kind: 'child-view' as const,
				childId
			}))
		]);
	});
}

/**
 * Birth parents are never invited to a foster carer review: inviting someone as a parent to one
 * is refused (400 naming `role`). Any other kind of meeting, or any other role, passes.
 */
export async function refuseParentAtFosterReview(
	db: Database,
	meetingId: string,
	role: MeetingRole
): Promise<void> {
	if (role !== 'parent') return;
	const [meeting] = await db
		.select({ kind: meetings.kind })
		.from(meetings)
		.where(eq(meetings.id, meetingId));
	if (meeting?.kind === 'foster-carer-review')
		throw badInput('role', 'Birth parents are not invited to a foster carer review.');
}

/**
 * The schedule form (/meetings/new) knows no carer: a foster carer review is scheduled from the
 * carer's page (/foster-carers/{id}), which names them. Refused there with where to go.
 */
export function refuseFosterReviewWithoutCarer(kind: MeetingKind): void {
	if (kind === 'foster-carer-review')
		throw badInput(
			'kind',
			'Schedule a foster carer review from the carer’s page, under Foster carers.'
		);
}
