import { pgTable, text, timestamp, bigserial, bigint, jsonb, index, primaryKey, customType } from 'drizzle-orm/pg-core';
import { users } from './people';
import { meetings } from './meetings';

/** bytea as Uint8Array on both drivers (postgres.js returns a Buffer, which is one). */
export const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea'
});

/** Every read of a child's record and every change, who and when. No record content. */
export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		userId: text('user_id').references(() => users.id),
		action: text('action').notNull(),
		targetType: text('target_type').notNull(),
		targetId: text('target_id'),
		detail: jsonb('detail').$type<Record<string, unknown>>()
	},
	(t) => [index('audit_target_idx').on(t.targetType, t.targetId)]
);

/** The live record's Yjs updates, appended as they arrive. */
export const collabUpdates = pgTable(
	'collab_updates',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		update: bytea('update').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('collab_updates_meeting_idx').on(t.meetingId, t.id)]
);

/** A compacted state of the record: every update up to and including `upToId`. */
export const collabSnapshots = pgTable('collab_snapshots', {
	meetingId: text('meeting_id')
		.primaryKey()
		.references(() => meetings.id, { onDelete: 'cascade' }),
	state: bytea('state').notNull(),
	upToId: bigint('up_to_id', { mode: 'number' }).notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** Which signed-in person owns each Yjs client id in a meeting: authorship and anti-spoofing. */
export const collabClients = pgTable(
	'collab_clients',
	{
		meetingId: text('meeting_id')
			.notNull()
			.references(() => meetings.id, { onDelete: 'cascade' }),
		clientId: bigint('client_id', { mode: 'number' }).notNull(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id)
	},
	(t) => [primaryKey({ columns: [t.meetingId, t.clientId] })]
);
