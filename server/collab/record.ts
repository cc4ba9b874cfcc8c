/**
 * Loaded meeting records: one Y.Doc and one awareness per meeting while anyone is connected.
 * A record is loaded before its first sync step is answered and unloaded after its last
 * client has left and its final write is done.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { Database } from '../../src/lib/server/db';
import { messageAwareness, messageSync } from '../../src/lib/collab/protocol';
import { ClientOwners } from './authorship';
import { loadRecord, UpdateLog, type PersistenceOptions } from './persistence';

/** What a record needs of a connection. */
export interface Peer {
	send(message: Uint8Array): void;
}

export type CollabLogger = (event: string, fields: Record<string, string | number | boolean | null>) => void;

/** One meeting's live document, its presence and its write-behind log. */
export class LiveRecord {
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
	log!: UpdateLog;
	owners!: ClientOwners;

	private constructor(readonly meetingId: string) {
		this.awareness.setLocalState(null); // the server itself is not present
	}

	static async load(props: { db: Database; meetingId: string; persistence: PersistenceOptions; logger: CollabLogger }): Promise<LiveRecord> {
		const record = new LiveRecord(props.meetingId);
		try {
			const [{ rowsSinceSnapshot }, owners] = await Promise.all([
				loadRecord({ db: props.db, meetingId: props.meetingId, doc: record.doc }),
				ClientOwners.load({ db: props.db, meetingId: props.meetingId })
			]);
			record.owners = owners;
			record.log = new UpdateLog(props.db, props.meetingId, { ...props.persistence, rowsSinceSnapshot });
		} catch (error) {
			record.destroy();
			throw error;
		}
		record.log.onError = (error) =>
			props.logger('collab.persist_failed', { meetingId: props.meetingId, error: describeError(error) });
		record.doc.on('update', (update: Uint8Array, origin: unknown) => {
			record.log.append(update);
			const message = encodeMessage(messageSync, (encoder) => syncProtocol.writeUpdate(encoder, update));
			for (const peer of record.peers) if (peer !== origin || record.echoToSender) peer.send(message);
		});
		record.awareness.on(
			'update',
			({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
				const changed = added.concat(updated, removed);
				const payload = awarenessProtocol.encodeAwarenessUpdate(record.awareness, changed);
				const message = encodeMessage(messageAwareness, (encoder) => encoding.writeVarUint8Array(encoder, payload));
				for (const peer of record.peers) peer.send(message);
			}
		);
		return record;
	}

	/** Every awareness state, as one message (for a newcomer or a query). */
	awarenessMessage(): Uint8Array | null {
		const clients = [...this.awareness.getStates().keys()];
		if (clients.length === 0) return null;
		const payload = awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients);
		return encodeMessage(messageAwareness, (encoder) => encoding.writeVarUint8Array(encoder, payload));
	}

	destroy(): void {
		this.awareness.destroy();
		this.doc.destroy();
	}
}

/** The loaded records of this process. */
export class RecordRegistry {
	private readonly records = new Map<string, Promise<LiveRecord>>();
	private readonly unloading = new Map<string, Promise<void>>();

	constructor(
		private readonly props: { db: Database; persistence: PersistenceOptions; unloadDelayMs: number; logger: CollabLogger }
	) {}

	/** Joins a peer to a meeting's record, loading it first if needed. */
	async attach(meetingId: string, peer: Peer): Promise<LiveRecord> {
		for (;;) {
			await this.unloading.get(meetingId);
			let pending = this.records.get(meetingId);
			if (!pending) {
				pending = LiveRecord.load({ ...this.props, meetingId });
				this.records.set(meetingId, pending);
				pending.catch(() => {
					if (this.records.get(meetingId) === pending) this.records.delete(meetingId);
				});
			}
			const record = await pending;
			if (record.closing) continue; // it began unloading while we waited: load afresh
			if (record.unloadTimer) clearTimeout(record.unloadTimer);
			record.unloadTimer = null;
			record.peers.add(peer);
			return record;
		}
	}

	/** Removes a peer; the record unloads once it has no peers left. */
	detach(record: LiveRecord, peer: Peer): void {
		record.peers.delete(peer);
		if (record.peers.size > 0 || record.closing || record.unloadTimer) return;
		record.unloadTimer = setTimeout(() => {
			record.unloadTimer = null;
			if (record.peers.size === 0) void this.unload(record);
		}, this.props.unloadDelayMs);
	}

	/** The record if it is loaded now. */
	async loaded(meetingId: string): Promise<LiveRecord | null> {
		const pending = this.records.get(meetingId);
		if (!pending) return null;
		const record = await pending.catch(() => null);
		return record && !record.closing ? record : null;
	}

	get size(): number {
		return this.records.size;
	}

	/** Writes and unloads every record (shutdown). */
	async unloadAll(): Promise<void> {
		const records = await Promise.all([...this.records.values()].map((p) => p.catch(() => null)));
		await Promise.all(records.map((r) => (r && !r.closing ? this.unload(r) : undefined)));
		await Promise.all(this.unloading.values());
	}

	private unload(record: LiveRecord): Promise<void> {
		if (record.unloadTimer) clearTimeout(record.unloadTimer);
		record.unloadTimer = null;
		record.closing = true;
		this.records.delete(record.meetingId);
		const done = record.log
			.close()
			.catch((error) => this.props.logger('collab.final_write_failed', { meetingId: record.meetingId, error: describeError(error) }))
			.finally(() => {
				record.destroy();
				this.unloading.delete(record.meetingId);
			});
		this.unloading.set(record.meetingId, done);
		return done;
	}
}

/** A message of one type, its body written by `write`. */
export function encodeMessage(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
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
