/**
 * "Tell my reviewing officer" (issue 27): a child's conversation with their reviewing officer,
 * one per child. Only the child and the officer read it (policy: `mayUseConversation`); when a
 * child's message is not read within two working days the officer's managers are told that one
 * waits (never what it says, nor whose it is).
 */
import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { units, users } from './people';
import { children } from './families';

export const officerMessages = pgTable(
	'officer_messages',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		unitId: text('unit_id').references(() => units.id),
		childId: text('child_id')
			.notNull()
			.references(() => children.id),
		/** Who wrote it: the child's account, or their reviewing officer. */
		fromUserId: text('from_user_id')
			.notNull()
			.references(() => users.id),
		/** The reviewing officer a child's message went to (null for the officer's own answer). */
		toOfficerId: text('to_officer_id').references(() => users.id),
		text: text('text').notNull(),
		sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
		/** When the other side first read it. */
		readAt: timestamp('read_at', { withTimezone: true }),
		/** When the officer's managers were told it waited unread for two working days. */
		escalatedAt: timestamp('escalated_at', { withTimezone: true })
	},
	(t) => [index('officer_messages_child_idx').on(t.childId, t.sentAt)]
);

export type OfficerMessage = typeof officerMessages.$inferSelect;
