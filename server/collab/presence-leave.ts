/**
 * disconnect: a socket that leaves takes its people's carets and names with it, so nobody
 * is shown in the room after they have gone.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Disconnect } from './hooks';
import type { LiveChannel } from './registry';

/** The awareness client ids a socket spoke for. */
export interface PresentPeer {
	readonly awarenessClientIds: ReadonlySet<number>;
}

export const leavePresence: Disconnect<LiveChannel, PresentPeer> = {
	name: 'presence leaves',
	run(channel, peer) {
		if (peer.awarenessClientIds.size === 0) return;
		awarenessProtocol.removeAwarenessStates(channel.awareness, [...peer.awarenessClientIds], peer);
	}
};
