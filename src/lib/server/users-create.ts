import type { Database } from './db';
import { units, users, type User } from './db/schema';
import type { UserRole } from '../domain/vocabulary';
import { hashPassword } from './auth/password';
import { normaliseEmail } from './users';

/** Creates the unit and its first admin, when Roundtable has no accounts yet. */
export async function createFirstAdmin(props: {
	db: Database;
	unitName: string;
	name: string;
	email: string;
	password: string;
}): Promise<User> {
	const passwordHash = await hashPassword(props.password);
	return props.db.transaction(async (tx) => {
		const [unit] = await tx.insert(units).values({ name: props.unitName }).returning();
		return createUser({
			db: tx,
			unitId: unit.id,
			name: props.name,
			email: props.email,
			role: 'admin',
			passwordHash
		});
	});
}

/** Adds one account with an already-hashed password. */
export async function createUser(props: {
	db: Database;
	unitId: string | null;
	name: string;
	email: string;
	role: UserRole;
	passwordHash: string;
	agencyId?: string | null;
}): Promise<User> {
	const [user] = await props.db
		.insert(users)
		.values({
			unitId: props.unitId,
			name: props.name,
			email: normaliseEmail(props.email),
			role: props.role,
			agencyId: props.agencyId ?? null,
			passwordHash: props.passwordHash
		})
		.returning();
	return user;
}
