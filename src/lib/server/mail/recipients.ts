/**
 * Who on a meeting's list can be written to, and at which address: a person's account email,
 * or, for someone named without an account, the address typed when they were invited
 * (`meeting_participants.email`). Someone named with neither is sent nothing, and nor is a
 * child with an account of their own (issue 27): it holds a username, not an address, and the
 * child reads their meeting in their space (/me).
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { meetingParticipants, users, type MeetingParticipant } from '../db/schema';

export interface MeetingRecipient {
	participantId: string;
	userId: string | null;
	email: string;
	role: MeetingParticipant['role'];
	attendance: MeetingParticipant['attendance'];
	reportRequested: boolean;
	reportReceived: boolean;
	/** An agency's team mailbox: sent the professionals' copy, never a set-up link. */
	mailbox: boolean;
}

/** Everyone on the meeting's list with an address, or only the one participant. */
export async function meetingRecipients(props: {
	db: Database;
	meetingId: string;
	participantId?: string;
}): Promise<MeetingRecipient[]> {
	const { db, meetingId } = props;
	const rows = await db
		.select({
			participant: meetingParticipants,
			accountEmail: users.email,
			accountRole: users.role
		})
		.from(meetingParticipants)
		.leftJoin(users, eq(users.id, meetingParticipants.userId))
		.where(
			and(
				eq(meetingParticipants.meetingId, meetingId),
				props.participantId ? eq(meetingParticipants.id, props.participantId) : undefined
			)
		);
	return rows.flatMap(({ participant: p, accountEmail, accountRole }) => {
		if (accountRole === 'child') return [];
		const email = accountEmail ?? p.email;
		return email ? [{ ...recipient(p), email }] : [];
	});
}

function recipient(p: MeetingParticipant): Omit<MeetingRecipient, 'email'> {
	return {
		participantId: p.id,
		userId: p.userId,
		role: p.role,
		attendance: p.attendance,
		reportRequested: p.reportRequested,
		reportReceived: p.reportReceivedAt !== null,
		mailbox: p.mailbox
	};
}
