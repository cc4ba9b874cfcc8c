import { pgTable, text, timestamp, integer, jsonb, index, primaryKey } from 'drizzle-orm/pg-core';
import { units, users } from './people';
import { meetingParticipants, meetings } from './meetings';
import { meetingDocuments } from './documents';
import { mailPurposes, mailStates, type MailPurpose } from '../../../domain/vocabulary';

/**
 * Which mail the sender takes first (the highest, then the oldest): what changes a meeting
 * people are about to attend and the 24-hour plan and notes (2), then the rest of a meeting's
 * mail (1), then bulk mail that can wait behind them — set-up links from an import, chasers and
 * staff's own reminders (0). A flood of set-up links never holds back a cancellation. The
 * migration that added `outbox.priority` (drizzle/0018_outbox_priority.sql) gave existing rows
 * these same numbers.
 */
export const mailPriorities: Record<MailPurpose, number> = {
	cancellation: 2,
	update: 2,
	circulation: 2,
	invitation: 1,
	reminder: 1,
	'report-request': 1,
	'advocacy-notice': 1,
	'report-reminder': 1,
	'report-chaser': 0,
	'document-due': 0,
	'challenge-reminder': 0,
	'account-invite': 0,
	'message-waiting': 1,
	'placing-authority-alert': 1,
	'reg33-report': 1,
	'exploitation-output': 1
};

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
		/** `mailPriorities[purpose]`: the sender takes the highest first, then the oldest. */
		priority: integer('priority').notNull(),
		meetingId: text('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
		/**
		 * The unit whose business the message is, when it is about no meeting and goes to no
		 * account of the unit (an alert to a placing authority, a report to a home's manager): its
		 * outbox shows it. Null for the rest, which the outbox finds by their meeting or account.
		 */
		unitId: text('unit_id').references(() => units.id),
		/** The document version the message concerns (a circulated copy, a due reminder), if any. */
		documentId: text('document_id').references(() => meetingDocuments.id, { onDelete: 'set null' }),
		subject: text('subject').notNull(),
		textBody: text('text_body').notNull(),
		htmlBody: text('html_body'),
		attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default([]),
		state: text('state', { enum: mailStates }).notNull().default('queued'),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error'),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		/**
		 * When the SMTP server accepted the recipient (nodemailer's `accepted` named them): the
		 * proof a copy was delivered to the recipient's mail system (issue 22). Null while only
		 * handed over.
		 */
		deliveredAt: timestamp('delivered_at', { withTimezone: true }),
		/**
		 * When the address was refused for good: a permanent refusal at sending (SMTP 5xx, or the
		 * server's `rejected` list) or a bounce read back (`POST /api/mail/bounces`, matched by the
		 * message's VERP return path). `bounce_reason` is plain words and a status code, never the
		 * bounce's own text.
		 */
		bouncedAt: timestamp('bounced_at', { withTimezone: true }),
		bounceReason: text('bounce_reason')
	},
	(t) => [
		index('outbox_due_idx').on(t.state, t.nextAttemptAt),
		index('outbox_send_order_idx').on(t.state, t.priority.desc(), t.createdAt),
		index('outbox_meeting_idx').on(t.meetingId)
	]
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

/**
 * What the scheduler (src/lib/server/mail/scheduler.ts) has queued: one row per meeting,
 * participant, purpose and sequence, written in the same transaction as the outbox row, so a
 * reminder, report request, report reminder or chaser is queued exactly once however many
 * nodes run and however often they restart. `sequence` is the meeting's calendar SEQUENCE for
 * reminders (a meeting that moves is reminded of again) and 0 for the report emails.
 */
export const scheduledMail = pgTable(
	'scheduled_mail',
	{
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		participantId: text('participant_id')
			.notNull()
			.references(() => meetingParticipants.id, { onDelete: 'cascade' }),
		purpose: text('purpose', { enum: mailPurposes }).notNull(),
		sequence: integer('sequence').notNull().default(0),
		outboxId: text('outbox_id').references(() => outbox.id, { onDelete: 'set null' }),
		queuedAt: timestamp('queued_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.participantId, t.purpose, t.sequence] })]
);

/**
 * A report asked of an agency (GPs included) for a meeting: when the request, its reminder and
 * its chaser were queued. Whether the report arrived and was shared with the parents stays in
 * the register (`meeting_participants.report_received_at`, `report_shared_with_parents`), which
 * the meeting page already records; the deadline follows the meeting's date
 * (src/lib/domain/reminders.ts), so a meeting that moves moves it too.
 */
export const reportRequests = pgTable(
	'report_requests',
	{
		participantId: text('participant_id')
			.primaryKey()
			.references(() => meetingParticipants.id, { onDelete: 'cascade' }),
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		askedAt: timestamp('asked_at', { withTimezone: true }).notNull(),
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		chasedAt: timestamp('chased_at', { withTimezone: true })
	},
	(t) => [index('report_requests_meeting_idx').on(t.meetingId)]
);

export type OutboxMessage = typeof outbox.$inferSelect;
export type ReportRequest = typeof reportRequests.$inferSelect;
