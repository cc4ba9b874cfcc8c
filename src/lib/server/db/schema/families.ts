import { pgTable, text, date, primaryKey, boolean } from 'drizzle-orm/pg-core';
import { units, users } from './people';
import { placementTypes } from '../../../domain/child-record';

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
	dateOfBirth: date('date_of_birth', { mode: 'string' }),
	/** What the child likes to be called, if not their name. */
	preferredName: text('preferred_name'),
	/** The day the child came into care (looked after); null when not in care. */
	inCareSince: date('in_care_since', { mode: 'string' }),
	/** The child's independent reviewing officer while in care (a chair of the unit). */
	iroId: text('iro_id').references(() => users.id),
	/**
	 * The child's own account (issue 27: a child in care, or on a plan and old enough), signed
	 * into with a username and a password the child chose through a set-up link; null: none.
	 */
	accountId: text('account_id').references(() => users.id),
	/** The child's identifier in the council's case system (issue 26), sent with every event. */
	caseSystemId: text('case_system_id'),
	/** Where a child in care lives (issue 26): the kind of placement and the carer's name. */
	placementType: text('placement_type', { enum: placementTypes }),
	carerName: text('carer_name'),
	/** Placed outside the council's area. */
	outOfArea: boolean('out_of_area').notNull().default(false),
	/** The other authority that placed the child here, when one did. */
	placedByAuthority: text('placed_by_authority'),
	/** Needs that change how a meeting is run, and facts for the figures (issue 26). */
	disability: text('disability'),
	firstLanguage: text('first_language'),
	interpreterNeeded: boolean('interpreter_needed').notNull().default(false),
	communicationNeeds: text('communication_needs'),
	ethnicity: text('ethnicity'),
	religion: text('religion')
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
		relationship: text('relationship').notNull(),
		/** Holds parental responsibility: invited to the children's meetings automatically. */
		parentalResponsibility: boolean('parental_responsibility').notNull().default(false)
	},
	(t) => [primaryKey({ columns: [t.familyId, t.userId] })]
);

export type Child = typeof children.$inferSelect;
export type Family = typeof families.$inferSelect;
