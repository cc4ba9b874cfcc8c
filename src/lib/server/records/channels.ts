/**
 * A meeting's live record travels on two channels, each its own Yjs document. `main` holds
 * everything everyone in the meeting may read; `restricted` holds third-party information
 * (`restricted:{participantId}` roots) and is only ever opened by connections whose role may
 * read it, so restricted words are never sent to a parent's or a child's socket (DESIGN §3).
 * The list of channels and their socket paths (`collabUrl`) are in src/lib/domain/vocabulary.ts.
 */
import { parseRootName } from '../../collab/roots';
import type { Channel } from '../../domain/vocabulary';

/** One of a meeting's channels (`main`, `restricted`, `notes`): the domain's word, kept here for the socket server. */
export type { Channel };

/** The socket path suffix of the notes channel, and the name of its one root (an XmlFragment). */
export const notesSuffix = '/notes';
export const notesRoot = 'notes';

/** The socket path suffix (and y-websocket room suffix) of the restricted channel. */
export const restrictedSuffix = '/restricted';

/** The channel a root lives on: `restricted:*` roots on the restricted one, all else on main. */
export function channelOfRoot(root: string): Channel {
	if (root === notesRoot) return 'notes';
	return parseRootName(root)?.kind === 'restricted' ? 'restricted' : 'main';
}

/** May this root exist on this channel at all (whoever writes it)? */
export function rootBelongsIn(root: string, channel: Channel): boolean {
	return channelOfRoot(root) === channel;
}

/** The key of one channel of one meeting in the registry of loaded channels. */
export function channelKey(meetingId: string, channel: Channel): string {
	return channel === 'main' ? meetingId : `${meetingId}/${channel}`;
}
