import { pgTable, text, timestamp, index } from 'drizzle-orm/pg-core';
import { meetingParticipants } from './meetings';

/**
 * A link inviting someone named on a meeting without an account to set one up
 * (src/lib/server/auth/account-invites.ts): single use, expiring. Like sessions, only the
 * SHA-256 of the token is stored; the token itself is in the invitation email alone.
 */
export const accountInvites = pgTable(
	'account_invites',
	{
		/** SHA-256 of the token, hex. */
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => meetingParticipants.id, { onDelete: 'cascade' }),
		/** The address the link was sent to; the account is made with it. */
		email: text('email').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		/** When the link was used (it works once). */
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('account_invites_participant_idx').on(t.participantId)]
);

export type AccountInvite = typeof accountInvites.$inferSelect;
