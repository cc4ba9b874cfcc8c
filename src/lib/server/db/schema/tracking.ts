import { pgTable, text, timestamp, date, index, integer, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './people';
import { children } from './families';
import { meetings } from './meetings';
import { meetingDocuments } from './documents';
import { outbox } from './mail';
import { actionStates } from '../../../domain/actions';

/**
 * Circulation with proof: one row per recipient each time a document version is sent to them
 * (src/lib/server/circulation.ts). Whether it left comes from its outbox row; `first_opened_at`
 * is set once, the first time that person opens that version's page or PDF.
 */
export const circulation = pgTable(
	'circulation',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		documentId: text('document_id')
			.notNull()
			.references(() => meetingDocuments.id, { onDelete: 'cascade' }),
		/** The recipient's account; null for an agency's contact address. */
		userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
		recipientEmail: text('recipient_email').notNull(),
		outboxId: text('outbox_id').references(() => outbox.id, { onDelete: 'set null' }),
		circulatedBy: text('circulated_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		firstOpenedAt: timestamp('first_opened_at', { withTimezone: true }),
		/**
		 * A failed or bounced copy someone acted on (issue 22): `resent` (sent again to a corrected
		 * address, a new row) or `dismissed` (with a reason). Until then it shows on the meeting's
		 * page and in the documents-due queue.
		 */
		resolution: text('resolution', { enum: ['resent', 'dismissed'] }),
		resolutionReason: text('resolution_reason'),
		resolvedBy: text('resolved_by').references(() => users.id, { onDelete: 'set null' }),
		resolvedAt: timestamp('resolved_at', { withTimezone: true })
	},
	(t) => [
		index('circulation_meeting_idx').on(t.meetingId),
		index('circulation_document_user_idx').on(t.documentId, t.userId)
	]
);

/**
 * The plan's actions between meetings (the tracker card): written once when the meeting ends,
 * from the record's plan; the owner (or the chair) moves each one on with a line of words.
 */
export const planActions = pgTable(
	'actions',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		/** The action's id in the meeting's record (plan.actions[].id). */
		recordActionId: text('record_action_id').notNull(),
		childId: text('child_id').references(() => children.id),
		text: text('text').notNull(),
		/** Who, as the plan names them ("Mum", "Sam, the health visitor"). */
		who: text('who').notNull(),
		/** The account of the participant the plan names, when it names one. */
		ownerId: text('owner_id').references(() => users.id, { onDelete: 'set null' }),
		dueBy: date('due_by', { mode: 'string' }),
		state: text('state', { enum: actionStates }).notNull().default('not-started'),
		note: text('note').notNull().default(''),
		updatedBy: text('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('actions_record_idx').on(t.meetingId, t.recordActionId),
		index('actions_owner_idx').on(t.ownerId)
	]
);

export type CirculationRow = typeof circulation.$inferSelect;
export type PlanActionRow = typeof planActions.$inferSelect;

/**
 * A personal link to one circulated copy, for an address off the unit's secure domains (issue
 * 22, src/lib/server/copy-links.ts): `/copies/{token}` sends a one-time code to the same address
 * and opens the copy once the code is typed. Only SHA-256 hashes of the token, the code and the
 * short-lived download grant are kept. Opening is audited and noted on the circulation row.
 */
export const copyLinks = pgTable(
	'copy_links',
	{
		/** SHA-256 of the link's token. */
		id: text('id').primaryKey(),
		circulationId: text('circulation_id')
			.notNull()
			.references(() => circulation.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		codeHash: text('code_hash'),
		codeExpiresAt: timestamp('code_expires_at', { withTimezone: true }),
		codeAttempts: integer('code_attempts').notNull().default(0),
		grantHash: text('grant_hash'),
		grantExpiresAt: timestamp('grant_expires_at', { withTimezone: true }),
		firstOpenedAt: timestamp('first_opened_at', { withTimezone: true })
	},
	(t) => [index('copy_links_circulation_idx').on(t.circulationId)]
);

/**
 * A copy held back by the chair, with the reason (issue 22): the whole 24-hour plan when the
 * conference ends (`recipient_email` null), or one name on the final notes' list when they are
 * approved. Nothing is queued while it is held; `released_at` is set when it is sent after all.
 */
export const circulationHolds = pgTable(
	'circulation_holds',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		documentId: text('document_id')
			.notNull()
			.references(() => meetingDocuments.id, { onDelete: 'cascade' }),
		/** One recipient held back; null: the whole document. */
		recipientEmail: text('recipient_email'),
		reason: text('reason').notNull(),
		heldBy: text('held_by').references(() => users.id, { onDelete: 'set null' }),
		heldAt: timestamp('held_at', { withTimezone: true }).notNull().defaultNow(),
		releasedAt: timestamp('released_at', { withTimezone: true })
	},
	(t) => [index('circulation_holds_meeting_idx').on(t.meetingId)]
);
export type CirculationHold = typeof circulationHolds.$inferSelect;
