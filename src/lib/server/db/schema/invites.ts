import { pgTable, text, timestamp, index } from 'drizzle-orm/pg-core';
import { meetingParticipants } from './meetings';
import { users } from './people';

/**
 * A link inviting someone named on a meeting without an account, or someone the unit made an
 * account for, to set it up
 * (src/lib/server/auth/account-invites.ts): single use, expiring. Like sessions, only the
 * SHA-256 of the token is stored; the token itself is in the invitation email alone.
 */
export const accountInvites = pgTable(
	'account_invites',
	{
		/** SHA-256 of the token, hex. */
		id: text('id').primaryKey(),
		/** The place on a meeting's list the link was sent for (an invitee without an account)… */
		participantId: text('participant_id').references(() => meetingParticipants.id, {
			onDelete: 'cascade'
		}),
		/** …or the account the unit made (People and agencies) whose owner chooses a password with it. */
		userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
		/** The address the link was sent to; the account is made with it. */
		email: text('email').notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		/** When the link was used (it works once). */
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('account_invites_participant_idx').on(t.participantId),
		index('account_invites_user_idx').on(t.userId)
	]
);

export type AccountInvite = typeof accountInvites.$inferSelect;
