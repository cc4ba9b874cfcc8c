/**
 * The outbox (DESIGN §7): every email is first written here, in the same transaction as the
 * change it reports where the caller has one, and the sender (./sender.ts) delivers it later.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { insertRows } from '../db/bulk';
import {
	mailPriorities,
	outbox,
	scheduledMail,
	type MailAttachment,
	type OutboxMessage
} from '../db/schema';
import type { MailPurpose } from '../../domain/vocabulary';
import { storableText } from '../db/storable';

export interface QueuedMail {
	to: string;
	userId?: string | null;
	purpose: MailPurpose;
	meetingId?: string | null;
	/**
	 * The unit whose business it is, for a message about no meeting to an address outside the
	 * unit's accounts (the outbox shows it to that unit: outbox-view.ts).
	 */
	unitId?: string | null;
	/** The document version the message concerns, if any (a circulated copy). */
	documentId?: string | null;
	subject: string;
	text: string;
	html?: string | null;
	attachments?: MailAttachment[];
	/** When it was queued, if not now (the demo's invitations, dated when its meetings were arranged). */
	queuedAt?: Date;
}

/** The row a queued email is written as, with its purpose's priority. */
function outboxValues(mail: QueuedMail, now: Date): typeof outbox.$inferInsert {
	return {
		recipientEmail: mail.to,
		userId: mail.userId ?? null,
		purpose: mail.purpose,
		priority: mailPriorities[mail.purpose],
		meetingId: mail.meetingId ?? null,
		unitId: mail.unitId ?? null,
		documentId: mail.documentId ?? null,
		subject: storableText(mail.subject),
		textBody: storableText(mail.text),
		htmlBody: mail.html == null ? null : storableText(mail.html),
		attachments: mail.attachments ?? [],
		// Due from now by this process's clock, to the millisecond, as the sender compares:
		// the database's own now() carries microseconds, and a message queued in the same
		// millisecond as a sender's round would otherwise wait a round.
		nextAttemptAt: now,
		...(mail.queuedAt ? { createdAt: mail.queuedAt } : {})
	};
}

/** Queues one email; it is sent by the next run of the sender. */
export async function enqueueMail(props: {
	db: Database;
	mail: QueuedMail;
}): Promise<OutboxMessage> {
	const [row] = await props.db
		.insert(outbox)
		.values(outboxValues(props.mail, new Date()))
		.returning();
	return row;
}

/** Queues several emails in one statement (an import's set-up links); returns nothing. */
export async function enqueueMails(props: { db: Database; mails: QueuedMail[] }): Promise<void> {
	if (props.mails.length === 0) return;
	const now = new Date();
	await insertRows(
		props.db,
		outbox,
		props.mails.map((mail) => outboxValues(mail, now))
	);
}

/** What makes a scheduled email the same one: its meeting, recipient, purpose and sequence. */
export interface MailKey {
	meetingId: string;
	participantId: string;
	purpose: MailPurpose;
	/** The meeting's calendar SEQUENCE for reminders; 0 otherwise. */
	sequence?: number;
}

/**
 * Queues an email once per key, ever: the key (`scheduled_mail`) and the message are written in
 * one transaction, with `also` (e.g. noting the request on the report request). A second call
 * with the same key — another node, a restart, the demo loaded again — queues nothing and
 * returns null; on PostgreSQL a concurrent one waits for the first to commit, then finds the key.
 * `build` runs only when the key is new.
 */
export async function enqueueMailOnce(props: {
	db: Database;
	key: MailKey;
	build: (tx: Database) => Promise<QueuedMail> | QueuedMail;
	also?: (tx: Database, message: OutboxMessage) => Promise<unknown>;
	at?: Date;
}): Promise<OutboxMessage | null> {
	const { key } = props;
	const sequence = key.sequence ?? 0;
	return props.db.transaction(async (tx) => {
		const [claimed] = await tx
			.insert(scheduledMail)
			.values({
				meetingId: key.meetingId,
				participantId: key.participantId,
				purpose: key.purpose,
				sequence,
				...(props.at ? { queuedAt: props.at } : {})
			})
			.onConflictDoNothing()
			.returning({ meetingId: scheduledMail.meetingId });
		if (!claimed) return null;
		const message = await enqueueMail({ db: tx, mail: await props.build(tx) });
		await tx
			.update(scheduledMail)
			.set({ outboxId: message.id })
			.where(
				and(
					eq(scheduledMail.meetingId, key.meetingId),
					eq(scheduledMail.participantId, key.participantId),
					eq(scheduledMail.purpose, key.purpose),
					eq(scheduledMail.sequence, sequence)
				)
			);
		await props.also?.(tx, message);
		return message;
	});
}

/** One message, or null. */
export async function outboxMessage(props: {
	db: Database;
	id: string;
}): Promise<OutboxMessage | null> {
	const [row] = await props.db.select().from(outbox).where(eq(outbox.id, props.id));
	return row ?? null;
}
