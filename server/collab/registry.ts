/**
 * Loaded meeting records: one Y.Doc and one awareness per meeting document (main, restricted)
 * while anyone is connected. A record is loaded before its first sync step is answered and
 * unloaded after its last client has left and its final write is done. Loading a main document
 * pre-fills a review from its previous meeting (first load only) and opens a live meeting at
 * its first section.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type { Database } from '../../src/lib/server/db';
import { messageAwareness, messageSync } from '../../src/lib/collab/protocol';
import { ClientOwners } from './authorship';
import { documentKey, type RecordDocument } from './documents';
import { meetingFacts, openFirstSection, prefillReview } from './meeting-record';
import { loadRecord, UpdateLog, type PersistenceOptions } from './persistence';
import { RecordQuota, type QuotaLimits } from './quota';
import { registerLiveDocuments } from './stored';

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
	/**
	 * Connections holding back a sync step 2 until other people's items it depends on reach
	 * the server (after a crash); each is asked to try again after every applied update.
	 */
	readonly waiting = new Set<{ retryHeld(): void }>();
	log!: UpdateLog;
	owners!: ClientOwners;
	quota!: RecordQuota;

	private constructor(
		readonly meetingId: string,
		readonly document: RecordDocument
	) {
		this.awareness.setLocalState(null); // the server itself is not present
	}

	/** The registry key: one record per document of a meeting. */
	get key(): string {
		return documentKey(this.meetingId, this.document);
	}

	static async load(props: {
		db: Database;
		meetingId: string;
		document: RecordDocument;
		persistence: PersistenceOptions;
		limits: QuotaLimits;
		logger: CollabLogger;
	}): Promise<LiveRecord> {
		const { db, meetingId, document } = props;
		const record = new LiveRecord(meetingId, document);
		try {
			const [loaded, owners, facts] = await Promise.all([
				loadRecord({ db, meetingId, document, doc: record.doc }),
				ClientOwners.load({ db, meetingId }),
				document === 'main' ? meetingFacts({ db, meetingId }) : null
			]);
			let { rowsSinceSnapshot } = loaded;
			if (!loaded.stored && facts?.previousMeetingId) {
				// A review starts from what its previous meeting left: written once, as the server.
				const prefill = await prefillReview({ db, meetingId, previousMeetingId: facts.previousMeetingId });
				if (prefill.update) {
					Y.applyUpdate(record.doc, prefill.update, 'load');
					rowsSinceSnapshot += 1;
				} else if (prefill.storedByOther) {
					rowsSinceSnapshot = (await loadRecord({ db, meetingId, document, doc: record.doc })).rowsSinceSnapshot;
				}
				await owners.reload();
			}
			record.owners = owners;
			record.quota = new RecordQuota(record.doc, props.limits, (client) => owners.ownerOf(client), loaded.bytes);
			record.log = new UpdateLog(db, meetingId, { ...props.persistence, rowsSinceSnapshot, document });
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
			for (const held of record.waiting) held.retryHeld();
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
		if (document === 'main') {
			// Not fatal: the chair can still pick a section; the next change of the meeting retries.
			await record.meetingChanged(db).catch((error) =>
				props.logger('collab.start_failed', { meetingId, error: describeError(error) })
			);
		}
		return record;
	}

	/**
	 * The meeting's status may have changed: a live meeting opens at its first section (a no-op
	 * once a section is set). The server's write goes out to every peer and into the log.
	 */
	async meetingChanged(db: Database): Promise<void> {
		if (this.document !== 'main') return;
		const facts = await meetingFacts({ db, meetingId: this.meetingId });
		if (facts?.status !== 'live' || this.closing) return;
		await openFirstSection({ doc: this.doc, owners: this.owners, kind: facts.kind });
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

	private readonly unregister: () => void;

	constructor(
		private readonly props: {
			db: Database;
			persistence: PersistenceOptions;
			limits: QuotaLimits;
			unloadDelayMs: number;
			logger: CollabLogger;
		}
	) {
		this.unregister = registerLiveDocuments({
			db: props.db,
			liveDocument: async (meetingId, document) => {
				const live = await this.loaded(meetingId, document);
				if (live) return live.doc;
				// A record whose last client just left is still writing its final batch: a reader
				// that went to the database now would miss it, so it waits for the write first.
				await this.unloading.get(documentKey(meetingId, document));
				return null;
			}
		});
	}

	/** Joins a peer to one document of a meeting's record, loading it first if needed. */
	async attach(meetingId: string, document: RecordDocument, peer: Peer): Promise<LiveRecord> {
		const key = documentKey(meetingId, document);
		for (;;) {
			await this.unloading.get(key);
			let pending = this.records.get(key);
			if (!pending) {
				pending = LiveRecord.load({ ...this.props, meetingId, document });
				this.records.set(key, pending);
				pending.catch(() => {
					if (this.records.get(key) === pending) this.records.delete(key);
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

	/** The record of one document of a meeting if it is loaded now. */
	async loaded(meetingId: string, document: RecordDocument = 'main'): Promise<LiveRecord | null> {
		const pending = this.records.get(documentKey(meetingId, document));
		if (!pending) return null;
		const record = await pending.catch(() => null);
		return record && !record.closing ? record : null;
	}

	/** The meeting changed (status, people): its loaded main document catches up. */
	async meetingChanged(meetingId: string): Promise<void> {
		const record = await this.loaded(meetingId, 'main');
		await record?.meetingChanged(this.props.db);
	}

	get size(): number {
		return this.records.size;
	}

	/** Writes and unloads every record (shutdown). */
	async unloadAll(): Promise<void> {
		this.unregister();
		const records = await Promise.all([...this.records.values()].map((p) => p.catch(() => null)));
		await Promise.all(records.map((r) => (r && !r.closing ? this.unload(r) : undefined)));
		await Promise.all(this.unloading.values());
	}

	private unload(record: LiveRecord): Promise<void> {
		if (record.unloadTimer) clearTimeout(record.unloadTimer);
		record.unloadTimer = null;
		record.closing = true;
		this.records.delete(record.key);
		const done = record.log
			.close()
			.catch((error) => this.props.logger('collab.final_write_failed', { meetingId: record.meetingId, error: describeError(error) }))
			.finally(() => {
				record.destroy();
				this.unloading.delete(record.key);
			});
		this.unloading.set(record.key, done);
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
