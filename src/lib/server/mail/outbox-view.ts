/**
 * The outbox as business support and chairs see it (the /outbox page and GET /api/outbox):
 * their own unit's meetings' messages, and messages about no meeting sent to one of the unit's
 * own accounts (set-up links for the people it made), newest first, each with its state, its error in plain
 * words and links to its attachments. Who may look is `mayReadOutbox` in the policy module.
 */
import { and, desc, eq, isNull, or } from 'drizzle-orm';
import type { Database } from '../db';
import { meetings, outbox, users } from '../db/schema';
import type { MailPurpose, MailState } from '../../domain/vocabulary';
import { mayReadOutbox, type Viewer } from '../../policy';

export interface OutboxEntry {
	id: string;
	to: string;
	subject: string;
	purpose: MailPurpose;
	meetingId: string | null;
	/** The document version the message concerns (a circulated copy), if any. */
	documentId: string | null;
	state: MailState;
	attempts: number;
	error: string | null;
	createdAt: string;
	sentAt: string | null;
	attachments: { filename: string; contentType: string; url: string }[];
}

/** The address of one attachment of one message. */
export function outboxAttachmentUrl(messageId: string, index: number): string {
	return `/outbox/${encodeURIComponent(messageId)}/attachments/${index}`;
}

/**
 * A message of the unit: marked as its business (`unit_id`: an alert to a placing authority), about
 * one of its meetings, or about none and sent to one of its accounts.
 */
function ofUnit(unitId: string) {
	return or(
		eq(outbox.unitId, unitId),
		eq(meetings.unitId, unitId),
		and(isNull(outbox.meetingId), eq(users.unitId, unitId))
	);
}

/** The viewer's unit's outbox, or null when the viewer may not read it (answer 404). */
export async function outboxForViewer(props: {
	db: Database;
	viewer: Viewer;
	limit?: number;
}): Promise<OutboxEntry[] | null> {
	const { db, viewer } = props;
	if (!mayReadOutbox(viewer)) return null;
	const rows = await db
		.select({ message: outbox })
		.from(outbox)
		.leftJoin(meetings, eq(meetings.id, outbox.meetingId))
		.leftJoin(users, eq(users.id, outbox.userId))
		.where(ofUnit(viewer.unitId!))
		.orderBy(desc(outbox.createdAt), desc(outbox.id))
		.limit(props.limit ?? 500);
	return rows.map(({ message }) => ({
		id: message.id,
		to: message.recipientEmail,
		subject: message.subject,
		purpose: message.purpose,
		meetingId: message.meetingId,
		documentId: message.documentId,
		state: message.state,
		attempts: message.attempts,
		error: message.lastError,
		createdAt: message.createdAt.toISOString(),
		sentAt: message.sentAt?.toISOString() ?? null,
		attachments: message.attachments.map((file, index) => ({
			filename: file.filename,
			contentType: file.contentType,
			url: outboxAttachmentUrl(message.id, index)
		}))
	}));
}

/** One attachment's bytes, if the viewer may read the outbox and the message is their unit's. */
export async function outboxAttachmentForViewer(props: {
	db: Database;
	viewer: Viewer;
	messageId: string;
	index: number;
}): Promise<{ filename: string; contentType: string; bytes: Buffer } | null> {
	const { db, viewer } = props;
	if (!mayReadOutbox(viewer)) return null;
	const [row] = await db
		.select({ attachments: outbox.attachments })
		.from(outbox)
		.leftJoin(meetings, eq(meetings.id, outbox.meetingId))
		.leftJoin(users, eq(users.id, outbox.userId))
		.where(and(eq(outbox.id, props.messageId), ofUnit(viewer.unitId!)));
	const file = row?.attachments[props.index];
	if (!file) return null;
	return {
		filename: file.filename,
		contentType: file.contentType,
		bytes: Buffer.from(file.contentBase64, 'base64')
	};
}
