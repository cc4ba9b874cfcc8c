import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db';
import { meetings, type Meeting } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { audit } from '../../audit';
import { storableText } from '../../db/storable';
import { mayChangeMeetingDate } from '../../../policy';
import { queueMeetingChange, raiseCalendarSequence } from '../../mail/invitations';
import { meetingForViewer } from '../queries';
import { readDateTime } from '../../../domain/date-time';
import { tooLong } from '../../../domain/text-limits';
import { CommandError } from '../../command-error';

/**
 * The new time: an instant as given, or a date-time as typed read strictly, so 30 February or
 * 24:00 is refused (400 naming `scheduledAt`), never moved to another day.
 */
export function instantOf(scheduledAt: Date | string): Date {
	if (scheduledAt instanceof Date) {
		if (Number.isNaN(scheduledAt.getTime()))
			throw new CommandError(400, 'Enter a real date and time.', 'scheduledAt');
		return scheduledAt;
	}
	const read = readDateTime(scheduledAt);
	if (!read.ok) throw new CommandError(400, read.problem, 'scheduledAt');
	return read.at;
}

async function changeableMeeting(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	reason: string;
}) {
	const { db, user, meetingId } = props;
	const found = await meetingForViewer({ db, user, meetingId });
	// Someone who may not change it is told nothing about it, as if it did not exist.
	if (
		!found ||
		!mayChangeMeetingDate({ viewer: user, meeting: found.meeting, participant: found.me })
	) {
		throw new CommandError(404, 'No meeting with that id that you may change.');
	}
	const reason = storableText(props.reason).trim();
	if (!reason)
		throw new CommandError(
			400,
			'Say why, so everyone invited knows: the reason is kept with the meeting.',
			'reason'
		);
	const long = tooLong(reason, 'reason', 'the reason');
	if (long) throw new CommandError(400, long, 'reason');
	if (found.meeting.status !== 'scheduled') {
		throw new CommandError(
			409,
			`This meeting is ${found.meeting.status === 'live' ? 'happening now' : found.meeting.status}, so it cannot be moved or cancelled.`
		);
	}
	return { found, reason };
}

/**
 * Moves a scheduled meeting to a new time: the calendar SEQUENCE is raised and everyone
 * invited with an account is sent an update with the calendar file (the same UID, so their
 * calendar moves the entry). The chair or the unit's business support only.
 */
export async function rescheduleMeeting(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	/** An instant, or a date-time as typed, read strictly (src/lib/domain/date-time.ts). */
	scheduledAt: Date | string;
	reason: string;
	now?: Date;
}): Promise<Meeting> {
	const { db, user, meetingId } = props;
	const { reason } = await changeableMeeting(props);
	const now = props.now ?? new Date();
	const scheduledAt = instantOf(props.scheduledAt);
	if (scheduledAt.getTime() <= now.getTime())
		throw new CommandError(400, 'Choose a time that has not passed yet.', 'scheduledAt');
	return db.transaction(async (tx) => {
		const [moved] = await tx
			.update(meetings)
			.set({ scheduledAt })
			.where(and(eq(meetings.id, meetingId), eq(meetings.status, 'scheduled')))
			.returning();
		if (!moved)
			throw new CommandError(
				409,
				'This meeting was started or changed by someone else a moment ago.'
			);
		await raiseCalendarSequence({ db: tx, meetingId, reason, at: now });
		await queueMeetingChange({ db: tx, meetingId, purpose: 'update' });
		await audit({
			db: tx,
			userId: user.id,
			action: 'reschedule',
			targetType: 'meeting',
			targetId: meetingId
		});
		return moved;
	});
}

/**
 * Cancels a scheduled meeting: its status becomes cancelled, the calendar SEQUENCE is raised
 * and everyone invited with an account is sent a cancellation (METHOD:CANCEL).
 */
export async function cancelMeeting(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	reason: string;
	now?: Date;
}): Promise<Meeting> {
	const { db, user, meetingId } = props;
	const { reason } = await changeableMeeting(props);
	return db.transaction(async (tx) => {
		const [cancelled] = await tx
			.update(meetings)
			.set({ status: 'cancelled' })
			.where(and(eq(meetings.id, meetingId), eq(meetings.status, 'scheduled')))
			.returning();
		if (!cancelled)
			throw new CommandError(
				409,
				'This meeting was started or changed by someone else a moment ago.'
			);
		await raiseCalendarSequence({ db: tx, meetingId, reason, at: props.now ?? new Date() });
		await queueMeetingChange({ db: tx, meetingId, purpose: 'cancellation' });
		await audit({
			db: tx,
			userId: user.id,
			action: 'cancel',
			targetType: 'meeting',
			targetId: meetingId
		});
		return cancelled;
	});
}
