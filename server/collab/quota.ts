/**
 * A record's size cap and each person's share of it, so one writer cannot grow a live record
 * without bound (every later joiner downloads the whole record). Cheap on the hot path: each
 * applied update adds its length to an estimate that can only overstate; only when an estimate
 * passes its cap is the real figure measured (once), and the estimate reset to it.
 */
import * as Y from 'yjs';

export interface QuotaLimits {
	/** Largest encoded record (the bytes a newcomer downloads). */
	recordBytes: number;
	/** Largest amount of live content one person may have in the record. */
	shareBytes: number;
}

export type QuotaVerdict = { ok: true } | { ok: false; reason: string };

/** Bytes of live content in one struct (deleted content is freed and does not count). */
function contentBytes(item: Y.Item): number {
	if (item.deleted) return 0;
	const content = item.content;
	if (content instanceof Y.ContentString) return content.str.length;
	if (content instanceof Y.ContentBinary) return content.content.byteLength;
	if (content instanceof Y.ContentType) return 8;
	if (
		content instanceof Y.ContentAny ||
		content instanceof Y.ContentEmbed ||
		content instanceof Y.ContentFormat ||
		content instanceof Y.ContentJSON
	) {
		return JSON.stringify(content.getContent()).length;
	}
	return 0;
}

export class RecordQuota {
	private recordEstimate: number;
	private readonly shareEstimates = new Map<string, number>();

	constructor(
		private readonly doc: Y.Doc,
		private readonly limits: QuotaLimits,
		/** The user a client id is bound to (null: the server; undefined: nobody yet). */
		private readonly ownerOf: (clientId: number) => string | null | undefined,
		/** Bytes the record was loaded from (an estimate that may overstate). */
		loadedBytes: number
	) {
		this.recordEstimate = loadedBytes;
	}

	/** May `userId` add an update of `bytes` bytes? Counts it when it may. */
	admit(userId: string, bytes: number): QuotaVerdict {
		if (this.recordEstimate + bytes > this.limits.recordBytes) {
			this.recordEstimate = Y.encodeStateAsUpdate(this.doc).byteLength;
			if (this.recordEstimate + bytes > this.limits.recordBytes) {
				return { ok: false, reason: 'the meeting record is full; nothing more can be added' };
			}
		}
		let share = this.shareEstimates.get(userId) ?? this.measureShare(userId);
		if (share + bytes > this.limits.shareBytes) {
			share = this.measureShare(userId);
			if (share + bytes > this.limits.shareBytes) {
				return { ok: false, reason: 'you have written as much as one person may in this record' };
			}
		}
		this.shareEstimates.set(userId, share + bytes);
		this.recordEstimate += bytes;
		return { ok: true };
	}

	/** The live content written under every client id bound to `userId`. */
	private measureShare(userId: string): number {
		let total = 0;
		for (const [client, structs] of this.doc.store.clients) {
			if (this.ownerOf(client) !== userId) continue;
			for (const struct of structs) if (struct instanceof Y.Item) total += contentBytes(struct);
		}
		this.shareEstimates.set(userId, total);
		return total;
	}
}
