/**
 * Who is asking about a meeting's voices: the meeting as they see it (null when it is not
 * theirs: answer 404) and the children of their own family among the meeting's children.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { children, familyMembers } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { meetingForViewer, type MeetingForViewer } from '../meetings/queries';
import { CommandError } from '../command-error';

export interface VoiceAccess {
	found: MeetingForViewer;
	/** The meeting's children whose family the viewer belongs to (a parent's own). */
	ownChildIds: Set<string>;
	/** The facts the policy's meeting rules take. */
	facts: {
		viewer: { id: string; role: SessionUser['role']; unitId: string | null };
		meeting: MeetingForViewer['meeting'];
		participant: MeetingForViewer['me'];
	};
}

export async function voiceAccess(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
}): Promise<VoiceAccess | null> {
	const { db, user } = props;
	const found = await meetingForViewer(props);
	if (!found) return null;
	const ids = found.children.map((child) => child.id);
	const own =
		user.role === 'parent' && ids.length > 0
			? await db
					.select({ id: children.id })
					.from(children)
					.innerJoin(familyMembers, eq(familyMembers.familyId, children.familyId))
					.where(and(inArray(children.id, ids), eq(familyMembers.userId, user.id)))
			: [];
	return {
		found,
		ownChildIds: new Set(own.map((row) => row.id)),
		facts: {
			viewer: { id: user.id, role: user.role, unitId: user.unitId },
			meeting: found.meeting,
			participant: found.me
		}
	};
}

/** The meeting has ended or was cancelled: its voices are closed (answer 409). */
export const voicesClosed = () =>
	new CommandError(409, 'This meeting has ended, so nothing more can be added to it.');
