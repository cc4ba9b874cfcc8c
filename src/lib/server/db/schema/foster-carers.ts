import {
	boolean,
	date,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { units, users } from './people';
import { children } from './families';
import { meetings } from './meetings';
import { fosterRecommendations, fosterReportKinds } from '../../../domain/vocabulary';

/**
 * A foster carer (issue 25) whose approval the unit's reviewing officers review each year (The
 * Fostering Services (England) Regulations 2011, reg. 28): their names as recorded (one carer or
 * a couple), when they were approved, their supervising social worker, and the dates of their
 * last review and last face-to-face review (null: none yet). Scoped to the unit; read and worked
 * by its chairs, business support and managers only (policy: `mayWorkFosterCarers`).
 */
export const fosterCarers = pgTable(
	'foster_carers',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		unitId: text('unit_id')
			.notNull()
			.references(() => units.id),
		/** The carer's name, or the couple's names, as they are known ("Sam and Alex Reid"). */
		names: text('names').notNull(),
		approvedOn: date('approved_on', { mode: 'string' }).notNull(),
		supervisingSocialWorkerName: text('supervising_social_worker_name').notNull(),
		supervisingSocialWorkerEmail: text('supervising_social_worker_email').notNull(),
		/** The meeting day of the last review whose recommendation was recorded, or as told. */
		lastReviewOn: date('last_review_on', { mode: 'string' }),
		lastFaceToFaceOn: date('last_face_to_face_on', { mode: 'string' }),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('foster_carers_unit_idx').on(t.unitId)]
);

/**
 * A child placed with a foster carer: always one of the unit's children (the review's meeting is
 * about them), with their social worker, of whom the child's report is asked.
 */
export const fosterPlacements = pgTable(
	'foster_placements',
	{
		carerId: text('carer_id')
			.notNull()
			.references(() => fosterCarers.id, { onDelete: 'cascade' }),
		childId: text('child_id')
			.notNull()
			.references(() => children.id),
		/** The order the children were recorded in, so the reports read the same each time. */
		position: integer('position').notNull(),
		socialWorkerName: text('social_worker_name').notNull(),
		socialWorkerEmail: text('social_worker_email').notNull()
	},
	(t) => [primaryKey({ columns: [t.carerId, t.childId] })]
);

/**
 * A foster carer review: the meeting of kind `foster-carer-review` and the carer it reviews,
 * whether it is the three-yearly face-to-face review, and the reviewing officer's recommendation
 * to the fostering panel once recorded after the meeting.
 */
export const fosterReviews = pgTable(
	'foster_reviews',
	{
		meetingId: text('meeting_id')
			.primaryKey()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		carerId: text('carer_id')
			.notNull()
			.references(() => fosterCarers.id),
		faceToFace: boolean('face_to_face').notNull(),
		recommendation: text('recommendation', { enum: fosterRecommendations }),
		recommendationReasons: text('recommendation_reasons'),
		recommendedBy: text('recommended_by').references(() => users.id),
		recommendedAt: timestamp('recommended_at', { withTimezone: true })
	},
	(t) => [index('foster_reviews_carer_idx').on(t.carerId)]
);

/**
 * One report a foster carer review gathers: a child's social worker's (one per placed child), the
 * supervising social worker's, the carer's own view, a child's view (one per placed child). Made
 * when the review is scheduled, not yet requested; then requested of someone by a date, chased
 * when late (each chase counted), and received, as text or as a note that it came by post.
 */
export const fosterReviewReports = pgTable(
	'foster_review_reports',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		meetingId: text('meeting_id')
			.notNull()
			.references(() => fosterReviews.meetingId, { onDelete: 'cascade' }),
		kind: text('kind', { enum: fosterReportKinds }).notNull(),
		childId: text('child_id').references(() => children.id),
		requestedAt: timestamp('requested_at', { withTimezone: true }),
		dueBy: date('due_by', { mode: 'string' }),
		askedOfName: text('asked_of_name'),
		askedOfEmail: text('asked_of_email'),
		requestedBy: text('requested_by').references(() => users.id),
		receivedAt: timestamp('received_at', { withTimezone: true }),
		/** The report's words when written in; null when it came by post (`byPost`). */
		text: text('text'),
		/** It came on paper, by post or by hand: kept on the file, not here. */
		byPost: boolean('by_post').notNull().default(false),
		chaseCount: integer('chase_count').notNull().default(0),
		lastChasedAt: timestamp('last_chased_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('foster_review_reports_one_each').on(t.meetingId, t.kind, t.childId),
		index('foster_review_reports_meeting_idx').on(t.meetingId)
	]
);

export type FosterCarer = typeof fosterCarers.$inferSelect;
export type FosterReviewReport = typeof fosterReviewReports.$inferSelect;
