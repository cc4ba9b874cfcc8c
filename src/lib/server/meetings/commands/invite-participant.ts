import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db';
import { meetingParticipants, users, type MeetingParticipant } from '../../db/schema';
import type { MeetingRole } from '../../db/schema/meetings';
import { audit } from '../../audit';
import { MeetingInputError } from './create-meeting';

/** Invites a person with an account, or names one without (a GP who only sends a report). */
export async function inviteParticipant(props: {
	db: Database;
	actorId: string;
	meetingId: string;
	userId: string | null;
	name: string | null;
	role: MeetingRole;
	agencyId: string | null;
	voting: boolean;
	reportRequested: boolean;
}): Promise<MeetingParticipant> {
	const { db } = props;
	let name = props.name?.trim() ?? '';
	let agencyId = props.agencyId;
	if (props.userId) {
		const [user] = await db.select().from(users).where(eq(users.id, props.userId));
		if (!user) throw new MeetingInputError('userId', 'Choose a person from the list.');
		const [already] = await db
			.select({ id: meetingParticipants.id })
			.from(meetingParticipants)
			.where(and(eq(meetingParticipants.meetingId, props.meetingId), eq(meetingParticipants.userId, user.id)));
		if (already) throw new MeetingInputError('userId', `${user.name} is already invited.`);
		name = user.name;
		agencyId ??= user.agencyId;
	}
	if (!name) throw new MeetingInputError('name', 'Choose a person, or type the name of someone without an account.');
	const [row] = await db
		.insert(meetingParticipants)
		.values({
			meetingId: props.meetingId,
			userId: props.userId,
			name,
			role: props.role,
			agencyId,
			voting: props.role === 'professional' && props.voting,
			reportRequested: props.reportRequested
		})
		.returning();
	await audit({ db, userId: props.actorId, action: 'invite', targetType: 'meeting', targetId: props.meetingId, detail: { participantId: row.id, role: props.role } });
	return row;
}
