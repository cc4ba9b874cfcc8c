import { eq, sql } from 'drizzle-orm';
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

export async function userByEmail(db: Database, email: string): Promise<User | null> {
	const [user] = await db
		.select()
		.from(users)
		.where(eq(users.email, normaliseEmail(email)));
	return user ?? null;
}
