import { pgTable, text, timestamp, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { userRoles } from '../../../domain/vocabulary';

const id = () =>
	text('id')
		.primaryKey()
		.$defaultFn(() => crypto.randomUUID());

export const units = pgTable('units', {
	id: id(),
	name: text('name').notNull()
});

export const agencies = pgTable('agencies', {
	id: id(),
	name: text('name').notNull(),
	/** social-care, police, health, school, gp, nursery, advocacy, domestic-violence, other */
	kind: text('kind').notNull()
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
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('users_email_unique').on(t.email)]
);

export const sessions = pgTable(
	'sessions',
	{
		/** SHA-256 of the token, hex: the token itself is never stored. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
