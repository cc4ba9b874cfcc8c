import type { Database } from './db';
import { insertRows } from './db/bulk';
import { auditLog } from './db/schema';
import { writeBehindOf } from './records/persistence';
import { storableJson } from './db/storable';
import { currentRequest } from './request-context';

/** What an audit entry is about. */
export type AuditTargetType =
	| 'meeting'
	| 'child'
	| 'user'
	| 'session'
	| 'document'
	| 'record'
	| 'audit'
	| 'agency'
	| 'unit'
	| 'allegation'
	| 'childrens-home'
	| 'foster-carer';

/**
 * Records who read or changed what, when and from where (docs/security.md, "Audit"). Never
 * record content or names in `detail`. Append-only: there is no function to change or remove
 * an entry, and the database refuses both.
 */
export async function audit(props: {
	db: Database;
	userId: string | null;
	action: string;
	targetType: AuditTargetType;
	targetId?: string | null;
	/** The meeting it concerns; taken from `targetId` for a meeting and from `detail.meetingId` otherwise. */
	meetingId?: string | null;
	/** Where the request came from; by default the address of the request being served. */
	address?: string | null;
	detail?: Record<string, unknown>;
}): Promise<void> {
	await props.db.insert(auditLog).values(auditValues(props));
}

type AuditEntry = Omit<Parameters<typeof audit>[0], 'db'>;

/**
 * Records an entry with the next tick of the database's write-behind queue (many in one
 * statement), for the hot paths that must not wait for the database: every open of the live
 * record (issue 24). Written before the process stops; a failed write is retried with the queue.
 */
export function auditSoon(props: Parameters<typeof audit>[0]): void {
	writeBehindOf(props.db).queueAudit(auditValues(props));
}

/**
 * Writes the entries `auditSoon` has queued in this process now, so that a reader of the log sees
 * every open made before it asked. A write that fails stays queued and is retried; the reader
 * then sees what is stored.
 */
export async function auditsWritten(db: Database): Promise<void> {
	await writeBehindOf(db)
		.writeNow()
		.catch(() => {});
}

/** The row an entry is written as. */
function auditValues(props: AuditEntry): typeof auditLog.$inferInsert {
	const detailMeeting = typeof props.detail?.meetingId === 'string' ? props.detail.meetingId : null;
	return {
		userId: props.userId,
		action: props.action,
		targetType: props.targetType,
		targetId: props.targetId ?? null,
		meetingId:
			props.meetingId ??
			(props.targetType === 'meeting' ? (props.targetId ?? null) : detailMeeting),
		address: props.address !== undefined ? props.address : (currentRequest()?.address ?? null),
		detail: props.detail ? storableJson(props.detail) : null
	};
}

/** Records several entries in one statement (an import's), each as `audit` would. */
export async function auditMany(props: { db: Database; entries: AuditEntry[] }): Promise<void> {
	await insertRows(props.db, auditLog, props.entries.map(auditValues));
}
