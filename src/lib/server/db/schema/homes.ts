import { date, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { units, users } from './people';
import { outbox } from './mail';

/**
 * A children's home the unit's independent visitors visit (issue 25, Regulation 33 visits): its
 * name, its registered manager (name and email: the visit's report goes to them) and its Ofsted
 * URN. Scoped to the unit. The home's staff have no account here and see no list of visits.
 */
export const childrensHomes = pgTable(
	'childrens_homes',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		unitId: text('unit_id')
			.notNull()
			.references(() => units.id),
		name: text('name').notNull(),
		managerName: text('manager_name').notNull(),
		managerEmail: text('manager_email').notNull(),
		/** "SC" and six digits, as Ofsted registered the home. */
		ofstedUrn: text('ofsted_urn').notNull(),
		/** Visits are due monthly from the month of this day. */
		recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('childrens_homes_unit_urn_idx').on(t.unitId, t.ofstedUrn)]
);

/**
 * A Regulation 33 visit to a home: who visited (one of the unit's reviewing officers, or an
 * independent person named), the day, who was spoken to (staff by count and role, young people by
 * count: no child is named), the findings and recommendations; when the report went to the
 * registered manager (through the outbox) and when the visit was recorded for Ofsted, each with
 * who did it. A visit is recorded on or after the day it happened, never before (unannounced).
 */
export const reg33Visits = pgTable(
	'reg33_visits',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		homeId: text('home_id')
			.notNull()
			.references(() => childrensHomes.id),
		visitedOn: date('visited_on', { mode: 'string' }).notNull(),
		/** The visitor's account, when they are one of the unit's reviewing officers. */
		visitorUserId: text('visitor_user_id').references(() => users.id),
		/** The visitor's name as the report gives it. */
		visitorName: text('visitor_name').notNull(),
		staffSpokenTo: integer('staff_spoken_to'),
		staffRoles: text('staff_roles'),
		youngPeopleSpokenTo: integer('young_people_spoken_to'),
		findings: text('findings'),
		recommendations: text('recommendations'),
		findingsRecordedAt: timestamp('findings_recorded_at', { withTimezone: true }),
		findingsRecordedBy: text('findings_recorded_by').references(() => users.id),
		reportSentAt: timestamp('report_sent_at', { withTimezone: true }),
		reportSentBy: text('report_sent_by').references(() => users.id),
		reportOutboxId: text('report_outbox_id').references(() => outbox.id, { onDelete: 'set null' }),
		recordedForOfstedAt: timestamp('recorded_for_ofsted_at', { withTimezone: true }),
		recordedForOfstedBy: text('recorded_for_ofsted_by').references(() => users.id),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('reg33_visits_home_idx').on(t.homeId, t.visitedOn)]
);

export type ChildrensHome = typeof childrensHomes.$inferSelect;
export type Reg33Visit = typeof reg33Visits.$inferSelect;
