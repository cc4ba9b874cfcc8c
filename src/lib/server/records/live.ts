/**
 * The record store's port to whoever serves the live record: the `LiveRecords` interface is the
 * store's own, and a collaboration server implements it when it starts (server/collab/index.ts,
 * `createCollabServer`), connecting it here. The store calls out through the port and never
 * imports the socket server.
 *
 * A copy of this module that no server connected to (the SvelteKit bundle's, in production) is
 * given the same port by the production entry (src/lib/server/app-link.ts).
 */
import type * as Y from 'yjs';
import type { Database } from '../db';
import type { Channel } from './channels';

/** What the record store needs of a collaboration server. */
export interface LiveRecords {
	/** The database its channels are stored in: a reader on another database ignores them. */
	readonly db: Database;
	/** The live channel if it is loaded now, else null (after any final write of one unloading). */
	liveChannel(meetingId: string, channel: Channel): Promise<Y.Doc | null>;
	/**
	 * The meeting's status or people changed (started, ended, adjourned, notes approved): its
	 * sockets reconnect with the rights they have now, and a meeting that went live opens at its
	 * first section.
	 */
	meetingChanged(meetingId: string): void;
	/**
	 * An End of the meeting is running (its transaction is open): until the returned undo is
	 * called, a socket of the meeting that reconnects is held, then decided on what End committed,
	 * so nothing is written between the record End reads and its commit. The undo is called once,
	 * after the commit or the rollback.
	 */
	meetingEnding(meetingId: string): () => void;
}

const connected = new Set<LiveRecords>();

/** Connects a collaboration server to this copy of the record store; returns the undo. */
export function connectLiveRecords(port: LiveRecords): () => void {
	connected.add(port);
	return () => {
		connected.delete(port);
	};
}

/** The connected servers whose channels live on this database. */
export function liveRecordsOn(db: Database): LiveRecords[] {
	return [...connected].filter((port) => port.db === db);
}

/** Tells every connected collaboration server that a meeting changed. */
export function announceMeetingChanged(meetingId: string): void {
	for (const port of connected) port.meetingChanged(meetingId);
}

/**
 * Tells every connected collaboration server that an End of the meeting is running; returns
 * the call that says it is over (committed or rolled back), to be called once.
 */
export function announceMeetingEnding(meetingId: string): () => void {
	const undos = [...connected].map((port) => port.meetingEnding(meetingId));
	return () => {
		for (const undo of undos.splice(0)) undo();
	};
}
