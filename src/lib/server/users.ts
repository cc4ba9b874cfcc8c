import { asc, eq, sql } from 'drizzle-orm';
import type { Database } from './db';
import { users, type User } from './db/schema';

/** The databases known to hold an account (one in production; one a test file in the tests). */
const withAccounts = new WeakSet<Database>();

/** True once any account exists (cached per database: accounts are never all removed). */
export async function hasAnyUser(db: Database): Promise<boolean> {
	if (withAccounts.has(db)) return true;
	const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(users);
	const someone = (row?.n ?? 0) > 0;
	if (someone) withAccounts.add(db);
	return someone;
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
