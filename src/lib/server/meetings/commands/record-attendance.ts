import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db';
import { meetingParticipants } from '../../db/schema';
import { registerStates, type Attendance, type RegisterState } from '../../../domain/vocabulary';
import type { SessionUser } from '../../auth/session';
import { mayTakeRegister, registerIsOpen } from '../../../policy';
import { meetingForViewer } from '../queries';
import { audit } from '../../audit';
import { CommandError } from '../../command-error';
import { badInput } from '../../command-error';

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
	if (!current) throw badInput('participantId', 'That person is not invited to this meeting.');
	if (props.reportSharedWithParents && !props.reportReceived) {
		throw badInput(
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

const registerWords = registerStates.map((s) => `"${s}"`).join(', ');

/**
 * The register in the meeting (issue 21): the chair or minute-taker marks one person present in
 * the room or online, apologies (and whether they sent a report), absent or left early; a late
 * arrival is marked as such. Anyone else who may see the meeting is answered 404, like a stranger.
 */
export async function takeRegister(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	participantId: unknown;
	attendance: unknown;
	reportSent?: unknown;
	late?: unknown;
	now?: Date;
}): Promise<{ participantId: string; attendance: RegisterState; arrivedLate: boolean }> {
	const { db, user } = props;
	const found = await meetingForViewer({ db, user, meetingId: props.meetingId });
	const facts = found && { viewer: user, meeting: found.meeting, participant: found.me };
	if (!found || !facts || !mayTakeRegister(facts))
		throw new CommandError(404, 'No meeting with that id whose register you take.');
	if (!registerIsOpen(found.meeting.status))
		throw new CommandError(
			409,
			found.meeting.status === 'scheduled'
				? 'The register is taken once the meeting has started.'
				: 'This meeting was cancelled, so it has no register.'
		);
	const person =
		typeof props.participantId === 'string'
			? found.participants.find((p) => p.id === props.participantId)
			: undefined;
	if (!person)
		throw new CommandError(
			400,
			'participantId must be the id of someone invited to this meeting (see "participants" in GET /api/meetings/{id}).'
		);
	if (!(registerStates as readonly unknown[]).includes(props.attendance))
		throw new CommandError(400, `attendance must be one of ${registerWords}.`);
	const attendance = props.attendance as RegisterState;
	if (props.reportSent !== undefined && typeof props.reportSent !== 'boolean')
		throw new CommandError(400, 'reportSent must be true or false.');
	if (props.late !== undefined && typeof props.late !== 'boolean')
		throw new CommandError(400, 'late must be true or false.');
	const [row] = await db
		.select()
		.from(meetingParticipants)
		.where(eq(meetingParticipants.id, person.id));
	const arrivedLate =
		attendance === 'present' || attendance === 'present-online'
			? ((props.late as boolean | undefined) ?? row.arrivedLate)
			: attendance === 'left-early'
				? row.arrivedLate
				: false;
	const report =
		props.reportSent === undefined
			? {}
			: props.reportSent
				? { reportReceivedAt: row.reportReceivedAt ?? props.now ?? new Date() }
				: { reportReceivedAt: null, reportSharedWithParents: false };
	await db
		.update(meetingParticipants)
		.set({ attendance, arrivedLate, ...report })
		.where(eq(meetingParticipants.id, person.id));
	await audit({
		db,
		userId: user.id,
		action: 'attendance',
		targetType: 'meeting',
		targetId: props.meetingId,
		detail: { participantId: person.id, attendance, arrivedLate }
	});
	return { participantId: person.id, attendance, arrivedLate };
}
