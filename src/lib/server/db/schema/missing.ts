import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './people';
import { children } from './families';
import { missingEscalations } from '../../../domain/vocabulary';

/**
 * A missing-from-home episode (issue 25): when the young person went missing and who reported
 * it; the time agreed before escalating (hours) and what to (a strategy discussion or a
 * conference); when and where they were found; the return interview (due within 72 hours of
 * being found) and who did it; the escalation, when, to what and by whom. Scoped to the unit
 * through the child's family; only the unit's chairs, business support and managers and the
 * child's reviewing officer read it (policy: `mayWorkMissingEpisodes`).
 */
export const missingEpisodes = pgTable(
	'missing_episodes',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		childId: text('child_id')
			.notNull()
			.references(() => children.id),
		wentMissingAt: timestamp('went_missing_at', { withTimezone: true }).notNull(),
		/** Who reported the young person missing, as told (for example "foster carer"). */
		reportedBy: text('reported_by').notNull(),
		/** Hours the young person may be missing before the episode is escalated. */
		agreedHours: integer('agreed_hours').notNull(),
		/** What the episode escalates to when the agreed time runs out. */
		escalateTo: text('escalate_to', { enum: missingEscalations }).notNull(),
		foundAt: timestamp('found_at', { withTimezone: true }),
		foundWhere: text('found_where'),
		returnInterviewAt: timestamp('return_interview_at', { withTimezone: true }),
		/** Who held the return interview, as recorded (a name and agency). */
		returnInterviewBy: text('return_interview_by'),
		escalatedAt: timestamp('escalated_at', { withTimezone: true }),
		escalatedTo: text('escalated_to', { enum: missingEscalations }),
		escalatedBy: text('escalated_by').references(() => users.id),
		/** Why the episode was escalated before the agreed time ran out; null when it had run out. */
		escalationReason: text('escalation_reason'),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('missing_episodes_child_idx').on(t.childId, t.wentMissingAt)]
);

export type MissingEpisode = typeof missingEpisodes.$inferSelect;
