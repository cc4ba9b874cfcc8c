import { pgTable, text, timestamp, index } from 'drizzle-orm/pg-core';
import { agencies } from './people';

/** A named person to reach at an agency (the unit's list of agencies, /unit/agencies). */
export const agencyContacts = pgTable(
	'agency_contacts',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		agencyId: text('agency_id')
			.notNull()
			.references(() => agencies.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		email: text('email'),
		phone: text('phone'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('agency_contacts_agency_idx').on(t.agencyId)]
);

export type AgencyContact = typeof agencyContacts.$inferSelect;
