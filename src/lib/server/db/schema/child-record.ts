import { pgTable, text, date, timestamp, index, primaryKey } from 'drizzle-orm/pg-core';
import { users } from './people';
import { children } from './families';
import { legalStatuses } from '../../../domain/child-record';

/**
 * A child in care's legal status over time (issue 26): section 20, an interim care order, a care
 * order, a placement order, each from its date. The latest is the child's status now.
 */
export const childLegalStatuses = pgTable(
	'child_legal_statuses',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		childId: text('child_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		status: text('status', { enum: legalStatuses }).notNull(),
		since: date('since', { mode: 'string' }).notNull(),
		recordedBy: text('recorded_by').references(() => users.id),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('child_legal_statuses_child_idx').on(t.childId)]
);

/**
 * Brothers and sisters living in other households (issue 26), linked both ways: one row for
 * each direction, so a child's siblings are the rows with their id first.
 */
export const siblingLinks = pgTable(
	'sibling_links',
	{
		childId: text('child_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		siblingId: text('sibling_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		linkedBy: text('linked_by').references(() => users.id),
		linkedAt: timestamp('linked_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.childId, t.siblingId] })]
);
