/**
 * Feedback after every meeting (issue 27). Who answered and what they said are kept apart, so
 * an answer cannot be traced back to a person, even by reading the tables: `feedback_given`
 * knows who answered each ended meeting (once each), `meeting_feedback` what was said, with the
 * kind of person (parent, child, professional) and the meeting's kind and chair, never the
 * person. Comments are stored with the names of the meeting's children and people removed.
 */
import { date, index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { units, users } from './people';
import { meetingParticipants, meetings } from './meetings';
import { feedbackRespondents, meetingKinds } from '../../../domain/vocabulary';

/** Who has answered a meeting's feedback: once per place on the meeting's list. */
export const feedbackGiven = pgTable(
	'feedback_given',
	{
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		participantId: text('participant_id')
			.notNull()
			.references(() => meetingParticipants.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.participantId] })]
);

/** One answer, with no person: the two scales (1–5) and the optional words. */
export const meetingFeedback = pgTable(
	'meeting_feedback',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		unitId: text('unit_id').references(() => units.id),
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: meetingKinds }).notNull(),
		chairId: text('chair_id').references(() => users.id),
		respondent: text('respondent', { enum: feedbackRespondents }).notNull(),
		listenedTo: integer('listened_to').notNull(),
		knowWhatNext: integer('know_what_next').notNull(),
		/** "One thing that would have made it better", names removed; '' when none. */
		better: text('better').notNull().default(''),
		/** A child in care's "What difference has your reviewing officer made?", names removed. */
		officerDifference: text('officer_difference').notNull().default(''),
		/** The London day it was answered (no time: nothing to match against who answered when). */
		answeredOn: date('answered_on', { mode: 'string' }).notNull()
	},
	(t) => [index('meeting_feedback_unit_day_idx').on(t.unitId, t.answeredOn)]
);

/**
 * A personal link to a meeting's feedback for someone on its list (a professional, through the
 * circulation email): only its SHA-256 is stored; it works until the person has answered.
 */
export const feedbackLinks = pgTable('feedback_links', {
	id: text('id').primaryKey(),
	meetingId: text('meeting_id')
		.notNull()
		.references(() => meetings.id, { onDelete: 'cascade' }),
	participantId: text('participant_id')
		.notNull()
		.references(() => meetingParticipants.id, { onDelete: 'cascade' }),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull()
});
