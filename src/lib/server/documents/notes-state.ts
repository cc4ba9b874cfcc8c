/**
 * The professionals' notes of a meeting as they stand: their latest version (kind
 * `notes`) and its state. The collaboration server asks it when someone opens the notes
 * channel (who may write depends on the state); the notes commands and pages read it too.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { meetingDocuments, type StoredDocument } from '../db/schema';

/** The kind of the professionals' notes (every version; the family's copy is `notes-family`). */
export const notesKind = 'notes';
export const familyNotesKind = 'notes-family';

/** The latest version of the meeting's professionals' notes, or null before the meeting ended. */
export async function latestNotes(props: {
	db: Database;
	meetingId: string;
}): Promise<StoredDocument | null> {
	const [row] = await props.db
		.select()
		.from(meetingDocuments)
		.where(
			and(eq(meetingDocuments.meetingId, props.meetingId), eq(meetingDocuments.kind, notesKind))
		)
		.orderBy(desc(meetingDocuments.version))
		.limit(1);
	return row ?? null;
}

/** Every version of the meeting's notes and the family's copy, oldest first: the notes page's list. */
export async function notesVersions(props: { db: Database; meetingId: string }) {
	return props.db
		.select({
			id: meetingDocuments.id,
			kind: meetingDocuments.kind,
			version: meetingDocuments.version,
			state: meetingDocuments.state,
			createdAt: meetingDocuments.createdAt,
			approvedAt: meetingDocuments.approvedAt,
			correctionReason: meetingDocuments.correctionReason
		})
		.from(meetingDocuments)
		.where(
			and(
				eq(meetingDocuments.meetingId, props.meetingId),
				inArray(meetingDocuments.kind, [notesKind, familyNotesKind])
			)
		)
		.orderBy(asc(meetingDocuments.version), asc(meetingDocuments.kind));
}
