/**
 * Persistence of the live record, one channel at a time: updates are appended to
 * collab_updates as they arrive (micro-batched), and folded into collab_snapshots under the
 * channel's advisory lock once the log grows. A restarted server loses nothing it had stored.
 */
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '../db';
import { collabSnapshots, collabUpdates } from '../db/schema';
import type { Channel } from './channels';

export interface PersistenceOptions {
	/** Longest an update waits before it is written, in ms. */
	flushDelayMs?: number;
	/** Log rows beyond the snapshot before a compaction is attempted. */
	compactAfterRows?: number;
}

/** Where one channel of one meeting is stored. */
export interface StoredChannel {
	db: Database;
	meetingId: string;
	/** Default `main`. */
	channel?: Channel;
}

function updatesOf(meetingId: string, channel: Channel, after: number) {
	return and(eq(collabUpdates.meetingId, meetingId), eq(collabUpdates.document, channel), gt(collabUpdates.id, after));
}

function snapshotOf(meetingId: string, channel: Channel) {
	return and(eq(collabSnapshots.meetingId, meetingId), eq(collabSnapshots.document, channel));
}

/** The advisory lock of one channel: held while compacting, reading, pre-filling or seeding it. */
export function channelLock(meetingId: string, channel: Channel = 'main') {
	const key = channel === 'main' ? `collab:${meetingId}` : `collab:${meetingId}:${channel}`;
	return sql`select pg_advisory_xact_lock(hashtext(${key}))`;
}

/**
 * Builds a meeting's channel from its snapshot and the updates logged after it.
 * `stored` is false when nothing at all was stored (the channel was never written).
 */
export async function loadChannel(
	props: StoredChannel & { doc: Y.Doc }
): Promise<{ rowsSinceSnapshot: number; stored: boolean; bytes: number }> {
	const { db, meetingId, doc } = props;
	const channel = props.channel ?? 'main';
	// Snapshot and log are read under the channel's lock: a compaction between the two reads
	// would otherwise fold and delete the rows after the snapshot this reader already has.
	const { snapshot, rows } = await db.transaction(async (tx) => {
		await tx.execute(channelLock(meetingId, channel));
		const [snapshot] = await tx
			.select({ state: collabSnapshots.state, upToId: collabSnapshots.upToId })
			.from(collabSnapshots)
			.where(snapshotOf(meetingId, channel));
		const rows = await tx
			.select({ update: collabUpdates.update })
			.from(collabUpdates)
			.where(updatesOf(meetingId, channel, snapshot?.upToId ?? 0))
			.orderBy(asc(collabUpdates.id));
		return { snapshot, rows };
	});
	doc.transact(() => {
		if (snapshot) Y.applyUpdate(doc, new Uint8Array(snapshot.state));
		for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update));
	}, 'load');
	const bytes = (snapshot?.state.byteLength ?? 0) + rows.reduce((sum, row) => sum + row.update.byteLength, 0);
	return { rowsSinceSnapshot: rows.length, stored: snapshot !== undefined || rows.length > 0, bytes };
}

/**
 * Folds the log into the snapshot. Under a transaction-scoped advisory lock keyed on the
 * meeting's channel, so two nodes (or two unloads) never compact the same one at once.
 */
export async function compactChannel(props: StoredChannel): Promise<void> {
	const { meetingId } = props;
	const channel = props.channel ?? 'main';
	await props.db.transaction(async (tx) => {
		await tx.execute(channelLock(meetingId, channel));
		const [snapshot] = await tx
			.select({ state: collabSnapshots.state, upToId: collabSnapshots.upToId })
			.from(collabSnapshots)
			.where(snapshotOf(meetingId, channel));
		const after = snapshot?.upToId ?? 0;
		const rows = await tx
			.select({ id: collabUpdates.id, update: collabUpdates.update })
			.from(collabUpdates)
			.where(updatesOf(meetingId, channel, after))
			.orderBy(asc(collabUpdates.id));
		if (rows.length === 0) return;
		const doc = new Y.Doc();
		if (snapshot) Y.applyUpdate(doc, new Uint8Array(snapshot.state));
		for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update));
		const state = Y.encodeStateAsUpdate(doc);
		doc.destroy();
		const upToId = rows[rows.length - 1].id;
		await tx
			.insert(collabSnapshots)
			.values({ meetingId, document: channel, state, upToId })
			.onConflictDoUpdate({
				target: [collabSnapshots.meetingId, collabSnapshots.document],
				set: { state, upToId, updatedAt: new Date() }
			});
		await tx
			.delete(collabUpdates)
			.where(and(eq(collabUpdates.meetingId, meetingId), eq(collabUpdates.document, channel), lte(collabUpdates.id, upToId)));
	});
}

/**
 * The write-behind log of one loaded channel. `append` is synchronous and cheap; a timer
 * writes the queue as one merged row. A failed write keeps the queue and is retried.
 */
export class UpdateLog {
	private queue: Uint8Array[] = [];
	private timer: ReturnType<typeof setTimeout> | null = null;
	private writing: Promise<void> | null = null;
	private rowsSinceSnapshot: number;
	private failures = 0;
	/** Updates appended and updates stored, counted, so a waiter knows when its turn is done. */
	private appended = 0;
	private stored = 0;
	private waiters: { target: number; resolve: () => void }[] = [];
	private readonly flushDelayMs: number;
	private readonly compactAfterRows: number;
	private readonly channel: Channel;
	/** Called when a write fails (the caller logs it, without content). */
	onError: (error: unknown) => void = () => {};

	constructor(
		private readonly db: Database,
		private readonly meetingId: string,
		props: PersistenceOptions & { rowsSinceSnapshot: number; channel?: Channel }
	) {
		this.channel = props.channel ?? 'main';
		this.rowsSinceSnapshot = props.rowsSinceSnapshot;
		this.flushDelayMs = props.flushDelayMs ?? 100;
		this.compactAfterRows = props.compactAfterRows ?? 500;
	}

	/** Queues an applied update for writing. */
	append(update: Uint8Array): void {
		this.queue.push(update);
		this.appended++;
		this.schedule(this.flushDelayMs);
	}

	/**
	 * Resolves once every update appended before the call is stored, on the log's own
	 * schedule (it does not force a write, so acknowledgements ride on the micro-batches).
	 */
	whenStored(): Promise<void> {
		if (this.stored >= this.appended) return Promise.resolve();
		return new Promise((resolve) => this.waiters.push({ target: this.appended, resolve }));
	}

	/** True when nothing is waiting to be written. */
	get idle(): boolean {
		return this.queue.length === 0 && this.writing === null;
	}

	/** Resolves once everything appended before the call is in the database. */
	async flush(): Promise<void> {
		for (;;) {
			if (this.writing) {
				await this.writing.catch(() => {});
				continue;
			}
			if (this.queue.length === 0) return;
			if (this.timer) clearTimeout(this.timer);
			this.timer = null;
			this.writing = this.write().finally(() => {
				this.writing = null;
			});
			await this.writing; // a failure rejects here: the caller surfaces it
		}
	}

	/** Writes what is queued, then compacts if the log is long. Call before unloading. */
	async close(): Promise<void> {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		let attempts = 0;
		for (;;) {
			try {
				await this.flush();
				break;
			} catch (error) {
				this.onError(error);
				if (++attempts >= 5) throw error;
				await new Promise((r) => setTimeout(r, 200 * attempts));
			}
		}
		if (this.rowsSinceSnapshot > 0) {
			await compactChannel({ db: this.db, meetingId: this.meetingId, channel: this.channel }).catch((error) => this.onError(error));
		}
	}

	private schedule(delay: number) {
		if (this.timer || this.writing) return;
		this.timer = setTimeout(() => {
			this.timer = null;
			this.flush().catch((error) => {
				this.onError(error);
				this.failures++;
				this.schedule(Math.min(5_000, this.flushDelayMs * 2 ** this.failures));
			});
		}, delay);
	}

	private async write(): Promise<void> {
		const batch = this.queue;
		this.queue = [];
		const update = batch.length === 1 ? batch[0] : Y.mergeUpdates(batch);
		try {
			await this.db.insert(collabUpdates).values({ meetingId: this.meetingId, document: this.channel, update });
		} catch (error) {
			this.queue = batch.concat(this.queue); // keep order; try again later
			throw error;
		}
		this.failures = 0;
		this.stored += batch.length;
		if (this.waiters.length > 0) {
			const ready = this.waiters.filter((w) => w.target <= this.stored);
			this.waiters = this.waiters.filter((w) => w.target > this.stored);
			for (const waiter of ready) waiter.resolve();
		}
		this.rowsSinceSnapshot++;
		if (this.queue.length > 0) this.schedule(this.flushDelayMs);
		if (this.rowsSinceSnapshot >= this.compactAfterRows) {
			this.rowsSinceSnapshot = 0;
			await compactChannel({ db: this.db, meetingId: this.meetingId, channel: this.channel }).catch((error) => this.onError(error));
		}
	}
}
