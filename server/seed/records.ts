/**
 * Writes a meeting's live record for the demo data, as the people in it would have: each
 * change is made under its author's own Yjs client id, bound to their account, so the notes
 * can say who wrote what. Stored only when nothing at all is stored for the meeting yet — no
 * log row and no snapshot, on either channel — so loading the demo again never touches a
 * record that exists, however it was edited or compacted since.
 */
import * as Y from 'yjs';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import { collabClients, collabSnapshots, collabUpdates } from '../../src/lib/server/db/schema';
import { channelLock, type Channel } from '../../src/lib/server/records';

/** Replaces a rich-text root's content with plain paragraphs (TipTap's paragraph nodes). */
export function writeParagraphs(fragment: Y.XmlFragment, paragraphs: string[]): void {
	fragment.delete(0, fragment.length);
	fragment.insert(
		0,
		paragraphs.map((text) => {
			const paragraph = new Y.XmlElement('paragraph');
			paragraph.insert(0, [new Y.XmlText(text)]);
			return paragraph;
		})
	);
}

export class SeedRecord {
	readonly docs: Record<Channel, Y.Doc> = {
		main: new Y.Doc(),
		restricted: new Y.Doc(),
		notes: new Y.Doc()
	};
	readonly authors = new Map<number, string | null>();

	/** Makes a change as one person (null: the server), on the main or restricted channel. */
	as(userId: string | null, change: (doc: Y.Doc) => void, channel: Channel = 'main'): this {
		const base = this.docs[channel];
		const author = new Y.Doc();
		Y.applyUpdate(author, Y.encodeStateAsUpdate(base));
		change(author);
		Y.applyUpdate(base, Y.encodeStateAsUpdate(author, Y.encodeStateVector(base)));
		this.authors.set(author.clientID, userId);
		author.destroy();
		return this;
	}

	/**
	 * Stores the record unless anything is stored for the meeting already (log rows or a
	 * snapshot, either channel). Returns whether it wrote. Checked and written under the main
	 * channel's advisory lock, as the server pre-fills a review, and in one statement over both
	 * tables, so a compaction moving rows into the snapshot meanwhile cannot hide them.
	 */
	async store(props: { db: Database; meetingId: string }): Promise<boolean> {
		const { db, meetingId } = props;
		return db.transaction(async (tx) => {
			await tx.execute(channelLock(meetingId, 'main'));
			const [{ stored }] = await tx
				.select({
					stored: sql<boolean>`exists (select 1 from ${collabUpdates} where ${collabUpdates.meetingId} = ${meetingId})
						or exists (select 1 from ${collabSnapshots} where ${collabSnapshots.meetingId} = ${meetingId})`
				})
				.from(sql`(select 1) as one`);
			if (stored) return false;
			for (const channel of ['main', 'restricted'] as const) {
				const doc = this.docs[channel];
				if (doc.share.size === 0) continue;
				await tx
					.insert(collabUpdates)
					.values({ meetingId, document: channel, update: Y.encodeStateAsUpdate(doc) });
			}
			const rows = [...this.authors].map(([clientId, userId]) => ({ meetingId, clientId, userId }));
			if (rows.length) await tx.insert(collabClients).values(rows).onConflictDoNothing();
			return true;
		});
	}
}
