/**
 * The notes channel's first content: when `/collab/{meetingId}/notes` is opened for the first
 * time, the server writes the latest version of the draft notes (the document End meeting made)
 * into the `notes` root as TipTap paragraphs, lists and headings — once, under the channel's
 * advisory lock, so two nodes opening it at once seed it once. Bound to the server in
 * collab_clients, so no person can claim the seed's client id.
 */
import type { Database } from '../../src/lib/server/db';
import { notesRoot } from '../../src/lib/server/records';
import { latestNotes } from '../../src/lib/server/documents/notes-state';
import { seedNotesFragment } from '../../src/lib/documents/notes-fragment';
import { seedChannelOnce, type SeedResult } from './seed-once';
import type { ChannelInitialiser } from './hooks';

/**
 * Seeds the notes channel from the draft notes when nothing is stored for it yet. Returns the
 * update stored (apply it to the loaded channel), or null when another node seeded it first
 * (then load again) or there are no notes yet.
 */
export async function seedNotes(props: { db: Database; meetingId: string }): Promise<SeedResult> {
	const { db, meetingId } = props;
	const notes = await latestNotes({ db, meetingId });
	if (!notes) return { update: null, storedByOther: false };
	return seedChannelOnce({
		db,
		meetingId,
		channel: 'notes',
		write: (doc) => {
			doc.transact(() => seedNotesFragment(doc.getXmlFragment(notesRoot), notes.content));
			return true;
		}
	});
}

/** loadChannel: the notes channel starts from the draft notes End meeting made. */
export const notesSeed: ChannelInitialiser = {
	name: 'notes seed',
	run: async ({ db, meetingId, channel }) =>
		channel === 'notes' ? seedNotes({ db, meetingId }) : null
};
