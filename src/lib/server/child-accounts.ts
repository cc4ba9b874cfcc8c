/**
 * A child's own account (issue 27): made from the child's record by their reviewing officer or
 * the unit's chairs and business support (`mayMakeChildAccount`), with a username instead of an
 * email address; its set-up link is handed to the child, who chooses a password with it
 * (/invite/{token}, as any account the unit made) and signs in with the username.
 *
 * A child who forgets their password has no email address to reset it by: the same people give
 * them a new set-up link for the account (`giveChildNewLink`). Any earlier unused link stops
 * working; with the new one the child chooses a new password (the old one stops working) and is
 * signed in, and every other session of theirs ends (./auth/account-invites.ts).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from './db';
import { children, families, users } from './db/schema';
import type { SessionUser } from './auth/session';
import { audit } from './audit';
import { accountInviteLink, createUserInvite, NO_PASSWORD_YET } from './auth/account-invites';
import { mayMakeChildAccount } from '../policy';
import { isUsername } from '../domain/people';

export type ChildAccountResult =
	| { status: 201; username: string; setUpLink: string }
	| { status: 400; errors: Record<string, string> }
	| { status: 404 }
	| { status: 409; message: string };

/** The child, if the viewer may give them an account or a link (`mayMakeChildAccount`); else null (404). */
async function childForOffice(props: { db: Database; user: SessionUser; childId: string }) {
	const { db, user } = props;
	if (!/^[0-9a-f-]{36}$/i.test(props.childId)) return null;
	const [child] = await db
		.select({
			id: children.id,
			name: children.name,
			iroId: children.iroId,
			accountId: children.accountId,
			unitId: families.unitId
		})
		.from(children)
		.innerJoin(families, eq(families.id, children.familyId))
		.where(eq(children.id, props.childId));
	if (!child || !child.unitId) return null;
	if (
		!mayMakeChildAccount({ viewer: { id: user.id, role: user.role, unitId: user.unitId }, child })
	)
		return null;
	return { ...child, unitId: child.unitId };
}

export async function makeChildAccount(props: {
	db: Database;
	user: SessionUser;
	childId: string;
	input: Record<string, unknown> | null;
}): Promise<ChildAccountResult> {
	const { db, user } = props;
	const child = await childForOffice({ db, user, childId: props.childId });
	if (!child) return { status: 404 };
	const raw = props.input?.username;
	const username = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
	if (!isUsername(username))
		return {
			status: 400,
			errors: {
				username:
					'Choose a username of 3 to 60 letters, numbers, dots or dashes, starting with a letter or number (for example "leo.w").'
			}
		};
	if (child.accountId) return { status: 409, message: 'This child has an account already.' };
	const [taken] = await db
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.email, username), sql`coalesce(${users.unitId}, '') = ${child.unitId}`));
	if (taken)
		return { status: 400, errors: { username: 'That username is taken: choose another.' } };
	const account = await db.transaction(async (tx) => {
		const [made] = await tx
			.insert(users)
			.values({
				unitId: child.unitId,
				name: child.name,
				email: username,
				role: 'child',
				passwordHash: NO_PASSWORD_YET
			})
			.returning();
		await tx.update(children).set({ accountId: made.id }).where(eq(children.id, child.id));
		return made;
	});
	const { token } = await createUserInvite({ db, userId: account.id, email: username });
	await audit({
		db,
		userId: user.id,
		action: 'child-account-made',
		targetType: 'child',
		targetId: child.id
	});
	return { status: 201, username, setUpLink: accountInviteLink(token) };
}

export type ChildLinkResult =
	{ status: 201; setUpLink: string } | { status: 404 } | { status: 409; message: string };

/**
 * A new set-up link for a child's existing account (a child who forgot their password): the
 * same people who may make the account; anyone else 404; a child with no account yet 409.
 * Any earlier unused link for the account stops working (`createUserInvite`). Audited.
 */
export async function giveChildNewLink(props: {
	db: Database;
	user: SessionUser;
	childId: string;
}): Promise<ChildLinkResult> {
	const { db, user } = props;
	const child = await childForOffice({ db, user, childId: props.childId });
	if (!child) return { status: 404 };
	const [account] = child.accountId
		? await db
				.select({ id: users.id, email: users.email })
				.from(users)
				.where(eq(users.id, child.accountId))
		: [];
	if (!account)
		return {
			status: 409,
			message: 'This child has no account yet: make one first (give them a username).'
		};
	const { token } = await createUserInvite({ db, userId: account.id, email: account.email });
	await audit({
		db,
		userId: user.id,
		action: 'child-account-new-link',
		targetType: 'child',
		targetId: child.id
	});
	return { status: 201, setUpLink: accountInviteLink(token) };
}

/**
 * The child's own account as their page shows it to those who may give one (null for anyone
 * else): its username, or null when the child has none yet.
 */
export async function childAccountFor(props: {
	db: Database;
	user: SessionUser;
	childId: string;
}): Promise<{ username: string | null } | null> {
	const child = await childForOffice(props);
	if (!child) return null;
	if (!child.accountId) return { username: null };
	const [account] = await props.db
		.select({ email: users.email })
		.from(users)
		.where(eq(users.id, child.accountId));
	return { username: account?.email ?? null };
}
