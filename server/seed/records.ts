/**
 * Writes a meeting's live record for the demo data, as the people in it would have: each
 * change is made under its author's own Yjs client id, bound to their account, so the notes
 * can say who wrote what. Stored only when the meeting has no record yet (idempotent).
 */
import * as Y from 'yjs';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import { collabClients, collabUpdates, type RecordDocument } from '../../src/lib/server/db/schema';

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
	readonly docs: Record<RecordDocument, Y.Doc> = { main: new Y.Doc(), restricted: new Y.Doc() };
	readonly authors = new Map<number, string | null>();

	/** Makes a change as one person (null: the server), in the main or restricted document. */
	as(userId: string | null, change: (doc: Y.Doc) => void, document: RecordDocument = 'main'): this {
		const base = this.docs[document];
		const author = new Y.Doc();
		Y.applyUpdate(author, Y.encodeStateAsUpdate(base));
		change(author);
		Y.applyUpdate(base, Y.encodeStateAsUpdate(author, Y.encodeStateVector(base)));
		this.authors.set(author.clientID, userId);
		author.destroy();
		return this;
	}

	/** Stores the record unless the meeting already has one. Returns whether it wrote. */
	async store(props: { db: Database; meetingId: string }): Promise<boolean> {
		const { db, meetingId } = props;
		const existing = await db
			.select({ id: collabUpdates.id })
			.from(collabUpdates)
			.where(and(eq(collabUpdates.meetingId, meetingId), eq(collabUpdates.document, 'main')))
			.limit(1);
		if (existing.length > 0) return false;
		await db.transaction(async (tx) => {
			for (const document of ['main', 'restricted'] as const) {
				const doc = this.docs[document];
				if (doc.share.size === 0) continue;
				await tx.insert(collabUpdates).values({ meetingId, document, update: Y.encodeStateAsUpdate(doc) });
			}
			const rows = [...this.authors].map(([clientId, userId]) => ({ meetingId, clientId, userId }));
			if (rows.length) await tx.insert(collabClients).values(rows).onConflictDoNothing();
		});
		return true;
	}
}
