import { pgTable, text, timestamp, integer, jsonb, index } from 'drizzle-orm/pg-core';
import { users } from './people';
import { meetings } from './meetings';

/** Why a message was sent; docs/mail.md says what each one carries. */
export const mailPurposes = ['invitation', 'update', 'cancellation', 'reminder', 'report-request', 'report-reminder', 'report-chaser'] as const;
export type MailPurpose = (typeof mailPurposes)[number];

/** queued: waiting (or waiting to try again); sent: the SMTP server took it; failed: given up. */
export const mailStates = ['queued', 'sent', 'failed'] as const;
export type MailState = (typeof mailStates)[number];

/** A file carried by a message (the calendar invitation). */
export interface MailAttachment {
	filename: string;
	contentType: string;
	contentBase64: string;
}

/**
 * The outbox (DESIGN §7): every email Roundtable sends is first a row here, so nothing is
 * silently dropped. The sender claims due rows, sends them and marks them sent or failed.
 * `last_error` is plain words about the failure, never an address or a name.
 */
export const outbox = pgTable(
	'outbox',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		recipientEmail: text('recipient_email').notNull(),
		userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
		purpose: text('purpose', { enum: mailPurposes }).notNull(),
		meetingId: text('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
		subject: text('subject').notNull(),
		textBody: text('text_body').notNull(),
		htmlBody: text('html_body'),
		attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
		state: text('state', { enum: mailStates }).notNull().default('queued'),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error'),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(t) => [index('outbox_due_idx').on(t.state, t.nextAttemptAt), index('outbox_meeting_idx').on(t.meetingId)]
);

/**
 * A meeting's calendar entry: its SEQUENCE, raised each time the meeting moves or is
 * cancelled, so calendars replace the entry they hold (same UID) instead of adding one.
 */
export const meetingCalendar = pgTable('meeting_calendar', {
	meetingId: text('meeting_id')
		.primaryKey()
		.references(() => meetings.id, { onDelete: 'cascade' }),
	sequence: integer('sequence').notNull().default(0),
	/** Where the meeting is held (a room and building), shown in the calendar entry; null until known. */
	place: text('place'),
	/** Why the meeting last moved or was cancelled, as the chair or business support gave it (not sent by email). */
	changeReason: text('change_reason'),
	changedAt: timestamp('changed_at', { withTimezone: true })
});

export type OutboxMessage = typeof outbox.$inferSelect;
