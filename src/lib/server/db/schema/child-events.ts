import { pgTable, text, date, timestamp, index } from 'drizzle-orm/pg-core';
import { users } from './people';
import { children } from './families';
import { meetings } from './meetings';
import { childEventKinds } from '../../../domain/child-clocks';

const id = () =>
	text('id')
		.primaryKey()
		.$defaultFn(() => crypto.randomUUID());

/**
 * What starts a child's clocks (docs/timescales.md): a strategy discussion, the day the child
 * came into care, the day a child protection plan started. Each row is one event on its date;
 * the due dates are worked out from them (src/lib/domain/child-clocks.ts), never stored.
 */
export const childEvents = pgTable(
	'child_events',
	{
		id: id(),
		childId: text('child_id')
			.notNull()
			.references(() => children.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: childEventKinds }).notNull(),
		/** The day it happened (a calendar date, no time). */
		date: date('date', { mode: 'string' }).notNull(),
		recordedBy: text('recorded_by').references(() => users.id),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('child_events_child_idx').on(t.childId)]
);

/**
 * A live conference adjourned by its chair: it keeps its record and continues on a new date.
 * One row per adjournment, with the reason the chair gave and the dates it moved between.
 */
export const meetingAdjournments = pgTable(
	'meeting_adjournments',
	{
		id: id(),
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		reason: text('reason').notNull(),
		adjournedBy: text('adjourned_by').references(() => users.id),
		adjournedAt: timestamp('adjourned_at', { withTimezone: true }).notNull().defaultNow(),
		/** When the meeting had been due to happen, and when it continues. */
		previousScheduledAt: timestamp('previous_scheduled_at', { withTimezone: true }).notNull(),
		continuesAt: timestamp('continues_at', { withTimezone: true }).notNull()
	},
	(t) => [index('meeting_adjournments_meeting_idx').on(t.meetingId)]
);

export type ChildEvent = typeof childEvents.$inferSelect;
export type MeetingAdjournment = typeof meetingAdjournments.$inferSelect;
