import { pgTable, text, date, primaryKey } from 'drizzle-orm/pg-core';
import { units, users } from './people';

const id = () =>
	text('id')
		.primaryKey()
		.$defaultFn(() => crypto.randomUUID());

export const families = pgTable('families', {
	id: id(),
	unitId: text('unit_id').references(() => units.id),
	/** How the unit refers to the household, e.g. "Smith family". */
	name: text('name').notNull()
});

export const children = pgTable('children', {
	id: id(),
	familyId: text('family_id')
		.notNull()
		.references(() => families.id),
	name: text('name').notNull(),
	dateOfBirth: date('date_of_birth', { mode: 'string' })
});

/** Parents and carers with an account, linked to the family they belong to. */
export const familyMembers = pgTable(
	'family_members',
	{
		familyId: text('family_id')
			.notNull()
			.references(() => families.id),
		userId: text('user_id')
			.notNull()
			.references(() => users.id),
		/** e.g. "Mum", "Dad", "foster carer" */
		relationship: text('relationship').notNull()
	},
	(t) => [primaryKey({ columns: [t.familyId, t.userId] })]
);

export type Child = typeof children.$inferSelect;
export type Family = typeof families.$inferSelect;
