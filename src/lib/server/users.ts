import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from './db';
import { users, type User } from './db/schema';

let someoneExists = false;

/** True once any account exists (cached: accounts are never all removed). */
export async function hasAnyUser(db: Database): Promise<boolean> {
	if (someoneExists) return true;
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
	someoneExists = (row?.n ?? 0) > 0;
	return someoneExists;
}

/** Emails are matched without regard to case or surrounding spaces. */
export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

/**
 * Every account with this address, oldest first. An address is unique within a unit, not across
 * units (issue 20): two units that both know a person may each hold an account for them.
 */
export async function usersByEmail(db: Database, email: string): Promise<User[]> {
	return db
		.select()
		.from(users)
		.where(eq(users.email, normaliseEmail(email)))
		.orderBy(asc(users.createdAt), asc(users.id));
}
