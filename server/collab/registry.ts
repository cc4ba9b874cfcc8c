/**
 * The registry of loaded channels: one Y.Doc and one awareness per channel of a meeting's record
 * (main, restricted, notes) while anyone is connected. A channel is loaded before its first sync
 * step is answered and unloaded after its last client has left and its final write is done.
 * Loading runs the assembly's channel initialisers (first load only: the review pre-fill, the
 * notes seed) and opens a live meeting at its first section (./server-writes.ts); every applied
 * update runs the assembly's afterApply list (./assembly.ts). Storage is the record store's
 * (src/lib/server/records).
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Database } from '../../src/lib/server/db';
import { messageAwareness } from '../../src/lib/collab/protocol';
import {
	channelKey,
	ClientOwners,
	loadChannel,
	UpdateLog,
	type Channel,
	type PersistenceOptions
} from '../../src/lib/server/records';
import {
	carryProgress,
	meetingForServerWrites,
	openFirstSection,
	type MeetingForServerWrites
} from './server-writes';
import { RecordQuota, type QuotaLimits } from './quota';
import type { NodeRelay, RelayKind } from './relay';
import { relayed, relayOrigin } from './relay-kinds';
import type { AfterApply, ChannelInitialiser, LoadedChannel } from './hooks';

/** The hooks a loaded channel runs (./assembly.ts): its initialisers, and what follows each applied update. */
export interface ChannelHooks {
	loadChannel: readonly ChannelInitialiser[];
	afterApply: readonly AfterApply<LiveChannel>[];
}

/** What a loaded channel needs of a connection. */
export interface Peer {
	send(message: Uint8Array): void;
}

export type CollabLogger = (
	event: string,
	fields: Record<string, string | number | boolean | null>
) => void;

/** One loaded channel of a meeting's record: its live Y.Doc, its presence and its write-behind log. */
export class LiveChannel implements LoadedChannel {
	readonly doc = new Y.Doc();
	readonly awareness = new awarenessProtocol.Awareness(this.doc);
	readonly peers = new Set<Peer>();
	/** Set when unloading has begun: no one may join this instance any more. */
	closing = false;
	unloadTimer: ReturnType<typeof setTimeout> | null = null;
	/**
	 * Set while applying an update that may release held-back structs of other people: the
	 * sender then gets the update back too, since it holds more than the sender sent.
	 */
	echoToSender = false;
	/**
	 * Connections holding back a sync step 2 until other people's items it depends on reach
	 * the server (after a crash); each is asked to try again after every applied update.
	 */
	readonly waiting = new Set<{ retryHeld(): void }>();
	log!: UpdateLog;
	owners!: ClientOwners;
	quota!: RecordQuota;
	/** Other nodes' messages that came before this channel finished loading. */
	private relayInbox: [RelayKind, Uint8Array][] | null = [];
	private relay: NodeRelay | null = null;

	private constructor(
		readonly meetingId: string,
		readonly channel: Channel
	) {
		this.awareness.setLocalState(null); // the server itself is not present
	}

	/** The registry key: one loaded channel per channel of a meeting. */
	get key(): string {
		return channelKey(this.meetingId, this.channel);
	}

	static async load(props: {
		db: Database;
		meetingId: string;
		channel: Channel;
		persistence: PersistenceOptions;
		limits: QuotaLimits;
		logger: CollabLogger;
		relay: NodeRelay | null;
		hooks: ChannelHooks;
	}): Promise<LiveChannel> {
		const { db, meetingId, channel } = props;
		const live = new LiveChannel(meetingId, channel);
		let meeting: MeetingForServerWrites | null;
		try {
			// Subscribed before reading the database, so nothing another node applies meanwhile is missed.
			if (props.relay) {
				live.relay = props.relay;
				await props.relay.join(live.key, live);
			}
			const [loaded, owners, read] = await Promise.all([
				loadChannel({ db, meetingId, channel, doc: live.doc }),
				ClientOwners.load({ db, meetingId }),
				channel === 'main' ? meetingForServerWrites({ db, meetingId }) : null
			]);
			meeting = read;
			let { rowsSinceSnapshot } = loaded;
			if (!loaded.stored) {
				// Each initialiser may write the channel's first content once, as the server.
				for (const initialiser of props.hooks.loadChannel) {
					const seed = await initialiser.run({ db, meetingId, channel, meeting });
					if (!seed) continue;
					if (seed.update) {
						Y.applyUpdate(live.doc, seed.update, 'load');
						rowsSinceSnapshot += 1;
					} else if (seed.storedByOther) {
						rowsSinceSnapshot = (await loadChannel({ db, meetingId, channel, doc: live.doc }))
							.rowsSinceSnapshot;
					}
					await owners.reload();
				}
			}
			live.owners = owners;
			live.quota = new RecordQuota(
				live.doc,
				props.limits,
				(client) => owners.ownerOf(client),
				loaded.bytes
			);
			live.log = new UpdateLog(db, meetingId, { ...props.persistence, rowsSinceSnapshot, channel });
		} catch (error) {
			live.relay?.leave(live.key);
			live.destroy();
			throw error;
		}
		live.log.onError = (error) =>
			props.logger('collab.persist_failed', {
				meetingId: props.meetingId,
				error: describeError(error)
			});
		live.doc.on('update', (update: Uint8Array, origin: unknown) => {
			for (const step of props.hooks.afterApply) step.run(live, { update, origin });
		});
		live.awareness.on(
			'update',
			(
				{ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
				origin: unknown
			) => {
				const changed = added.concat(updated, removed);
				const payload = awarenessProtocol.encodeAwarenessUpdate(live.awareness, changed);
				const message = encodeMessage(messageAwareness, (encoder) =>
					encoding.writeVarUint8Array(encoder, payload)
				);
				for (const peer of live.peers) peer.send(message);
				if (live.relay && origin !== relayOrigin)
					live.relay.publish(live.key, relayed.awareness, payload);
			}
		);
		// Other nodes with this channel open send what this one lacks, and their presence.
		const inbox = live.relayInbox ?? [];
		live.relayInbox = null;
		for (const [kind, payload] of inbox) live.receive(kind, payload);
		live.relay?.publish(live.key, relayed.hello, Y.encodeStateVector(live.doc));
		if (channel === 'main') {
			// Not fatal: the chair can still pick a section; the next change of the meeting retries.
			await live
				.meetingChanged(db, meeting)
				.catch((error) =>
					props.logger('collab.start_failed', { meetingId, error: describeError(error) })
				);
		}
		return live;
	}

	/**
	 * The meeting's status may have changed: a live meeting opens at its first section (a no-op
	 * once a section is set). The server's write goes out to every peer and into the log.
	 */
	async meetingChanged(db: Database, known?: MeetingForServerWrites | null): Promise<void> {
		if (this.channel !== 'main') return;
		// At load the meeting was just read; a later change reads it again.
		const meeting = known ?? (await meetingForServerWrites({ db, meetingId: this.meetingId }));
		if (meeting?.status !== 'live' || this.closing) return;
		await openFirstSection({ db, doc: this.doc, owners: this.owners, meeting });
		if (meeting.previousMeetingId && !this.closing)
			await carryProgress({
				db,
				doc: this.doc,
				owners: this.owners,
				previousMeetingId: meeting.previousMeetingId
			});
	}

	/** Another node's update, presence or hello (./relay.ts). */
	receive(kind: RelayKind, payload: Uint8Array): void {
		if (this.relayInbox) {
			this.relayInbox.push([kind, payload.slice()]);
			return;
		}
		if (this.closing || !this.relay) return;
		try {
			if (kind === relayed.update) {
				Y.applyUpdate(this.doc, payload, relayOrigin);
			} else if (kind === relayed.awareness) {
				awarenessProtocol.applyAwarenessUpdate(this.awareness, payload, relayOrigin);
			} else if (kind === relayed.hello) {
				// A node just loaded this channel: what it lacks of ours, and who is here.
				const missing = Y.encodeStateAsUpdate(this.doc, payload);
				if (missing.byteLength > 2) this.relay.publish(this.key, relayed.update, missing);
				const clients = [...this.awareness.getStates().keys()];
				if (clients.length > 0)
					this.relay.publish(
						this.key,
						relayed.awareness,
						awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)
					);
			}
		} catch {
			// A malformed relay message is dropped; the nodes' own clients resend on reconnect.
		}
	}

	/** Publishes an applied update to the other nodes with this channel open, unless one of them sent it. */
	relayUpdate(update: Uint8Array, origin: unknown): void {
		if (this.relay && origin !== relayOrigin) this.relay.publish(this.key, relayed.update, update);
	}

	/** Asks the other nodes for what this channel lacks (after Redis came back). */
	resync(): void {
		if (this.relayInbox || this.closing) return;
		this.relay?.publish(this.key, relayed.hello, Y.encodeStateVector(this.doc));
	}

	/** Every awareness state, as one message (for a newcomer or a query). */
	awarenessMessage(): Uint8Array | null {
		const clients = [...this.awareness.getStates().keys()];
		if (clients.length === 0) return null;
		const payload = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients);
		return encodeMessage(messageAwareness, (encoder) =>
			encoding.writeVarUint8Array(encoder, payload)
		);
	}

	destroy(): void {
		this.relay?.leave(this.key);
		this.relay = null;
		this.awareness.destroy();
		this.doc.destroy();
	}
}

/** The loaded channels of one collaboration server. */
export class ChannelRegistry {
	private readonly loadedChannels = new Map<string, Promise<LiveChannel>>();
	private readonly unloading = new Map<string, Promise<void>>();
	/** The channels writing their final batch, their record still whole in memory until it is written. */
	private readonly unloadingChannels = new Map<string, LiveChannel>();

	constructor(
		private readonly props: {
			db: Database;
			persistence: PersistenceOptions;
			limits: QuotaLimits;
			unloadDelayMs: number;
			logger: CollabLogger;
			/** Other nodes (REDIS_URL), or null for a node alone. */
			relay: NodeRelay | null;
			hooks: ChannelHooks;
		}
	) {}

	/**
	 * A channel's live Y.Doc for a reader outside the sockets (the record store's `LiveRecords`
	 * port), or null when it is not loaded.
	 */
	async liveChannel(meetingId: string, channel: Channel): Promise<Y.Doc | null> {
		const live = await this.loaded(meetingId, channel);
		if (live) return live.doc;
		// A channel whose last client just left is still writing its final batch: a reader that
		// went to the database now would miss it, so it is given a copy of the record as it is in
		// memory, whole. (Waiting for the write instead deadlocks a reader inside a transaction on
		// a database of one connection, the embedded one: End reads the record in its transaction,
		// and the final batch waits for that transaction's connection.)
		const unloading = this.unloadingChannels.get(channelKey(meetingId, channel));
		if (unloading) {
			const copy = new Y.Doc();
			Y.applyUpdate(copy, Y.encodeStateAsUpdate(unloading.doc));
			return copy;
		}
		return null;
	}

	/** Joins a peer to one channel of a meeting's record, loading it first if needed. */
	async attach(meetingId: string, channel: Channel, peer: Peer): Promise<LiveChannel> {
		const key = channelKey(meetingId, channel);
		for (;;) {
			await this.unloading.get(key);
			let pending = this.loadedChannels.get(key);
			if (!pending) {
				pending = LiveChannel.load({ ...this.props, meetingId, channel });
				this.loadedChannels.set(key, pending);
				pending.catch(() => {
					if (this.loadedChannels.get(key) === pending) this.loadedChannels.delete(key);
				});
			}
			const live = await pending;
			if (live.closing) continue; // it began unloading while we waited: load afresh
			if (live.unloadTimer) clearTimeout(live.unloadTimer);
			live.unloadTimer = null;
			live.peers.add(peer);
			return live;
		}
	}

	/** Removes a peer; the channel unloads once it has no peers left. */
	detach(live: LiveChannel, peer: Peer): void {
		live.peers.delete(peer);
		if (live.peers.size > 0 || live.closing || live.unloadTimer) return;
		live.unloadTimer = setTimeout(() => {
			live.unloadTimer = null;
			if (live.peers.size === 0) void this.unload(live);
		}, this.props.unloadDelayMs);
	}

	/** One channel of a meeting if it is loaded now. */
	async loaded(meetingId: string, channel: Channel = 'main'): Promise<LiveChannel | null> {
		const pending = this.loadedChannels.get(channelKey(meetingId, channel));
		if (!pending) return null;
		const live = await pending.catch(() => null);
		return live && !live.closing ? live : null;
	}

	/** The meeting changed (status, people): its loaded main channel catches up. */
	async meetingChanged(meetingId: string): Promise<void> {
		const live = await this.loaded(meetingId, 'main');
		await live?.meetingChanged(this.props.db);
	}

	get size(): number {
		return this.loadedChannels.size;
	}

	/** How many meetings have at least one channel loaded. */
	get meetings(): number {
		const meetingIds = new Set<string>();
		for (const key of this.loadedChannels.keys()) meetingIds.add(key.split('/')[0]);
		return meetingIds.size;
	}

	/** Writes and unloads every loaded channel (shutdown). */
	async unloadAll(options: { compact?: boolean } = {}): Promise<void> {
		const loaded = await Promise.all(
			[...this.loadedChannels.values()].map((p) => p.catch(() => null))
		);
		await Promise.all(loaded.map((r) => (r && !r.closing ? this.unload(r, options) : undefined)));
		await Promise.all(this.unloading.values());
	}

	private unload(live: LiveChannel, options: { compact?: boolean } = {}): Promise<void> {
		if (live.unloadTimer) clearTimeout(live.unloadTimer);
		live.unloadTimer = null;
		live.closing = true;
		this.loadedChannels.delete(live.key);
		const done = live.log
			.close(options)
			.catch((error) =>
				this.props.logger('collab.final_write_failed', {
					meetingId: live.meetingId,
					error: describeError(error)
				})
			)
			.finally(() => {
				if (this.unloadingChannels.get(live.key) === live) this.unloadingChannels.delete(live.key);
				live.destroy();
				this.unloading.delete(live.key);
			});
		this.unloading.set(live.key, done);
		this.unloadingChannels.set(live.key, live);
		return done;
	}
}

/** A message of one type, its body written by `write`. */
export function encodeMessage(
	type: number,
	write: (encoder: encoding.Encoder) => void
): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, type);
	write(encoder);
	return encoding.toUint8Array(encoder);
}

/** An error's class and code, never its message (which may quote data). */
export function describeError(error: unknown): string {
	if (error instanceof Error) {
		const code = (error as { code?: unknown }).code;
		return typeof code === 'string' ? `${error.name}:${code}` : error.name;
	}
	return typeof error;
}
