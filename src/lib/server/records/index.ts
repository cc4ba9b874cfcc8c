/**
 * The record store: a meeting's live record as the database keeps it, for the socket server
 * (server/collab) and the app's own commands alike — both import it, it imports neither.
 *
 * - channels.ts: the record's two Yjs documents (`main`, `restricted`) and which root lives on which
 * - persistence.ts: loading a channel, the write-behind log, compaction, the channel's lock
 * - stored.ts: `readStoredRecord`, the live channel when one is loaded in this process, else the stored one
 * - authorship.ts: who owns each Yjs client id (collab_clients) and who wrote what
 * - live.ts: the `LiveRecords` port a collaboration server implements (its loaded channels,
 *   "this meeting changed", "this meeting is ending"), so the store reaches the live record without importing the server
 */
export {
	channelKey,
	notesRoot,
	notesSuffix,
	restrictedSuffix,
	rootBelongsIn,
	type Channel
} from './channels';
export {
	channelLock,
	compactChannel,
	loadChannel,
	UpdateLog,
	writeBehindOf,
	type PersistenceOptions
} from './persistence';
export { readStoredRecord } from './stored';
export {
	authorshipOf,
	bindServerClient,
	clientOwnersOf,
	ClientOwners,
	paragraphWriters,
	type AuthoredRun
} from './authorship';
export {
	announceMeetingChanged,
	announceMeetingEnding,
	connectLiveRecords,
	type LiveRecords
} from './live';
