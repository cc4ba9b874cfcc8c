import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import {
	agencies,
	children,
	meetingChildren,
	meetingParticipants,
	meetings,
	type Meeting,
	type MeetingParticipant
} from '../db/schema';
import type { SessionUser } from '../auth/session';
import { effectiveMeetingRole, meetingAccess, type MeetingAccess } from '../../policy';
import type { MeetingRole } from '../../domain/vocabulary';

export interface MeetingSummary {
	id: string;
	kind: Meeting['kind'];
	title: string;
	status: Meeting['status'];
	scheduledAt: string;
	children: { id: string; name: string }[];
}

export interface ParticipantView {
	id: string;
	userId: string | null;
	name: string;
	role: MeetingParticipant['role'];
	/** The language an interpreter interprets (issue 26); null for everyone else. */
	language: string | null;
	agency: string | null;
	/** The agency's kind (police, social-care…), for the quorum; null without an agency. */
	agencyKind: string | null;
	voting: boolean;
	attendance: MeetingParticipant['attendance'];
	/** Marked as arriving after the register was taken. */
	arrivedLate: boolean;
	reportRequested: boolean;
	reportReceived: boolean;
	reportSharedWithParents: boolean;
}

export interface MeetingForViewer {
	meeting: Meeting;
	children: { id: string; name: string }[];
	participants: ParticipantView[];
	access: Exclude<MeetingAccess, 'none'>;
	/** The viewer's own participant row, if invited. */
	me: ParticipantView | null;
	/** The part the viewer plays in this meeting's record. */
	role: MeetingRole;
}

export async function childrenOf(db: Database, meetingIds: string[]) {
	if (meetingIds.length === 0) return new Map<string, { id: string; name: string }[]>();
	const rows = await db
		.select({ meetingId: meetingChildren.meetingId, id: children.id, name: children.name })
		.from(meetingChildren)
		.innerJoin(children, eq(children.id, meetingChildren.childId))
		.where(inArray(meetingChildren.meetingId, meetingIds))
		.orderBy(asc(children.name));
	const byMeeting = new Map<string, { id: string; name: string }[]>();
	for (const row of rows) {
		const list = byMeeting.get(row.meetingId) ?? [];
		list.push({ id: row.id, name: row.name });
		byMeeting.set(row.meetingId, list);
	}
	return byMeeting;
}

/**
 * The names (and the names they like) of these children, by name, with their own accounts: for
 * the family's title, which says "you" to a child reading it.
 */
export async function childNames(db: Database, childIds: string[]) {
	if (childIds.length === 0) return [];
	return db
		.select({
			name: children.name,
			preferredName: children.preferredName,
			accountId: children.accountId
		})
		.from(children)
		.where(inArray(children.id, childIds))
		.orderBy(children.name);
}

/**
 * Someone invited to this meeting without an account but with an address (who may be sent a new
 * set-up link), or null.
 */
export async function personAwaitingAccount(props: {
	db: Database;
	meetingId: string;
	participantId: string;
}): Promise<{ id: string; name: string } | null> {
	const [person] = await props.db
		.select({ id: meetingParticipants.id, name: meetingParticipants.name })
		.from(meetingParticipants)
		.where(
			and(
				eq(meetingParticipants.id, props.participantId),
				eq(meetingParticipants.meetingId, props.meetingId),
				isNull(meetingParticipants.userId),
				isNotNull(meetingParticipants.email)
			)
		);
	return person ?? null;
}

export function summarise(meeting: Meeting, kids: { id: string; name: string }[]): MeetingSummary {
	return {
		id: meeting.id,
		kind: meeting.kind,
		title: meeting.title,
		status: meeting.status,
		scheduledAt: meeting.scheduledAt.toISOString(),
		children: kids
	};
}

/**
 * The meetings a person may see: chairs and admins see their unit's; everyone else only
 * the meetings they are invited to. Managers see none here (their dashboards are aggregate).
 */
export async function visibleMeetings(props: {
	db: Database;
	user: SessionUser;
}): Promise<MeetingSummary[]> {
	const { db, user } = props;
	let rows: Meeting[];
	if ((user.role === 'chair' || user.role === 'admin') && user.unitId) {
		const invited = db
			.select({ id: meetingParticipants.meetingId })
			.from(meetingParticipants)
			.where(eq(meetingParticipants.userId, user.id));
		const unitRows = await db.select().from(meetings).where(eq(meetings.unitId, user.unitId));
		const invitedRows = await db.select().from(meetings).where(inArray(meetings.id, invited));
		const byId = new Map([...unitRows, ...invitedRows].map((m) => [m.id, m]));
		rows = [...byId.values()];
	} else {
		rows = await db
			.select({ meeting: meetings })
			.from(meetings)
			.innerJoin(meetingParticipants, eq(meetingParticipants.meetingId, meetings.id))
			.where(eq(meetingParticipants.userId, user.id))
			.then((r) => r.map((x) => x.meeting));
	}
	rows.sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
	const kids = await childrenOf(
		db,
		rows.map((m) => m.id)
	);
	return rows.map((m) => summarise(m, kids.get(m.id) ?? []));
}

/** One meeting as the viewer may see it, or null when they may not (callers answer 404). */
export async function meetingForViewer(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
}): Promise<MeetingForViewer | null> {
	const { db, user, meetingId } = props;
	if (!/^[0-9a-f-]{36}$/i.test(meetingId)) return null;
	const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
	if (!meeting) return null;
	const participantRows = await db
		.select({
			participant: meetingParticipants,
			agency: agencies.name,
			agencyKind: agencies.kind
		})
		.from(meetingParticipants)
		.leftJoin(agencies, eq(agencies.id, meetingParticipants.agencyId))
		.where(eq(meetingParticipants.meetingId, meetingId))
		.orderBy(asc(meetingParticipants.name));
	const participants: ParticipantView[] = participantRows.map(
		({ participant: p, agency, agencyKind }) => ({
			id: p.id,
			userId: p.userId,
			name: p.name,
			role: p.role,
			language: p.language,
			agency,
			agencyKind,
			voting: p.voting,
			attendance: p.attendance,
			arrivedLate: p.arrivedLate,
			reportRequested: p.reportRequested,
			reportReceived: p.reportReceivedAt !== null,
			reportSharedWithParents: p.reportSharedWithParents
		})
	);
	const me = participants.find((p) => p.userId === user.id) ?? null;
	const facts = {
		viewer: { id: user.id, role: user.role, unitId: user.unitId },
		meeting,
		participant: me
	};
	const access = meetingAccess(facts);
	const role = effectiveMeetingRole(facts);
	if (access === 'none' || role === null) return null;
	const kids = (await childrenOf(db, [meetingId])).get(meetingId) ?? [];
	return { meeting, children: kids, participants, access, me, role };
}
