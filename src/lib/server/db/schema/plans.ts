import { pgTable, text, date, timestamp, index } from 'drizzle-orm/pg-core';
import { users } from './people';
import { children } from './families';
import { meetings } from './meetings';
import { childProtectionCategories } from '../../../domain/decisions';

/**
 * The child protection plan register (issue 26): one row per plan a child has been subject to,
 * from the conference that started it (or the day business support recorded it) to its end. The
 * one record of when a child was subject to a plan: the clocks (src/lib/server/families/clocks.ts)
 * and the figures read it. A plan running has no `ended_on`.
 */
export const childPlans = pgTable(
	'child_plans',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		childId: text('child_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		startedOn: date('started_on', { mode: 'string' }).notNull(),
		/** The conference that decided it; null for a plan recorded by hand. */
		startMeetingId: text('start_meeting_id').references(() => meetings.id, {
			onDelete: 'set null'
		}),
		category: text('category', { enum: childProtectionCategories }),
		startedBy: text('started_by').references(() => users.id),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
		endedOn: date('ended_on', { mode: 'string' }),
		endMeetingId: text('end_meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
		endReason: text('end_reason'),
		endedBy: text('ended_by').references(() => users.id),
		endedAt: timestamp('ended_at', { withTimezone: true })
	},
	(t) => [index('child_plans_child_idx').on(t.childId)]
);

export type ChildPlan = typeof childPlans.$inferSelect;
