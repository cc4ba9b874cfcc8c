/**
 * The notes channel's first content: when `/collab/{meetingId}/notes` is opened for the first
 * time, the server writes the latest version of the draft notes (the document End meeting made)
 * into the `notes` root as TipTap paragraphs, lists and headings — once, under the channel's
 * advisory lock, so two nodes opening it at once seed it once. Bound to the server in
 * collab_clients, so no person can claim the seed's client id.
 */
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '../../src/lib/server/db';
import { collabSnapshots, collabUpdates } from '../../src/lib/server/db/schema';
import {
	bindServerClient,
	channelLock,
	clientOwnersOf,
	notesRoot
} from '../../src/lib/server/records';
import { latestNotes } from '../../src/lib/server/documents/notes-state';
import { seedNotesFragment } from '../../src/lib/documents/notes-fragment';

async function notesStored(db: Database, meetingId: string): Promise<boolean> {
	const [update] = await db
		.select({ id: collabUpdates.id })
		.from(collabUpdates)
		.where(and(eq(collabUpdates.meetingId, meetingId), eq(collabUpdates.document, 'notes')))
		.limit(1);
	if (update) return true;
	const [snapshot] = await db
		.select({ upToId: collabSnapshots.upToId })
		.from(collabSnapshots)
		.where(and(eq(collabSnapshots.meetingId, meetingId), eq(collabSnapshots.document, 'notes')));
	return snapshot !== undefined;
}

function randomClientId(): number {
	return crypto.getRandomValues(new Uint32Array(1))[0];
}

/**
 * Seeds the notes channel from the draft notes when nothing is stored for it yet. Returns the
 * update stored (apply it to the loaded channel), or null when another node seeded it first
 * (then load again) or there are no notes yet.
 */
export async function seedNotes(props: {
	db: Database;
	meetingId: string;
}): Promise<{ update: Uint8Array } | { update: null; storedByOther: boolean }> {
	const { db, meetingId } = props;
	const notes = await latestNotes({ db, meetingId });
	if (!notes) return { update: null, storedByOther: false };
	return db.transaction(async (tx) => {
		await tx.execute(channelLock(meetingId, 'notes'));
		if (await notesStored(tx, meetingId)) return { update: null, storedByOther: true };
		const owners = await clientOwnersOf({ db: tx, meetingId });
		let clientId = randomClientId();
		while (owners.has(clientId)) clientId = randomClientId();
		const scratch = new Y.Doc();
		scratch.clientID = clientId;
		try {
			scratch.transact(() => seedNotesFragment(scratch.getXmlFragment(notesRoot), notes.content));
			const update = Y.encodeStateAsUpdate(scratch);
			await bindServerClient({ db: tx, meetingId, clientId });
			await tx.insert(collabUpdates).values({ meetingId, document: 'notes', update });
			return { update };
		} finally {
			scratch.destroy();
		}
	});
}
