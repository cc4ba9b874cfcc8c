import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { users } from './people';
import { bytea } from './records';

/**
 * A member of staff's own photo (issue 27): a child sees their reviewing officer's face in their
 * space, and colleagues see it in the unit. One per person; checked by its bytes on upload
 * (JPEG, PNG or WebP, at most 2 MB) and served only to those the policy lets see it.
 */
export const staffPhotos = pgTable('staff_photos', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	contentType: text('content_type').notNull(),
	bytes: bytea('bytes').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
