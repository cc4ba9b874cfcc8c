import { pgTable, text, timestamp, integer, jsonb, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { users } from './people';
import { meetings } from './meetings';
import type { MeetingDocument } from '../../../documents/model';
import { documentAudienceNames, documentKinds, documentStates } from '../../../domain/vocabulary';

/**
 * The documents a meeting made as it ended (DESIGN §6), one row per version. Never updated:
 * a new version is a new row. `content` is the document model the PDF is rendered from;
 * `html` the accessible page; `content_hash` the SHA-256 of the content as stored.
 */
export const meetingDocuments = pgTable(
	'documents',
	{
		id: text('id')
			.primaryKey()
			.$defaultFn(() => crypto.randomUUID()),
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		/** One of the domain's `documentKinds` (plan-24h, the notes, parent-plan, …). */
		kind: text('kind', { enum: documentKinds }).notNull(),
		/** professionals | family: who may read it (src/lib/policy.ts decides). */
		audience: text('audience', { enum: documentAudienceNames }).notNull(),
		version: integer('version').notNull(),
		generatorName: text('generator_name').notNull(),
		generatorVersion: text('generator_version').notNull(),
		createdBy: text('created_by').references(() => users.id),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		title: text('title').notNull(),
		/** Without extension: child, meeting and date. */
		fileName: text('file_name').notNull(),
		contentHash: text('content_hash').notNull(),
		html: text('html').notNull(),
		content: jsonb('content').$type<MeetingDocument>().notNull(),
		/**
		 * draft | with-chair | final (docs/documents.md). Only a draft or with-chair version changes
		 * state; a final version's content, html and hash never change again.
		 */
		state: text('state', { enum: documentStates }).notNull().default('final'),
		/** YYYY-MM-DD (London): when it is due out (notes 15 working days, the 24-hour plan 1). */
		dueBy: text('due_by'),
		/** The chair's comment when they sent this version back to draft. */
		returnedComment: text('returned_comment'),
		/** Why this version corrects the final one before it (a correction's new draft). */
		correctionReason: text('correction_reason'),
		submittedBy: text('submitted_by').references(() => users.id),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		approvedBy: text('approved_by').references(() => users.id),
		approvedAt: timestamp('approved_at', { withTimezone: true })
	},
	(t) => [
		uniqueIndex('documents_version_idx').on(t.meetingId, t.kind, t.version),
		index('documents_meeting_idx').on(t.meetingId)
	]
);

export type StoredDocument = typeof meetingDocuments.$inferSelect;
