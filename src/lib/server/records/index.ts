/**
 * The record store: a meeting's live record as the database keeps it, for the socket server
 * (server/collab) and the app's own commands alike — both import it, it imports neither.
 *
 * - channels.ts: the record's two Yjs documents (`main`, `restricted`) and which root lives on which
 * - persistence.ts: loading a channel, the write-behind log, compaction, the channel's lock
 * - stored.ts: `readStoredRecord`, the live channel when one is loaded in this process, else the stored one
 * - authorship.ts: who owns each Yjs client id (collab_clients) and who wrote what
 * - events.ts: "this meeting changed", from the commands to the socket server
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
export { readStoredRecord, registerLiveChannels } from './stored';
export {
	authorshipOf,
	bindServerClient,
	clientOwnersOf,
	ClientOwners,
	paragraphWriters,
	type AuthoredRun
} from './authorship';
export { announceMeetingChanged, onMeetingChanged } from './events';
