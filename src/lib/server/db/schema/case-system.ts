import { pgTable, text, timestamp, integer, jsonb, index } from 'drizzle-orm/pg-core';
import { units, users } from './people';
import { children } from './families';
import { meetingDocuments } from './documents';
import { caseSystemEventTypes, deliveryStates } from '../../../domain/case-system';

/**
 * Where a unit's events go (issue 26): the council's case system's webhook endpoint and the
 * secret they are signed with (Standard Webhooks, `whsec_…`). One per unit; none, nothing is sent.
 */
export const caseSystemEndpoints = pgTable('case_system_endpoints', {
	unitId: text('unit_id')
		.primaryKey()
		.references(() => units.id, { onDelete: 'cascade' }),
	url: text('url').notNull(),
	secret: text('secret').notNull(),
	updatedBy: text('updated_by').references(() => users.id),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * Each event for the case system, queued like the outbox (src/lib/server/case-system/): its
 * webhook id (`id`, the same on every attempt), the body without the PDF link (made fresh, short
 * lived, at each attempt), its state and attempts. A replay is a new row naming the one it repeats.
 */
export const caseSystemDeliveries = pgTable(
	'case_system_deliveries',
	{
		id: text('id').primaryKey(),
		unitId: text('unit_id')
			.notNull()
			.references(() => units.id, { onDelete: 'cascade' }),
		type: text('type', { enum: caseSystemEventTypes }).notNull(),
		childId: text('child_id').references(() => children.id, { onDelete: 'cascade' }),
		documentId: text('document_id').references(() => meetingDocuments.id, {
			onDelete: 'set null'
		}),
		payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
		state: text('state', { enum: deliveryStates }).notNull().default('queued'),
		attempts: integer('attempts').notNull().default(0),
		/** The answer of the last attempt, in words (a status code, never the body). */
		lastError: text('last_error'),
		lastStatus: integer('last_status'),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		deliveredAt: timestamp('delivered_at', { withTimezone: true }),
		replayOf: text('replay_of')
	},
	(t) => [
		index('case_system_deliveries_due_idx').on(t.state, t.nextAttemptAt),
		index('case_system_deliveries_unit_idx').on(t.unitId, t.createdAt),
		index('case_system_deliveries_document_idx').on(t.documentId)
	]
);

export type CaseSystemDelivery = typeof caseSystemDeliveries.$inferSelect;
