import {
	pgTable,
	text,
	timestamp,
	boolean,
	primaryKey,
	index,
	date,
	integer,
	jsonb,
	uniqueIndex,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import { agencies, units, users } from './people';
import { children } from './families';
import {
	attendanceStates,
	meetingKinds,
	meetingRoles,
	meetingStatuses
} from '../../../domain/vocabulary';
import type { EndConfirmation } from '../../../domain/register';
import type { MeetingTemplate } from '../../../domain/templates/types';

const id = () =>
	text('id')
		.primaryKey()
		.$defaultFn(() => crypto.randomUUID());

/**
 * A unit's own meeting kinds (issue 25): each save of a copy of a built-in kind is a new row,
 * version 1, 2, … of the unit's `kind_id`. The built-in kinds are version 1 of themselves, in the
 * code (src/lib/domain/templates), with no row. Rows are never changed: a meeting names the
 * version it was scheduled with.
 */
export const meetingKindVersions = pgTable(
	'meeting_kind_versions',
	{
		id: id(),
		unitId: text('unit_id')
			.notNull()
			.references(() => units.id),
		/** The unit's name for its copy, e.g. `core-group-copy-3f9a1c2e`; the same for all its versions. */
		kindId: text('kind_id').notNull(),
		/** The built-in kind it copies, whose rules (timescales, decisions, documents) it follows. */
		baseKind: text('base_kind', { enum: meetingKinds }).notNull(),
		version: integer('version').notNull(),
		/** The whole template (checkKindDefinition): the base's structure with the unit's words. */
		definition: jsonb('definition').$type<MeetingTemplate>().notNull(),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('meeting_kind_versions_unit_kind_version').on(t.unitId, t.kindId, t.version)]
);

export const meetings = pgTable(
	'meetings',
	{
		id: id(),
		unitId: text('unit_id').references(() => units.id),
		kind: text('kind', { enum: meetingKinds }).notNull(),
		/**
		 * The version of the unit's own kind the meeting was scheduled with (issue 25); null for a
		 * built-in kind. `kind` is then the version's base kind.
		 */
		kindVersionId: text('kind_version_id').references((): AnyPgColumn => meetingKindVersions.id),
		title: text('title').notNull(),
		status: text('status', { enum: meetingStatuses }).notNull().default('scheduled'),
		scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
		chairId: text('chair_id').references(() => users.id),
		/** The meeting this one follows on from (a review's conference), for pre-filling. */
		previousMeetingId: text('previous_meeting_id'),
		startedAt: timestamp('started_at', { withTimezone: true }),
		endedAt: timestamp('ended_at', { withTimezone: true }),
		/** The date the meeting was due by, from the children's events, when scheduled (null if none). */
		dueBy: date('due_by', { mode: 'string' }),
		/** Why it was scheduled after its due date, as the scheduler gave it. */
		lateReason: text('late_reason'),
		/**
		 * What End meeting warned of (register not taken, not quorate) and the chair's reason for
		 * ending all the same, with what happens next; null when nothing needed confirming.
		 */
		endConfirmation: jsonb('end_confirmation').$type<EndConfirmation>(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('meetings_scheduled_idx').on(t.scheduledAt)]
);

export const meetingChildren = pgTable(
	'meeting_children',
	{
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		childId: text('child_id')
			.notNull()
			.references(() => children.id)
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.childId] })]
);

export const meetingParticipants = pgTable(
	'meeting_participants',
	{
		id: id(),
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		/** Null for an invitee without an account (e.g. a GP who only sends a report). */
		userId: text('user_id').references(() => users.id),
		name: text('name').notNull(),
		/** Where to write to someone invited without an account (they are sent a link to set one up); null otherwise. */
		email: text('email'),
		role: text('role', { enum: meetingRoles }).notNull(),
		/** The language an interpreter interprets (issue 26); null for everyone else. */
		language: text('language'),
		agencyId: text('agency_id').references(() => agencies.id),
		/**
		 * An agency's team mailbox (the school office, the GP practice, the emergency duty team):
		 * `name` is the agency's, `email` its shared address; sent the professionals' copy, never
		 * a link to set up an account, and never on the register (issue 22).
		 */
		mailbox: boolean('mailbox').notNull().default(false),
		/** Professionals who vote on the plan decision. */
		voting: boolean('voting').notNull().default(false),
		attendance: text('attendance', { enum: attendanceStates }).notNull().default('invited'),
		/** Marked when they came after the register was first taken. */
		arrivedLate: boolean('arrived_late').notNull().default(false),
		reportRequested: boolean('report_requested').notNull().default(false),
		reportReceivedAt: timestamp('report_received_at', { withTimezone: true }),
		reportSharedWithParents: boolean('report_shared_with_parents').notNull().default(false)
	},
	(t) => [
		index('participants_meeting_idx').on(t.meetingId),
		index('participants_user_idx').on(t.userId)
	]
);

export type Meeting = typeof meetings.$inferSelect;
export type MeetingParticipant = typeof meetingParticipants.$inferSelect;
