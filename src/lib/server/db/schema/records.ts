import {
	pgTable,
	text,
	timestamp,
	bigserial,
	bigint,
	jsonb,
	index,
	primaryKey,
	customType
} from 'drizzle-orm/pg-core';
import { users } from './people';
import { meetings } from './meetings';
import { channels } from '../../../domain/vocabulary';

/** bytea as Uint8Array on both drivers (postgres.js returns a Buffer, which is one). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea'
});

/**
 * Every read of a child's record and every change, who, when and from where. No record content.
 * Append-only: the app has no update or delete of it, and a trigger refuses both (drizzle/0006_audit_sessions_limits.sql).
 */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		userId: text('user_id').references(() => users.id),
		action: text('action').notNull(),
		targetType: text('target_type').notNull(),
		targetId: text('target_id'),
		/** The meeting the entry is about (itself, its document, its live record), to search by. */
		meetingId: text('meeting_id'),
		/** The address the request came from (as adapter-node reports it, ADDRESS_HEADER behind a proxy). */
		address: text('address'),
		detail: jsonb('detail').$type<Record<string, unknown>>()
	},
	(t) => [
		index('audit_target_idx').on(t.targetType, t.targetId),
		index('audit_meeting_at_idx').on(t.meetingId, t.at),
		index('audit_user_at_idx').on(t.userId, t.at),
		index('audit_at_idx').on(t.at)
	]
);

/** The live record's Yjs updates, appended as they arrive. */
export const collabUpdates = pgTable(
	'collab_updates',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		document: text('document', { enum: channels }).notNull().default('main'),
		update: bytea('update').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('collab_updates_meeting_idx').on(t.meetingId, t.document, t.id)]
);

/** A compacted state of one document of the record: every update up to and including `upToId`. */
export const collabSnapshots = pgTable(
	'collab_snapshots',
	{
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		document: text('document', { enum: channels }).notNull().default('main'),
		state: bytea('state').notNull(),
		upToId: bigint('up_to_id', { mode: 'number' }).notNull(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.document] })]
);

/**
 * Which signed-in person owns each Yjs client id in a meeting (both of its documents):
 * authorship and anti-spoofing. `user_id` null: the server itself wrote with that id.
 */
export const collabClients = pgTable(
	'collab_clients',
	{
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		clientId: bigint('client_id', { mode: 'number' }).notNull(),
		userId: text('user_id').references(() => users.id)
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.clientId] })]
);
