/**
 * Reading a meeting's record outside a socket (document generators, pages, a review's
 * pre-fill): the live channel when a collaboration server in this process has it loaded, else
 * what is stored.
 */
import * as Y from 'yjs';
import type { Database } from '../db';
import type { Channel } from './channels';
import { liveRecordsOn } from './live';
import { loadChannel } from './persistence';

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
	/** The database the channels belong to: a collaboration server on it is asked first. */
	db: Database;
	/** A transaction of that database to read what is stored in (default: `db` itself). */
	tx?: Database;
	meetingId: string;
	channel?: Channel;
}): Promise<Y.Doc> {
	const { db, meetingId } = props;
	const channel = props.channel ?? 'main';
	for (const source of liveRecordsOn(db)) {
		const live = await source.liveChannel(meetingId, channel);
		if (live) return copyChannel(live);
	}
	const doc = new Y.Doc();
	try {
		await loadChannel({ db: props.tx ?? db, meetingId, channel, doc });
	} catch (error) {
		doc.destroy();
		throw error;
	}
	return doc;
}
