/**
 * Reading a meeting's record outside a socket (document generators, pages, a review's
 * pre-fill): the live document when this process has it loaded, else what is stored.
 */
import * as Y from 'yjs';
import type { Database } from '../../src/lib/server/db';
import type { RecordDocument } from './documents';
import { loadRecord } from './persistence';

/** What readStoredRecord needs of a collaboration server's loaded records. */
export interface LiveDocuments {
	readonly db: Database;
	/** The live document if it is loaded now, else null. */
	liveDocument(meetingId: string, document: RecordDocument): Promise<Y.Doc | null>;
}

// On globalThis, like the meeting events: the SvelteKit bundle and the production entry load
// separate copies of this module but must see the same loaded records.
const SHARED = Symbol.for('roundtable.liveDocuments');

function sources(): Set<LiveDocuments> {
	const holder = globalThis as { [SHARED]?: Set<LiveDocuments> };
	holder[SHARED] ??= new Set();
	return holder[SHARED];
}

/** Makes a collaboration server's loaded records visible to readStoredRecord; returns the undo. */
export function registerLiveDocuments(source: LiveDocuments): () => void {
	sources().add(source);
	return () => sources().delete(source);
}

/** A copy of a document: the caller may read or destroy it without touching the original. */
export function copyDocument(doc: Y.Doc): Y.Doc {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	return copy;
}

/**
 * A meeting's record as a Y.Doc of its own (the caller destroys it): a copy of the live
 * document when a collaboration server on the same database has it loaded, otherwise loaded
 * from the database (snapshot + later updates). `document` defaults to `main`; the
 * `restricted` one holds third-party information — never hand it to a parent's or child's view.
 */
export async function readStoredRecord(props: { db: Database; meetingId: string; document?: RecordDocument }): Promise<Y.Doc> {
	const { db, meetingId } = props;
	const document = props.document ?? 'main';
	for (const source of sources()) {
		if (source.db !== db) continue;
		const live = await source.liveDocument(meetingId, document);
		if (live) return copyDocument(live);
	}
	const doc = new Y.Doc();
	try {
		await loadRecord({ db, meetingId, document, doc });
	} catch (error) {
		doc.destroy();
		throw error;
	}
	return doc;
}
