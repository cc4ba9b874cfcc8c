import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db';
import { meetingParticipants, type MeetingParticipant } from '../../db/schema';
import { audit } from '../../audit';
import { queueInvitation } from '../../mail/invitations';
import { badInput } from '../../command-error';
import { agencyForMeeting } from '../invitees';

/**
 * Puts an agency's team mailbox on a meeting's list (issue 22): the school office, the GP
 * practice, the emergency duty team. It is written to at the agency's shared address, reads as a
 * professional (the professionals' copy), is never sent a link to set up an account and never
 * votes. The agency must be one the meeting's unit sees and must have an address.
 */
export async function inviteMailbox(props: {
	db: Database;
	actorId: string;
	meetingId: string;
	agencyId: string;
}): Promise<MeetingParticipant> {
	const { db } = props;
	const agency = await agencyForMeeting(db, props.meetingId, props.agencyId);
	if (!agency.email)
		throw badInput(
			'agencyId',
			`${agency.name} has no team address on the unit’s list: add one on the agencies page first.`
		);
	const [already] = await db
		.select({ id: meetingParticipants.id })
		.from(meetingParticipants)
		.where(
			and(
				eq(meetingParticipants.meetingId, props.meetingId),
				eq(meetingParticipants.agencyId, agency.id),
				eq(meetingParticipants.mailbox, true)
			)
		);
	if (already) throw badInput('agencyId', `${agency.name}’s mailbox is already on the list.`);
	const [row] = await db
		.insert(meetingParticipants)
		.values({
			meetingId: props.meetingId,
			userId: null,
			name: agency.name,
			email: agency.email,
			role: 'professional',
			agencyId: agency.id,
			mailbox: true,
			voting: false,
			reportRequested: false
		})
		.returning();
	await audit({
		db,
		userId: props.actorId,
		action: 'invite',
		targetType: 'meeting',
		targetId: props.meetingId,
		detail: { participantId: row.id, role: 'professional', mailbox: true }
	});
	await queueInvitation({ db, participantId: row.id });
	return row;
}
