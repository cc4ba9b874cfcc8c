import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db';
import { meetingParticipants } from '../../db/schema';
import type { Attendance } from '../../../domain/vocabulary';
import { audit } from '../../audit';
import { MeetingInputError } from './create-meeting';

/** The register and report tracking for one participant: here or apologies, report received, report shared with parents beforehand. */
export async function recordAttendance(props: {
	db: Database;
	actorId: string;
	meetingId: string;
	participantId: string;
	attendance: Attendance;
	reportReceived: boolean;
	reportSharedWithParents: boolean;
	now?: Date;
}): Promise<void> {
	const { db } = props;
	const [current] = await db
		.select()
		.from(meetingParticipants)
		.where(
			and(
				eq(meetingParticipants.id, props.participantId),
				eq(meetingParticipants.meetingId, props.meetingId)
			)
		);
	if (!current)
		throw new MeetingInputError('participantId', 'That person is not invited to this meeting.');
	if (props.reportSharedWithParents && !props.reportReceived) {
		throw new MeetingInputError(
			'reportSharedWithParents',
			'A report can only be shared with the parents once it has arrived.'
		);
	}
	await db
		.update(meetingParticipants)
		.set({
			attendance: props.attendance,
			reportReceivedAt: props.reportReceived
				? (current.reportReceivedAt ?? props.now ?? new Date())
				: null,
			reportSharedWithParents: props.reportSharedWithParents
		})
		.where(eq(meetingParticipants.id, props.participantId));
	await audit({
		db,
		userId: props.actorId,
		action: 'attendance',
		targetType: 'meeting',
		targetId: props.meetingId,
		detail: { participantId: props.participantId, attendance: props.attendance }
	});
}
