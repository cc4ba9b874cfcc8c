import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db';
import { meetingAdjournments, meetings, type Meeting } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { audit } from '../../audit';
import { storableText } from '../../db/storable';
import { canRunMeeting } from '../../../policy';
import { queueMeetingChange, raiseCalendarSequence } from '../../mail/invitations';
import { announceMeetingChanged } from '../../records';
import { meetingForViewer } from '../queries';
import { instantOf } from './change-meeting-date';
import { CommandError } from '../../command-error';
import { tooLong } from '../../../domain/text-limits';

/**
 * The chair adjourns a live meeting: it goes back to scheduled on the new date and keeps its
 * record (the same meeting, the same live record, continued when the chair starts it again).
 * As moving a meeting does, the calendar SEQUENCE is raised and everyone invited is sent an
 * update with the calendar file; the adjournment and its reason are kept; then the sockets are
 * told, so they reconnect with a scheduled meeting's rights (read-only but for each person's
 * own contribution), as ending a meeting does.
 */
export async function adjournMeeting(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	reason: string;
	/** An instant, or a date-time as typed, read strictly (src/lib/domain/date-time.ts). */
	scheduledAt: Date | string;
	now?: Date;
}): Promise<Meeting> {
	const { db, user, meetingId } = props;
	const now = props.now ?? new Date();
	const found = await meetingForViewer({ db, user, meetingId });
	if (!found || !canRunMeeting({ viewer: user, meeting: found.meeting, participant: found.me }))
		throw new CommandError(404, 'No meeting with that id that you chair.');
	const reason = storableText(props.reason ?? '').trim();
	if (!reason)
		throw new CommandError(
			400,
			'Say why the meeting is adjourned: everyone invited is told it continues on another day, and the reason is kept.',
			'reason'
		);
	const long = tooLong(reason, 'reason', 'the reason');
	if (long) throw new CommandError(400, long, 'reason');
	const scheduledAt =
		props.scheduledAt === ''
			? new Date(NaN)
			: props.scheduledAt instanceof Date
				? props.scheduledAt
				: instantOf(props.scheduledAt);
	if (Number.isNaN(scheduledAt.getTime()))
		throw new CommandError(400, 'Enter the date and time the meeting continues.', 'scheduledAt');
	if (scheduledAt.getTime() <= now.getTime())
		throw new CommandError(400, 'Choose a time that has not passed yet.', 'scheduledAt');
	if (found.meeting.status !== 'live')
		throw new CommandError(
			409,
			`This meeting is ${found.meeting.status}: only a meeting that is happening can be adjourned.`
		);
	const adjourned = await db.transaction(async (tx) => {
		const [moved] = await tx
			.update(meetings)
			.set({ status: 'scheduled', scheduledAt })
			.where(and(eq(meetings.id, meetingId), eq(meetings.status, 'live')))
			.returning();
		if (!moved)
			throw new CommandError(
				409,
				'This meeting was ended or changed by someone else a moment ago.'
			);
		await tx.insert(meetingAdjournments).values({
			meetingId,
			reason,
			adjournedBy: user.id,
			adjournedAt: now,
			previousScheduledAt: found.meeting.scheduledAt,
			continuesAt: scheduledAt
		});
		await raiseCalendarSequence({ db: tx, meetingId, reason, at: now });
		await queueMeetingChange({ db: tx, meetingId, purpose: 'update' });
		await audit({
			db: tx,
			userId: user.id,
			action: 'adjourn',
			targetType: 'meeting',
			targetId: meetingId
		});
		return moved;
	});
	// The sockets close and reconnect with the scheduled meeting's rights.
	announceMeetingChanged(meetingId);
	return adjourned;
}
