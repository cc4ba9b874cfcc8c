/**
 * The outbox (DESIGN §7): every email is first written here, in the same transaction as the
 * change it reports where the caller has one, and the sender (./sender.ts) delivers it later.
 */
import { desc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { outbox, type MailAttachment, type MailPurpose, type OutboxMessage } from '../db/schema';
import { storableText } from '../db/storable';

export interface QueuedMail {
	to: string;
	userId?: string | null;
	purpose: MailPurpose;
	meetingId?: string | null;
	subject: string;
	text: string;
	html?: string | null;
	attachments?: MailAttachment[];
}

/** Queues one email; it is sent by the next run of the sender. */
export async function enqueueMail(props: { db: Database; mail: QueuedMail }): Promise<OutboxMessage> {
	const { mail } = props;
	const [row] = await props.db
		.insert(outbox)
		.values({
			recipientEmail: mail.to,
			userId: mail.userId ?? null,
			purpose: mail.purpose,
			meetingId: mail.meetingId ?? null,
			subject: storableText(mail.subject),
			textBody: storableText(mail.text),
			htmlBody: mail.html == null ? null : storableText(mail.html),
			attachments: mail.attachments ?? []
		})
		.returning();
	return row;
}

/** The outbox, newest first. */
export async function listOutbox(props: { db: Database; limit?: number }): Promise<OutboxMessage[]> {
	return props.db
		.select()
		.from(outbox)
		.orderBy(desc(outbox.createdAt), desc(outbox.id))
		.limit(props.limit ?? 500);
}

/** One message, or null. */
export async function outboxMessage(props: { db: Database; id: string }): Promise<OutboxMessage | null> {
	const [row] = await props.db.select().from(outbox).where(eq(outbox.id, props.id));
	return row ?? null;
}
