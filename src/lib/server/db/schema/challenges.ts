import { pgTable, text, timestamp, index } from 'drizzle-orm/pg-core';
import { units, users } from './people';
import { children } from './families';
import { meetings } from './meetings';

import { challengeStages, type ChallengeStage } from '../../../domain/vocabulary';

export { challengeStages, type ChallengeStage };

/**
 * A challenge a chair or reviewing officer raises about a child's case (issue 14): what, to
 * whom, why; its current stage (its steps are in `challenge_steps`) and, once resolved, its
 * outcome. `reminded_stage` is the stage its author was last reminded about, so the reminder
 * for a stage that waited too long is queued once.
 */
export const challenges = pgTable(
	'challenges',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		unitId: text('unit_id').references(() => units.id),
		childId: text('child_id')
			.notNull()
			.references(() => children.id),
		meetingId: text('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		about: text('about').notNull(),
		toAgency: text('to_agency').notNull(),
		toPerson: text('to_person').notNull(),
		why: text('why').notNull(),
		stage: text('stage', { enum: challengeStages }).notNull().default('informal'),
		outcome: text('outcome'),
		raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
		stageAt: timestamp('stage_at', { withTimezone: true }).notNull().defaultNow(),
		remindedStage: text('reminded_stage')
	},
	(t) => [
		index('challenges_child_idx').on(t.childId),
		index('challenges_raised_idx').on(t.raisedAt)
	]
);

/** Each step of a challenge: the stage it reached, when, who moved it and the note they wrote. */
export const challengeSteps = pgTable(
	'challenge_steps',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		challengeId: text('challenge_id')
			.notNull()
			.references(() => challenges.id, { onDelete: 'cascade' }),
		stage: text('stage', { enum: challengeStages }).notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		byUserId: text('by_user_id').references(() => users.id),
		note: text('note').notNull()
	},
	(t) => [index('challenge_steps_challenge_idx').on(t.challengeId)]
);

export type Challenge = typeof challenges.$inferSelect;
export type ChallengeStep = typeof challengeSteps.$inferSelect;
