/**
 * Voices heard before a meeting (issue 12): each child's consultation form, each professional's
 * report (a file kept here, in the database, or words written in the app), and whether an
 * advocate was offered to each child and to the parents. A parent's own view is not here: it
 * is their `contribution:{participantId}` root of the live record, written over the socket.
 */
import {
	boolean,
	index,
	integer,
	pgTable,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { users } from './people';
import { children } from './families';
import { meetingParticipants, meetings } from './meetings';
import { bytea } from './records';

const id = () =>
	text('id')
		.primaryKey()
		.$defaultFn(() => crypto.randomUUID());

/** A child's wishes and feelings for one meeting, in words for their age; one per child per meeting. */
export const consultations = pgTable(
	'consultations',
	{
		id: id(),
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		childId: text('child_id')
			.notNull()
			.references(() => children.id),
		/** The age band the form's questions were written for: 'under-8', '8-12', '13-plus'. */
		ageBand: text('age_band').notNull(),
		worries: text('worries').notNull().default(''),
		goingWell: text('going_well').notNull().default(''),
		wishes: text('wishes').notNull().default(''),
		/** Who helped the child fill it in (their social worker, advocate, parent…), in words. */
		helpedBy: text('helped_by').notNull(),
		/** The account that wrote it down (children have no accounts). */
		writtenBy: text('written_by')
			.notNull()
			.references(() => users.id),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('consultations_meeting_child_idx').on(t.meetingId, t.childId)]
);

/**
 * A professional's report for one meeting: a PDF or Word file (its bytes here, at most 10 MB,
 * the type judged from the bytes) or words written in the app; shared with the parents when
 * `sharedWithParentsAt` is set.
 */
export const professionalReports = pgTable(
	'professional_reports',
	{
		id: id(),
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		participantId: text('participant_id')
			.notNull()
			.references(() => meetingParticipants.id, { onDelete: 'cascade' }),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		title: text('title').notNull(),
		/** The file as uploaded; null for a report written in the app. */
		fileName: text('file_name'),
		/** The type found in the file's bytes (application/pdf, …wordprocessingml.document, application/msword). */
		contentType: text('content_type'),
		size: integer('size'),
		content: bytea('content'),
		/** Words written in the app; null for a file. */
		body: text('body'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sharedWithParentsAt: timestamp('shared_with_parents_at', { withTimezone: true }),
		/** When a parent or carer first opened it in the app (its page or its download). */
		parentsFirstOpenedAt: timestamp('parents_first_opened_at', { withTimezone: true })
	},
	(t) => [index('professional_reports_meeting_idx').on(t.meetingId)]
);

/**
 * Advocacy for one meeting: for a child (childId) or for the parents (childId null), whether
 * an advocate was offered and accepted, and who it is.
 */
export const advocacyOffers = pgTable(
	'advocacy_offers',
	{
		id: id(),
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		/** The child it was offered to; null when offered to the parents. */
		childId: text('child_id').references(() => children.id),
		offered: boolean('offered').notNull(),
		accepted: boolean('accepted').notNull().default(false),
		advocateName: text('advocate_name'),
		recordedBy: text('recorded_by')
			.notNull()
			.references(() => users.id),
		recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('advocacy_offers_meeting_idx').on(t.meetingId)]
);

export type Consultation = typeof consultations.$inferSelect;
export type ProfessionalReport = typeof professionalReports.$inferSelect;
export type AdvocacyOffer = typeof advocacyOffers.$inferSelect;
