/**
 * Who may open `/collab/{meetingId}/notes` and write in it: whoever may read the professionals'
 * notes may open it; business support and the chair write while the notes are a draft, the
 * chair alone while they are with the chair, nobody once they are final (src/lib/policy.ts).
 * A state change reconnects every socket of the meeting, so a socket's rights are those of the
 * notes' state when it opened.
 */
import type { Database } from '../../src/lib/server/db';
import type { MeetingRole } from '../../src/lib/domain/vocabulary';
import { mayReadNotes, mayWriteNotes } from '../../src/lib/policy';
import { latestNotes } from '../../src/lib/server/documents/notes-state';

export type NotesUpgrade =
	{ ok: true; mayWrite: boolean } | { ok: false; status: 403 | 404; message: string };

export async function notesUpgrade(props: {
	db: Database;
	meetingId: string;
	role: MeetingRole | null;
}): Promise<NotesUpgrade> {
	if (!mayReadNotes(props.role))
		return { ok: false, status: 403, message: 'The professionals’ notes are not shared with you.' };
	const notes = await latestNotes({ db: props.db, meetingId: props.meetingId });
	if (!notes)
		return { ok: false, status: 404, message: 'The notes are made when the meeting ends.' };
	return { ok: true, mayWrite: mayWriteNotes({ role: props.role, state: notes.state }) };
}
