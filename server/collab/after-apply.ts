/**
 * afterApply: what happens to every update once a loaded channel has applied it, whoever it
 * came from (a socket, the server's own writes, another node), in the assembly's order.
 */
import * as syncProtocol from 'y-protocols/sync';
import { messageSync } from '../../src/lib/collab/protocol';
import type { AfterApply } from './hooks';
import { encodeMessage, type LiveChannel } from './registry';

/** Into the write-behind log. What another node relayed is stored here too: if that node dies before its write, this node holds the only copy. */
export const persist: AfterApply<LiveChannel> = {
	name: 'persist',
	run: (channel, { update }) => channel.log.append(update)
};

/** To every peer but its sender (and to the sender too when it released held-back structs). */
export const broadcast: AfterApply<LiveChannel> = {
	name: 'broadcast',
	run(channel, { update, origin }) {
		const message = encodeMessage(messageSync, (encoder) =>
			syncProtocol.writeUpdate(encoder, update)
		);
		for (const peer of channel.peers)
			if (peer !== origin || channel.echoToSender) peer.send(message);
	}
};

/** To the other nodes with this channel open (REDIS_URL), unless it came from one of them. */
export const relayToNodes: AfterApply<LiveChannel> = {
	name: 'relay',
	run: (channel, { update, origin }) => channel.relayUpdate(update, origin)
};

/** Sockets holding back a sync step 2 for someone else's items try again. */
export const retryHeld: AfterApply<LiveChannel> = {
	name: 'retry held',
	run(channel) {
		for (const held of channel.waiting) held.retryHeld();
	}
};
