/**
 * Meetings whose End is running (src/lib/server/meetings/commands/end-meeting.ts). End closes
 * the meeting's sockets at the start of its transaction and reads the record; on PostgreSQL a
 * socket that reconnects before the commit reads the meeting as still live and could write
 * words that land in the record but in none of the documents. So an upgrade whose decision
 * overlapped an End of its meeting is held until the End is over and then decided again, on
 * what it committed (ended: read-only; rolled back: live as before). Other upgrades pay one
 * map look-up: nothing is asked of the database (the connect path is a hot path, issue 24).
 *
 * Marks are counted (two Ends of one meeting: the second is refused, but both mark and clear),
 * and each expires after `ENDING_HOLD_MS`, so a node that died mid-End (its transaction rolled
 * back with it) never holds another node's sockets for longer than that.
 */

/** Longest an End holds its meeting's upgrades, in ms. */
export const ENDING_HOLD_MS = 60_000;

interface Ending {
	count: number;
	expiry: ReturnType<typeof setTimeout>;
	waiters: (() => void)[];
}

export class EndingMeetings {
	private readonly ending = new Map<string, Ending>();
	/** Bumped whenever a meeting starts or stops ending. */
	private changes = 0;
	/** Per meeting, the value of `changes` when it last started or stopped ending. */
	private readonly touched = new Map<string, number>();

	constructor(private readonly holdMs = ENDING_HOLD_MS) {}

	/** An End of the meeting began (on this node or another). */
	begin(meetingId: string): void {
		this.touch(meetingId);
		const known = this.ending.get(meetingId);
		if (known) {
			known.count++;
			known.expiry.refresh();
			return;
		}
		const expiry = setTimeout(() => this.settle(meetingId), this.holdMs);
		expiry.unref();
		this.ending.set(meetingId, { count: 1, expiry, waiters: [] });
	}

	/** An End of the meeting is over: committed or rolled back. */
	end(meetingId: string): void {
		const known = this.ending.get(meetingId);
		if (!known) return;
		if (--known.count <= 0) this.settle(meetingId);
		else this.touch(meetingId);
	}

	/** Where an upgrade that starts now stands (for `overlapped`). */
	mark(): number {
		return this.changes;
	}

	/**
	 * Whether an upgrade that started at `since` may have read the meeting while an End of it was
	 * running: one is running now, or one began or finished since.
	 */
	overlapped(meetingId: string, since: number): boolean {
		return this.ending.has(meetingId) || (this.touched.get(meetingId) ?? -1) > since;
	}

	/** Resolves once no End of the meeting is running. */
	settled(meetingId: string): Promise<void> {
		const known = this.ending.get(meetingId);
		if (!known) return Promise.resolve();
		return new Promise((resolve) => known.waiters.push(resolve));
	}

	/** No upgrade is being decided: what they would compare against can go. */
	forget(): void {
		this.touched.clear();
	}

	/** Every held upgrade goes on (the server is stopping). */
	clear(): void {
		for (const meetingId of [...this.ending.keys()]) this.settle(meetingId);
	}

	private touch(meetingId: string) {
		this.touched.set(meetingId, ++this.changes);
	}

	private settle(meetingId: string) {
		const known = this.ending.get(meetingId);
		if (!known) return;
		this.ending.delete(meetingId);
		clearTimeout(known.expiry);
		this.touch(meetingId);
		for (const resolve of known.waiters) resolve();
	}
}
