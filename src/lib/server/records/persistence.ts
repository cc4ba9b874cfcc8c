/**
 * Persistence of the live record. Updates applied to a loaded channel are queued in its
 * `UpdateLog`; one write-behind queue per database (`WriteBehind`, shared by every loaded
 * channel of the process) writes all of them in one multi-row INSERT per tick, so a hundred busy
 * meetings cost one statement and one commit every 100 ms, not a hundred. The log is folded into
 * collab_snapshots under the channel's advisory lock once it grows — only when the channel has
 * been quiet for a while or unloads, never in the middle of a burst of typing. A restarted
 * server loses nothing it had stored (docs/collaboration.md, Persistence).
 */
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Database } from '../db';
import { auditLog, collabSnapshots, collabUpdates } from '../db/schema';
import type { Channel } from './channels';
import { foldUpdates } from './fold';

export interface PersistenceOptions {
	/** Longest an update waits before it is written, in ms (the queue's tick). */
	flushDelayMs?: number;
	/** Log rows beyond the snapshot before a compaction is due. */
	compactAfterRows?: number;
	/** A due compaction waits until the channel has had no update for this long, in ms. */
	compactWhenQuietMs?: number;
}

/** Where one channel of one meeting is stored. */
export interface StoredChannel {
	db: Database;
	meetingId: string;
	/** Default `main`. */
	channel?: Channel;
}

function updatesOf(meetingId: string, channel: Channel, after: number) {
	return and(
		eq(collabUpdates.meetingId, meetingId),
		eq(collabUpdates.document, channel),
		gt(collabUpdates.id, after)
	);
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
	// One transaction for the whole log: observers run once. (Y.mergeUpdates first would be far
	// slower for a long log of keystrokes: seconds for 10,000, against tens of milliseconds.)
	doc.transact(() => {
		if (snapshot) Y.applyUpdate(doc, new Uint8Array(snapshot.state));
		for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.update));
	}, 'load');
	const bytes =
		(snapshot?.state.byteLength ?? 0) + rows.reduce((sum, row) => sum + row.update.byteLength, 0);
	return {
		rowsSinceSnapshot: rows.length,
		stored: snapshot !== undefined || rows.length > 0,
		bytes
	};
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
		const updates = rows.map((row) => new Uint8Array(row.update));
		if (snapshot) updates.unshift(new Uint8Array(snapshot.state));
		const state = await foldUpdates(updates); // on a worker thread: the sockets' event loop stays free
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
			.where(
				and(
					eq(collabUpdates.meetingId, meetingId),
					eq(collabUpdates.document, channel),
					lte(collabUpdates.id, upToId)
				)
			);
	});
}

/** Most rows one INSERT carries (three parameters each; PostgreSQL allows 65,535 in all). */
const ROWS_PER_STATEMENT = 1_000;
/** How often due compactions look for a quiet channel, in ms. */
const COMPACTION_POLL_MS = 500;
/** A log this many times past its compaction threshold is compacted even while busy. */
const OVERDUE_FACTOR = 20;

/**
 * The write-behind queue of one database, shared by every loaded channel in the process: each
 * tick it takes what every log has queued (merged into one update per channel) and writes them
 * all in one multi-row INSERT, one commit. Only one write is in flight at a time; a failed
 * write gives every batch back to its log, in order, and is retried with backoff. Due
 * compactions run here too, one at a time, each once its channel has been quiet.
 */
export class WriteBehind {
	private readonly dirty = new Set<UpdateLog>();
	private timer: ReturnType<typeof setTimeout> | null = null;
	private dueAt = Infinity;
	private tickMs = 100;
	private writing: Promise<void> | null = null;
	private failures = 0;
	private readonly dueCompactions = new Set<UpdateLog>();
	private compactionTimer: ReturnType<typeof setTimeout> | null = null;
	private compacting: Promise<void> | null = null;
	/** Audit entries queued by `auditSoon` (src/lib/server/audit.ts), written with the next tick. */
	private audits: (typeof auditLog.$inferInsert)[] = [];
	/** Told how long each successful write took, in ms (/metrics: server/metrics.ts). */
	onWritten: ((ms: number) => void) | null = null;

	constructor(readonly db: Database) {}

	/** Updates and audit entries waiting for the next write. */
	get depth(): number {
		let queued = this.audits.length;
		for (const log of this.dirty) queued += log.queued;
		return queued;
	}

	/** An audit entry to write with the next tick. */
	queueAudit(row: typeof auditLog.$inferInsert): void {
		this.audits.push(row);
		this.schedule(this.tickMs);
	}

	/** A log has something to write within `delayMs`. */
	mark(log: UpdateLog, delayMs: number): void {
		this.dirty.add(log);
		this.tickMs = delayMs;
		this.schedule(delayMs);
	}

	/** Writes whatever is queued now, after any write in flight; rejects if that write fails. */
	async writeNow(): Promise<void> {
		while (this.writing) await this.writing.catch(() => {});
		if (this.dirty.size === 0 && this.audits.length === 0) return;
		this.clearTimer();
		const writing = this.write().finally(() => {
			this.writing = null;
			if (this.dirty.size > 0)
				this.schedule(
					this.failures > 0 ? Math.min(5_000, this.tickMs * 2 ** this.failures) : this.tickMs
				);
			else if (this.audits.length > 0) this.schedule(this.tickMs);
		});
		this.writing = writing;
		await writing;
	}

	/** A log passed its compaction threshold: compact it once it is quiet. */
	compactionDue(log: UpdateLog): void {
		this.dueCompactions.add(log);
		this.scheduleCompaction();
	}

	/** The log is closing: it compacts (or not) by itself. */
	forget(log: UpdateLog): void {
		this.dueCompactions.delete(log);
	}

	private schedule(delayMs: number) {
		if (this.writing) return; // the write in flight schedules the next one when it ends
		const due = performance.now() + delayMs;
		if (this.timer && this.dueAt <= due) return;
		this.clearTimer();
		this.dueAt = due;
		this.timer = setTimeout(() => {
			this.timer = null;
			this.dueAt = Infinity;
			this.writeNow().catch(() => {}); // reported to each log's onError; retried by schedule
		}, delayMs);
	}

	private clearTimer() {
		if (this.timer) clearTimeout(this.timer);
		this.timer = null;
		this.dueAt = Infinity;
	}

	private async write(): Promise<void> {
		const began = performance.now();
		const batches = [...this.dirty].map((log) => log.take());
		this.dirty.clear();
		const audits = this.audits;
		this.audits = [];
		let done = 0;
		let auditsDone = 0;
		try {
			for (; auditsDone < audits.length; auditsDone += ROWS_PER_STATEMENT)
				await this.db
					.insert(auditLog)
					.values(audits.slice(auditsDone, auditsDone + ROWS_PER_STATEMENT));
			for (; done < batches.length; done += ROWS_PER_STATEMENT) {
				const rows = batches.slice(done, done + ROWS_PER_STATEMENT).map((batch) => ({
					meetingId: batch.log.meetingId,
					document: batch.log.channel,
					update: batch.update
				}));
				await this.db.insert(collabUpdates).values(rows);
				for (const batch of batches.slice(done, done + ROWS_PER_STATEMENT))
					batch.log.stored(batch.count);
			}
		} catch (error) {
			this.failures++;
			this.audits.unshift(...audits.slice(auditsDone));
			for (const batch of batches.slice(done)) {
				batch.log.giveBack(batch.update, batch.count);
				this.dirty.add(batch.log);
				batch.log.onError(error);
			}
			throw error;
		}
		this.failures = 0;
		this.onWritten?.(performance.now() - began);
	}

	private scheduleCompaction() {
		if (this.compactionTimer || this.compacting || this.dueCompactions.size === 0) return;
		this.compactionTimer = setTimeout(() => {
			this.compactionTimer = null;
			const now = performance.now();
			const ready = [...this.dueCompactions].find((log) => log.readyToCompact(now));
			if (!ready) return this.scheduleCompaction();
			this.dueCompactions.delete(ready);
			this.compacting = ready.compact().finally(() => {
				this.compacting = null;
				this.scheduleCompaction();
			});
		}, COMPACTION_POLL_MS);
		this.compactionTimer.unref?.();
	}
}

const writeBehinds = new WeakMap<Database, WriteBehind>();

/** The process's write-behind queue for a database (made on first use). */
export function writeBehindOf(db: Database): WriteBehind {
	let queue = writeBehinds.get(db);
	if (!queue) writeBehinds.set(db, (queue = new WriteBehind(db)));
	return queue;
}

/**
 * The write-behind log of one loaded channel. `append` is synchronous and cheap: it queues the
 * update and marks the log in the process's write-behind queue, which writes it with every other
 * channel's on the next tick. A failed write keeps the updates and is retried.
 */
export class UpdateLog {
	private queue: Uint8Array[] = [];
	/** Appends the queue stands for (a batch given back after a failed write is one merged update). */
	private queuedAppends = 0;
	/** Updates taken by the write in flight, not yet stored. */
	private inFlight = 0;
	private rowsSinceSnapshot: number;
	private lastAppendAt = 0;
	private closed = false;
	/** Updates appended and updates stored, counted, so a waiter knows when its turn is done. */
	private appended = 0;
	private storedCount = 0;
	private waiters: { target: number; resolve: () => void }[] = [];
	private readonly flushDelayMs: number;
	private readonly compactAfterRows: number;
	private readonly compactWhenQuietMs: number;
	private readonly writeBehind: WriteBehind;
	readonly channel: Channel;
	/** Called when a write fails (the caller logs it, without content). */
	onError: (error: unknown) => void = () => {};

	constructor(
		private readonly db: Database,
		readonly meetingId: string,
		props: PersistenceOptions & { rowsSinceSnapshot: number; channel?: Channel }
	) {
		this.channel = props.channel ?? 'main';
		this.rowsSinceSnapshot = props.rowsSinceSnapshot;
		this.flushDelayMs = props.flushDelayMs ?? 100;
		this.compactAfterRows = props.compactAfterRows ?? 500;
		this.compactWhenQuietMs = props.compactWhenQuietMs ?? 2_000;
		this.writeBehind = writeBehindOf(db);
	}

	/** Queues an applied update for writing. */
	append(update: Uint8Array): void {
		this.queue.push(update);
		this.queuedAppends++;
		this.appended++;
		this.lastAppendAt = performance.now();
		this.writeBehind.mark(this, this.flushDelayMs);
	}

	/**
	 * Resolves once every update appended before the call is stored, on the queue's own
	 * schedule (it does not force a write, so acknowledgements ride on the ticks).
	 */
	whenStored(): Promise<void> {
		if (this.storedCount >= this.appended) return Promise.resolve();
		return new Promise((resolve) => this.waiters.push({ target: this.appended, resolve }));
	}

	/** Updates queued and not yet taken by a write. */
	get queued(): number {
		return this.queuedAppends;
	}

	/** True when nothing is waiting to be written. */
	get idle(): boolean {
		return this.queuedAppends === 0 && this.inFlight === 0;
	}

	/** Resolves once everything appended before the call is in the database; rejects if a write fails. */
	async flush(): Promise<void> {
		const target = this.appended;
		while (this.storedCount < target) await this.writeBehind.writeNow();
	}

	/**
	 * Writes what is queued, then folds the log into the snapshot (unless `compact` is false: a
	 * stopping server leaves that to the next load). Call before unloading.
	 */
	async close(options: { compact?: boolean } = {}): Promise<void> {
		this.closed = true;
		this.writeBehind.forget(this);
		let attempts = 0;
		for (;;) {
			try {
				await this.flush();
				break;
			} catch (error) {
				if (++attempts >= 5) throw error;
				await new Promise((r) => setTimeout(r, 200 * attempts));
			}
		}
		if (this.rowsSinceSnapshot > 0 && options.compact !== false) await this.compact();
	}

	/** For the queue: everything queued, as one update, now in flight. */
	take(): { log: UpdateLog; update: Uint8Array; count: number } {
		const batch = this.queue;
		const count = this.queuedAppends;
		this.queue = [];
		this.queuedAppends = 0;
		this.inFlight += count;
		return { log: this, update: batch.length === 1 ? batch[0] : Y.mergeUpdates(batch), count };
	}

	/** For the queue: the write failed; the batch goes back in front of what came since. */
	giveBack(update: Uint8Array, count: number): void {
		this.inFlight -= count;
		this.queue.unshift(update);
		this.queuedAppends += count;
	}

	/** For the queue: `count` updates are stored in one new row. */
	stored(count: number): void {
		this.inFlight -= count;
		this.storedCount += count;
		if (this.waiters.length > 0) {
			const ready = this.waiters.filter((w) => w.target <= this.storedCount);
			this.waiters = this.waiters.filter((w) => w.target > this.storedCount);
			for (const waiter of ready) waiter.resolve();
		}
		this.rowsSinceSnapshot++;
		if (!this.closed && this.rowsSinceSnapshot >= this.compactAfterRows)
			this.writeBehind.compactionDue(this);
	}

	/** For the queue: may a due compaction run now (quiet long enough, or far overdue)? */
	readyToCompact(now: number): boolean {
		return (
			this.closed === false &&
			(now - this.lastAppendAt >= this.compactWhenQuietMs ||
				this.rowsSinceSnapshot >= this.compactAfterRows * OVERDUE_FACTOR)
		);
	}

	/** Folds the stored log into the snapshot (failures are reported, not thrown: the log stays whole). */
	async compact(): Promise<void> {
		this.rowsSinceSnapshot = 0;
		await compactChannel({ db: this.db, meetingId: this.meetingId, channel: this.channel }).catch(
			(error) => this.onError(error)
		);
	}
}
