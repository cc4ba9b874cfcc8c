/**
 * The collaboration server, as one list (after Outline's `extensions: [...]`): each hook point
 * of ./hooks.ts and the steps it runs, in order. A new channel initialiser, check or
 * after-apply step is one file and one line here.
 */
import { authenticateUpgrade } from './authenticate';
import { broadcast, persist, relayToNodes, retryHeld } from './after-apply';
import { clientBinding } from './client-binding';
import { concernCheck } from './concern-check';
import { decisionCheck } from './decision-check';
import type {
	AfterApply,
	Authenticate,
	ChannelInitialiser,
	Disconnect,
	UpdateCheck
} from './hooks';
import { notesSeed } from './notes-seed';
import { planSeed } from './plan-seed';
import { leavePresence, type PresentPeer } from './presence-leave';
import { quotaCheck } from './quota-check';
import type { LiveChannel } from './registry';
import { reviewPrefill } from './server-writes';
import { gateCheck } from './write-rights';

export interface CollabHooks {
	authenticate: Authenticate;
	loadChannel: readonly ChannelInitialiser[];
	beforeApply: readonly UpdateCheck[];
	afterApply: readonly AfterApply<LiveChannel>[];
	disconnect: readonly Disconnect<LiveChannel, PresentPeer>[];
}

export const collabHooks: CollabHooks = {
	// Who is on the socket, and which channel of which meeting: the same session and policy as pages.
	authenticate: authenticateUpgrade,
	// After the record store's load, first load only: each may write the channel's first content.
	loadChannel: [planSeed, reviewPrefill, notesSeed],
	// Every incoming update, in this order; the first refusal closes the socket, nothing applied.
	beforeApply: [gateCheck, clientBinding, decisionCheck, concernCheck, quotaCheck],
	// Every applied update, from a socket, the server or another node.
	afterApply: [persist, broadcast, relayToNodes, retryHeld],
	// A socket leaves its channel (the channel unloads once its last socket has gone).
	disconnect: [leavePresence]
};
