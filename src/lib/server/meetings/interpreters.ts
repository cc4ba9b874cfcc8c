/**
 * Interpreters (issue 26): a child who needs one has an interpreter in their first language on
 * the meeting's list, or the people who prepare the meeting are told nobody is booked yet (the
 * invitations say an interpreter is booked only once one is on the list).
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { children, meetingChildren, meetingParticipants } from '../db/schema';

/** A child of the meeting who needs an interpreter that nobody on the list interprets for yet. */
export interface InterpreterWanted {
	childId: string;
	childName: string;
	/** The child's first language as their record names it (null: not recorded). */
	language: string | null;
}

/**
 * The meeting's children who need an interpreter in a language no interpreter on the list
 * interprets (compared without regard to case or spaces), by name; empty when all are covered.
 */
export async function interpretersWanted(props: {
	db: Database;
	meetingId: string;
}): Promise<InterpreterWanted[]> {
	const { db, meetingId } = props;
	const needing = await db
		.select({ childId: children.id, childName: children.name, language: children.firstLanguage })
		.from(meetingChildren)
		.innerJoin(children, eq(children.id, meetingChildren.childId))
		.where(and(eq(meetingChildren.meetingId, meetingId), eq(children.interpreterNeeded, true)))
		.orderBy(asc(children.name));
	if (!needing.length) return [];
	const booked = await db
		.select({ language: meetingParticipants.language })
		.from(meetingParticipants)
		.where(
			and(eq(meetingParticipants.meetingId, meetingId), eq(meetingParticipants.role, 'interpreter'))
		);
	const key = (language: string) => language.trim().toLowerCase();
	const spoken = new Set(booked.flatMap((b) => (b.language ? [key(b.language)] : [])));
	// A child whose language is not recorded is covered by any interpreter: the record cannot say otherwise.
	return needing.filter((child) =>
		child.language ? !spoken.has(key(child.language)) : spoken.size === 0
	);
}
