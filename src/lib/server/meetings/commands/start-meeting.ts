import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db';
import { meetings, type Meeting } from '../../db/schema';
import type { SessionUser } from '../../auth/session';
import { audit } from '../../audit';
import { canRunMeeting } from '../../../policy';
import { announceMeetingChanged } from '../../records';
import { meetingForViewer } from '../queries';
import { previousMeetingWithActions } from '../../actions';
import { CommandError } from '../../command-error';

/**
 * The chair's "Start meeting", for the meeting page's action and the API alike: only the chair
 * may start it, and only when it is scheduled; scheduled → live in one conditional update (a
 * second start finds it live and is refused), audited, then announced, so the sockets reconnect
 * with the live meeting's rights and the record opens at its first section.
 */
export async function startMeeting(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	now?: Date;
}): Promise<Meeting> {
	const { db, user, meetingId } = props;
	const found = await meetingForViewer({ db, user, meetingId });
	if (!found) throw new CommandError(404, 'No meeting with that id that you are invited to.');
	if (!canRunMeeting({ viewer: user, meeting: found.meeting, participant: found.me })) {
		throw new CommandError(403, 'Only the chair of this meeting can start it.');
	}
	if (found.meeting.status !== 'scheduled') {
		throw new CommandError(
			409,
			`This meeting is ${found.meeting.status}, so it cannot be started.`
		);
	}
	// The next meeting about the child opens with the actions of the one before and their
	// progress (the collaboration server carries them into the record's plan).
	const previousMeetingId =
		found.meeting.previousMeetingId ?? (await previousMeetingWithActions({ db, meetingId }));
	const [started] = await db
		.update(meetings)
		.set({ status: 'live', startedAt: props.now ?? new Date(), previousMeetingId })
		.where(and(eq(meetings.id, meetingId), eq(meetings.status, 'scheduled')))
		.returning();
	if (!started)
		throw new CommandError(
			409,
			'This meeting was started or changed by someone else a moment ago.'
		);
	await audit({ db, userId: user.id, action: 'start', targetType: 'meeting', targetId: meetingId });
	announceMeetingChanged(meetingId);
	return started;
}
