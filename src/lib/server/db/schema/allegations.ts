import { boolean, date, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { units, users } from './people';
import { children } from './families';
import {
	allegationNatures,
	allegationOutcomes,
	allegationSectors,
	employerActions
} from '../../../domain/vocabulary';

/**
 * An allegation against an adult who works with children (issue 25: the LADO's cases): a case of
 * its own, not a family's. The adult (name, role, employer, sector), what is alleged, when it was
 * received and from whom; the initial consideration (due one working day after receipt) with the
 * threshold decision and its reasons; the outcome with its reason. Only the unit's chairs,
 * business support and managers read it (policy: `mayWorkAllegations`).
 */
export const allegations = pgTable(
	'allegations',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		unitId: text('unit_id')
			.notNull()
			.references(() => units.id),
		adultName: text('adult_name').notNull(),
		adultRole: text('adult_role').notNull(),
		adultEmployer: text('adult_employer').notNull(),
		adultSector: text('adult_sector', { enum: allegationSectors }).notNull(),
		nature: text('nature', { enum: allegationNatures }).notNull(),
		receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
		referrerName: text('referrer_name').notNull(),
		referrerAgency: text('referrer_agency').notNull(),
		/** One working day after the London day it was received (bank holidays counted). */
		considerationDueBy: date('consideration_due_by', { mode: 'string' }).notNull(),
		/** The initial consideration: whether the threshold is met, and why; null until made. */
		consideredAt: timestamp('considered_at', { withTimezone: true }),
		thresholdMet: boolean('threshold_met'),
		thresholdReasons: text('threshold_reasons'),
		outcome: text('outcome', { enum: allegationOutcomes }),
		outcomeReason: text('outcome_reason'),
		outcomeAt: timestamp('outcome_at', { withTimezone: true }),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('allegations_unit_received_idx').on(t.unitId, t.receivedAt),
		index('allegations_unit_outcome_idx').on(t.unitId, t.outcomeAt)
	]
);

/**
 * The children an allegation concerns, with the facts the LADO's figures count, as the child's
 * record held them when the allegation was received: in care, placed here by another authority,
 * disabled.
 */
export const allegationChildren = pgTable(
	'allegation_children',
	{
		allegationId: text('allegation_id')
			.notNull()
			.references(() => allegations.id, { onDelete: 'cascade' }),
		childId: text('child_id')
			.notNull()
			.references(() => children.id),
		inCare: boolean('in_care').notNull(),
		placedByOtherAuthority: boolean('placed_by_other_authority').notNull(),
		disabled: boolean('disabled').notNull(),
		/**
		 * For a child placed here by another authority: the day that authority saw the child after
		 * the allegation, as the LADO was told; null until told (the placed-elsewhere clock runs).
		 */
		seenByPlacingAuthorityOn: date('seen_by_placing_authority_on', { mode: 'string' }),
		/** Where to write to the placing authority, as the LADO recorded it; null: none recorded. */
		placingAuthorityEmail: text('placing_authority_email'),
		/** When the LADO last raised the unseen child with the placing authority by email. */
		raisedWithPlacingAuthorityAt: timestamp('raised_with_placing_authority_at', {
			withTimezone: true
		})
	},
	(t) => [
		primaryKey({ columns: [t.allegationId, t.childId] }),
		index('allegation_children_child_idx').on(t.childId)
	]
);

/**
 * What the adult's employer did about the allegation (suspension, investigation, dismissal, a
 * referral to the barring service, …), on which day, with a note; one row per action, in order.
 */
export const allegationEmployerActions = pgTable(
	'allegation_employer_actions',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		allegationId: text('allegation_id')
			.notNull()
			.references(() => allegations.id, { onDelete: 'cascade' }),
		action: text('action', { enum: employerActions }).notNull(),
		/** The day the employer took the action. */
		on: date('on', { mode: 'string' }).notNull(),
		note: text('note').notNull(),
		recordedBy: text('recorded_by')
			.notNull()
			.references(() => users.id),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('allegation_employer_actions_allegation_idx').on(t.allegationId, t.on)]
);

export type Allegation = typeof allegations.$inferSelect;
