/**
 * Fan-out between nodes, through Redis pub/sub (only with REDIS_URL; this module, and ioredis,
 * are loaded by nothing else). Each node subscribes to the channels it has loaded, one Redis
 * channel per channel of a meeting, and publishes there the updates its own sockets applied and
 * its own sockets' presence; a node that loads a channel asks the others for what it lacks
 * (their state as a diff against its state vector, and their presence). "This meeting changed"
 * "this meeting is ending" and "these sessions ended" go to every node on one events channel. PostgreSQL stays the one
 * durable store: Redis carries nothing that is not also written there (docs/collaboration.md,
 * More than one node).
 */
import { randomBytes } from 'node:crypto';
import type { SessionsEnded } from '../../src/lib/server/auth/events';

import type { relayed } from './relay-kinds';

/** What travels on a channel's Redis channel (./relay-kinds.ts). */
export type RelayKind = (typeof relayed)[keyof typeof relayed];

export type RelayEvent =
	| { type: 'meeting-changed'; meetingId: string }
	/** An End of the meeting began (`ending: true`) or is over, committed or rolled back. */
	| { type: 'meeting-ending'; meetingId: string; ending: boolean }
	| { type: 'sessions-ended'; ended: SessionsEnded };

/** One loaded channel as the relay sees it. */
export interface RelayedChannel {
	/** Another node's update, presence, or hello (its state vector). */
	receive(kind: RelayKind, payload: Uint8Array): void;
	/** The subscription was lost and is back: say hello again, so others resend what was missed. */
	resync(): void;
}

export interface NodeRelay {
	/** Starts hearing one channel (registry key); resolves once subscribed. */
	join(key: string, channel: RelayedChannel): Promise<void>;
	leave(key: string): void;
	publish(key: string, kind: RelayKind, payload: Uint8Array): void;
	publishEvent(event: RelayEvent): void;
	onEvent(listener: (event: RelayEvent) => void): void;
	close(): Promise<void>;
}

const prefix = 'roundtable:collab:';
const eventsChannel = 'roundtable:events';
const NODE_ID_BYTES = 8;
/** Longest a loading channel waits for its subscription, in ms. */
const JOIN_WAIT_MS = 2_000;
/** After Redis comes back, each channel says hello again after this long too, in ms. */
const RESYNC_AGAIN_MS = 1_000;

/** Connects to Redis (two connections: one publishes, one listens). */
export async function createRedisRelay(props: {
	url: string;
	onError?: (error: unknown) => void;
}): Promise<NodeRelay> {
	const { Redis } = await import('ioredis');
	const node = randomBytes(NODE_ID_BYTES);
	const nodeHex = node.toString('hex');
	const options = { maxRetriesPerRequest: null, enableAutoPipelining: true, lazyConnect: true };
	const publisher = new Redis(props.url, options);
	const subscriber = new Redis(props.url, options);
	for (const connection of [publisher, subscriber])
		connection.on('error', (error) => props.onError?.(error));
	await Promise.all([publisher.connect(), subscriber.connect()]);
	const channels = new Map<string, RelayedChannel>();
	const listeners = new Set<(event: RelayEvent) => void>();

	subscriber.on('messageBuffer', (redisChannel: Buffer, message: Buffer) => {
		const name = redisChannel.toString();
		if (name === eventsChannel) {
			let parsed: { from: string; event: RelayEvent };
			try {
				parsed = JSON.parse(message.toString()) as { from: string; event: RelayEvent };
			} catch (error) {
				return props.onError?.(error);
			}
			if (parsed.from === nodeHex) return;
			for (const listener of listeners) listener(parsed.event);
			return;
		}
		if (message.length < NODE_ID_BYTES + 1 || node.equals(message.subarray(1, 1 + NODE_ID_BYTES)))
			return; // our own
		const channel = channels.get(name.slice(prefix.length));
		const kind = message[0] as RelayKind;
		channel?.receive(
			kind,
			new Uint8Array(
				message.buffer,
				message.byteOffset + 1 + NODE_ID_BYTES,
				message.length - 1 - NODE_ID_BYTES
			)
		);
	});
	await subscriber.subscribe(eventsChannel);
	// After a lost connection ioredis resubscribes by itself; what others published meanwhile
	// never reached this node, so each loaded channel asks for it again.
	// Once now and once a moment later, when the other nodes have most likely resubscribed too.
	subscriber.on('ready', () => {
		for (const channel of channels.values()) channel.resync();
		setTimeout(() => {
			for (const channel of channels.values()) channel.resync();
		}, RESYNC_AGAIN_MS).unref();
	});

	return {
		async join(key, channel) {
			channels.set(key, channel);
			// Redis away: the channel still loads after a while (alone until Redis is back, when
			// the queued subscription goes through), rather than every socket of it waiting.
			let timer: ReturnType<typeof setTimeout> | undefined;
			const subscribed = subscriber
				.subscribe(prefix + key)
				.catch((error) => props.onError?.(error));
			await Promise.race([
				subscribed,
				new Promise((resolve) => (timer = setTimeout(resolve, JOIN_WAIT_MS)))
			]);
			clearTimeout(timer);
		},
		leave(key) {
			channels.delete(key);
			subscriber.unsubscribe(prefix + key).catch((error) => props.onError?.(error));
		},
		publish(key, kind, payload) {
			const message = Buffer.allocUnsafe(1 + NODE_ID_BYTES + payload.length);
			message[0] = kind;
			node.copy(message, 1);
			message.set(payload, 1 + NODE_ID_BYTES);
			publisher.publish(prefix + key, message).catch((error) => props.onError?.(error));
		},
		publishEvent(event) {
			publisher
				.publish(eventsChannel, JSON.stringify({ from: nodeHex, event }))
				.catch((error) => props.onError?.(error));
		},
		onEvent(listener) {
			listeners.add(listener);
		},
		async close() {
			channels.clear();
			listeners.clear();
			await Promise.all([subscriber.quit().catch(() => {}), publisher.quit().catch(() => {})]);
		}
	};
}
