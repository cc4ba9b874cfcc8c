import {
	pgTable,
	text,
	date,
	timestamp,
	index,
	integer,
	jsonb,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { users } from './people';
import { children } from './families';
import { meetings } from './meetings';
import { childProtectionCategories } from '../../../domain/decisions';
import type { PlanContent } from '../../../domain/plan-versions';

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

/**
 * Each version of a plan's outcomes and actions (issue 26): 1 from the conference that started
 * it, then one for each core group (or review) that changed them, with what changed in words
 * and who agreed (the people present). A core group opens with the latest.
 */
export const planVersions = pgTable(
	'plan_versions',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		planId: text('plan_id')
			.notNull()
			.references(() => childPlans.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		meetingId: text('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
		content: jsonb('content').$type<PlanContent>().notNull(),
		changes: jsonb('changes').$type<string[]>().notNull(),
		agreedBy: jsonb('agreed_by').$type<string[]>().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('plan_versions_version_idx').on(t.planId, t.version)]
);

export type PlanVersion = typeof planVersions.$inferSelect;
