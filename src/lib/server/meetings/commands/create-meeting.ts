import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import type { Database } from '../../db';
import {
	children,
	families,
	meetingChildren,
	meetingParticipants,
	meetings,
	users,
	type Meeting
} from '../../db/schema';
import type { MeetingKind } from '../../../domain/vocabulary';
import type { SessionUser } from '../../auth/session';
import { audit } from '../../audit';
import { storableText } from '../../db/storable';
import { typedYearProblem } from '../../../domain/calendar-date';

export class MeetingInputError extends Error {
	constructor(
		readonly field: string,
		message: string
	) {
		super(message);
	}
}

/**
 * Schedules a meeting of a kind for one child or a sibling group, in the scheduler's unit, with
 * its chair invited. Links the latest earlier meeting about the same children, so a review can
 * start from it.
 */
export async function createMeeting(props: {
	db: Database;
	scheduler: SessionUser;
	kind: MeetingKind;
	title: string;
	scheduledAt: Date;
	childIds: string[];
	chairId: string;
}): Promise<Meeting> {
	const { db, scheduler } = props;
	// The UK is on GMT at both ends of a year, so the UTC year is the year in the room.
	const dateProblem = Number.isNaN(props.scheduledAt.getTime())
		? 'Enter a real date.'
		: typedYearProblem(props.scheduledAt.getUTCFullYear());
	if (dateProblem) throw new MeetingInputError('date', dateProblem);
	if (!scheduler.unitId)
		throw new MeetingInputError(
			'form',
			'Your account is not part of a unit, so it cannot schedule meetings.'
		);
	if (props.childIds.length === 0)
		throw new MeetingInputError('childIds', 'Choose at least one child.');
	const kids = await db
		.select({ id: children.id, familyId: children.familyId })
		.from(children)
		.innerJoin(families, eq(families.id, children.familyId))
		.where(and(inArray(children.id, props.childIds), eq(families.unitId, scheduler.unitId)));
	if (kids.length !== new Set(props.childIds).size)
		throw new MeetingInputError(
			'childIds',
			'One of the children chosen is not known to your unit.'
		);
	const [chair] = await db
		.select()
		.from(users)
		.where(
			and(eq(users.id, props.chairId), eq(users.unitId, scheduler.unitId), eq(users.role, 'chair'))
		);
	if (!chair) throw new MeetingInputError('chairId', 'Choose a chair from your unit.');

	const meeting = await db.transaction(async (tx) => {
		const [previous] = await tx
			.select({ id: meetings.id })
			.from(meetings)
			.innerJoin(meetingChildren, eq(meetingChildren.meetingId, meetings.id))
			.where(
				and(
					inArray(meetingChildren.childId, props.childIds),
					lt(meetings.scheduledAt, props.scheduledAt)
				)
			)
			.orderBy(desc(meetings.scheduledAt))
			.limit(1);
		const [created] = await tx
			.insert(meetings)
			.values({
				unitId: scheduler.unitId,
				kind: props.kind,
				title: storableText(props.title),
				scheduledAt: props.scheduledAt,
				chairId: chair.id,
				previousMeetingId: previous?.id ?? null
			})
			.returning();
		await tx
			.insert(meetingChildren)
			.values(props.childIds.map((childId) => ({ meetingId: created.id, childId })));
		await tx
			.insert(meetingParticipants)
			.values({ meetingId: created.id, userId: chair.id, name: chair.name, role: 'chair' });
		return created;
	});
	await audit({
		db,
		userId: scheduler.id,
		action: 'schedule',
		targetType: 'meeting',
		targetId: meeting.id,
		detail: { kind: props.kind }
	});
	return meeting;
}
