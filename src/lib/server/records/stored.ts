/**
 * Reading a meeting's record outside a socket (document generators, pages, a review's
 * pre-fill): the live channel when a collaboration server in this process has it loaded, else
 * what is stored.
 */
import * as Y from 'yjs';
import type { Database } from '../db';
import { processState } from '../process-state';
import type { Channel } from './channels';
import { loadChannel } from './persistence';

/** What readStoredRecord needs of a collaboration server's loaded channels. */
export interface LiveChannels {
	readonly db: Database;
	/** The live channel if it is loaded now, else null. */
	liveChannel(meetingId: string, channel: Channel): Promise<Y.Doc | null>;
}

/**
 * Makes a collaboration server's loaded channels visible to readStoredRecord; returns the undo.
 * Kept in the process state: the socket server and the pages may run different copies of
 * this module.
 */
export function registerLiveChannels(source: LiveChannels): () => void {
	const sources = processState().liveChannels;
	sources.add(source);
	return () => sources.delete(source);
}

/** A copy of a channel: the caller may read or destroy it without touching the original. */
function copyChannel(doc: Y.Doc): Y.Doc {
	const copy = new Y.Doc();
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	return copy;
}

/**
 * A meeting's record as a Y.Doc of its own (the caller destroys it): a copy of the live
 * channel when a collaboration server on the same database has it loaded, otherwise loaded
 * from the database (snapshot + later updates). `channel` defaults to `main`; the
 * `restricted` one holds third-party information — never hand it to a parent's or child's view.
 */
export async function readStoredRecord(props: {
	db: Database;
	meetingId: string;
	channel?: Channel;
}): Promise<Y.Doc> {
	const { db, meetingId } = props;
	const channel = props.channel ?? 'main';
	for (const source of processState().liveChannels) {
		if (source.db !== db) continue;
		const live = await source.liveChannel(meetingId, channel);
		if (live) return copyChannel(live);
	}
	const doc = new Y.Doc();
	try {
		await loadChannel({ db, meetingId, channel, doc });
	} catch (error) {
		doc.destroy();
		throw error;
	}
	return doc;
}
