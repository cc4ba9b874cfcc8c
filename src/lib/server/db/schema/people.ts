import { sql } from 'drizzle-orm';
import { pgTable, text, timestamp, index, integer, jsonb, uniqueIndex } from 'drizzle-orm/pg-core';
import { userRoles } from '../../../domain/vocabulary';

const id = () =>
	text('id')
		.primaryKey()
		.$defaultFn(() => crypto.randomUUID());

export const units = pgTable('units', {
	id: id(),
	name: text('name').notNull(),
	/**
	 * The unit's own quorum for conferences: how many agencies must be present (children's
	 * social care among them). Null: the template's default (three).
	 */
	conferenceQuorumAgencies: integer('conference_quorum_agencies'),
	/**
	 * The public-sector secure email domains the unit lists (`nhs.net`, `police.uk`, `gov.uk`):
	 * a copy sent to an address on one of them, or a subdomain, carries the PDF; elsewhere a
	 * personal link and a one-time code (docs/mail.md, issue 22).
	 */
	secureDomains: jsonb('secure_domains').$type<string[]>().notNull().default([]),
	/** How many working days before a meeting reports are due. Null: the default (3). */
	reportDueWorkingDays: integer('report_due_working_days')
});

export const agencies = pgTable('agencies', {
	id: id(),
	name: text('name').notNull(),
	/** One of `agencyKinds` (src/lib/domain/agencies.ts): police, health-visiting, gp, school… */
	kind: text('kind').notNull(),
	/** The unit that keeps this agency on its list (null: the demo's, shared by every unit). */
	unitId: text('unit_id').references(() => units.id),
	/** The agency's shared address (a team inbox), if it has one. */
	email: text('email')
});

export const users = pgTable(
	'users',
	{
		id: id(),
		unitId: text('unit_id').references(() => units.id),
		name: text('name').notNull(),
		email: text('email').notNull(),
		role: text('role', { enum: userRoles }).notNull(),
		agencyId: text('agency_id').references(() => agencies.id),
		passwordHash: text('password_hash').notNull(),
		/** The two-step sign-in key (TOTP, base32), when the person turned it on; null otherwise. */
		totpKey: text('totp_key'),
		/** The last TOTP time step a code was accepted for: a code is never accepted twice. */
		totpLastStep: integer('totp_last_step'),
		/** When the unit disabled the account: it cannot sign in and its sessions were ended. Null: enabled. */
		disabledAt: timestamp('disabled_at', { withTimezone: true }),
		/** For chairs and independent reviewing officers: how many children they should chair for at most. */
		caseloadLimit: integer('caseload_limit').notNull().default(70),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	// An address is unique within the unit that made the account, not across units (issue 20):
	// two units may each know the same person, and neither may claim or learn of the other's
	// account (src/lib/server/auth/account-invites.ts). Accounts of no unit share one key.
	(t) => [uniqueIndex('users_email_unit_unique').on(t.email, sql`coalesce(${t.unitId}, '')`)]
);

export const sessions = pgTable(
	'sessions',
	{
		/** SHA-256 of the token, hex: the token itself is never stored. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		/** When the session was last used, to the nearest few minutes (shown on /account/sessions). */
		lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
		/** The address it was opened from. */
		address: text('address')
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/**
 * A sign-in half done: the password was right and the account asks for a code (two-step
 * sign-in). Its token is in a cookie on /login for 5 minutes; only its SHA-256 is stored.
 */
export const signInChallenges = pgTable('sign_in_challenges', {
	id: text('id').primaryKey(),
	userId: text('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	/** Wrong codes tried against it; at 5 it is spent. */
	attempts: integer('attempts').notNull().default(0)
});

/**
 * Failed sign-ins counted per key over a fixed window, in the database so the limits hold
 * across restarts and nodes (auth/rate-limit.ts). The key is a SHA-256 of what is counted (an
 * account and address pair, or an address), so the table names no one.
 */
export const signInLimits = pgTable('sign_in_limits', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	resetAt: timestamp('reset_at', { withTimezone: true }).notNull()
});

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
