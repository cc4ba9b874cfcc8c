/**
 * Set-up links (issue 11: "people without an account are invited to set one up through a
 * single-use link that expires"). Someone named on a meeting without an account, with an email
 * address, is sent a link `/invite/{token}` in their invitation; there they choose a password,
 * an account is made for them (a professional's, or a parent's for a parent or carer) and they
 * are signed in. The token is 160 random bits; only its SHA-256 is stored (`account_invites`,
 * like sessions); it works once, for 14 days, and not at all once the person has an account.
 *
 * The unit's business support also makes accounts themselves (People and agencies, issue 12):
 * such an account has no password until its owner uses the link sent for it (`createUserInvite`),
 * which works once, for 14 days, only while the account has no password and is not disabled;
 * a newer link for the same account replaces the older one.
 *
 * A child's own account (issue 27) has no email address to reset a forgotten password by: their
 * reviewing officer or the unit's office gives them a new link (../child-accounts.ts), which
 * works once, for 14 days, even though the account has a password; using it replaces the
 * password, so the old one stops working, and ends every session of theirs before signing them
 * in. Only a child's account is reset this way: anyone else has an email address and the
 * account page.
 *
 * What a link may claim (issue 20). A People link is shown to the staff who made the account
 * (the API answers with it), so it proves nothing about who reads the address: it claims only
 * places on meetings of the unit that made the account — places that unit gave that address
 * itself. A link sent for a place goes to the address alone, and claims only that place. An
 * address is unique within a unit, not across units (users_email_unit_unique): if unit B makes
 * an account with the address of someone unit A invited, it is B's account and reaches none of
 * A's places; A's invitee's own link still makes them an account of A's (or, if they type the
 * password of an account they already hold with that address, adds the place to that one).
 * This is the simplest model that never lets one unit's staff claim, or learn of, another
 * unit's people; signing in tries each account with the address (./sign-in.ts).
 */
import { and, eq, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Database } from '../db';
import {
	accountInvites,
	meetingParticipants,
	meetings,
	users,
	type AccountInvite,
	type User
} from '../db/schema';
import { env } from '../env';
import { audit } from '../audit';
import { accountRoleForInvitee, meetingRolesForAccount } from '../../policy';
import { normaliseEmail, usersByEmail } from '../users';
import type { UserRole } from '../../domain/vocabulary';
import { hashPassword, verifyPassword } from './password';
import { generateSessionToken, invalidateUserSessions, sessionIdFromToken } from './session';
import { CommandError } from '../command-error';

/** How long a set-up link works. */
export const ACCOUNT_INVITE_LIFETIME_MS = 14 * 24 * 60 * 60_000;

/** The public address of a set-up link. */
export function accountInviteLink(token: string): string {
	const { ORIGIN, PORT } = env();
	return `${(ORIGIN ?? `http://localhost:${PORT}`).replace(/\/+$/, '')}/invite/${encodeURIComponent(token)}`;
}

/** Makes a new set-up link for a participant named without an account; returns the token (never stored) and when it expires. */
export async function createAccountInvite(props: {
	db: Database;
	participantId: string;
	email: string;
	now?: Date;
}): Promise<{ token: string; expiresAt: Date }> {
	const now = props.now ?? new Date();
	const token = generateSessionToken();
	const expiresAt = new Date(now.getTime() + ACCOUNT_INVITE_LIFETIME_MS);
	await props.db.insert(accountInvites).values({
		id: sessionIdFromToken(token),
		participantId: props.participantId,
		email: normaliseEmail(props.email),
		expiresAt,
		createdAt: now
	});
	return { token, expiresAt };
}

/** The stored password of an account the unit made whose owner has not chosen one yet (never matches). */
export const NO_PASSWORD_YET = '';

/**
 * Makes a new set-up link for an account the unit made (People and agencies); any older unused
 * link for it stops working. Returns the token (never stored) and when it expires.
 */
export async function createUserInvite(props: {
	db: Database;
	userId: string;
	email: string;
	now?: Date;
}): Promise<{ token: string; expiresAt: Date }> {
	const now = props.now ?? new Date();
	const token = generateSessionToken();
	const expiresAt = new Date(now.getTime() + ACCOUNT_INVITE_LIFETIME_MS);
	await props.db
		.delete(accountInvites)
		.where(and(eq(accountInvites.userId, props.userId), isNull(accountInvites.usedAt)));
	await props.db.insert(accountInvites).values({
		id: sessionIdFromToken(token),
		userId: props.userId,
		email: normaliseEmail(props.email),
		expiresAt,
		createdAt: now
	});
	return { token, expiresAt };
}

/**
 * Set-up links for several new accounts the unit made (an import), as `createUserInvite` makes
 * one, for accounts that have no link yet: the `account_invites` rows for the caller to write
 * (with `insertRows`, in its transaction) and each token (never stored), in the order given.
 */
export function newUserInvites(props: {
	accounts: { userId: string; email: string }[];
	now?: Date;
}): { tokens: string[]; expiresAt: Date; rows: (typeof accountInvites.$inferInsert)[] } {
	const now = props.now ?? new Date();
	const expiresAt = new Date(now.getTime() + ACCOUNT_INVITE_LIFETIME_MS);
	const tokens = props.accounts.map(() => generateSessionToken());
	const rows = props.accounts.map((account, i) => ({
		id: sessionIdFromToken(tokens[i]),
		userId: account.userId,
		email: normaliseEmail(account.email),
		expiresAt,
		createdAt: now
	}));
	return { tokens, expiresAt, rows };
}

const UNUSABLE = {
	unknown: 'This link is not right: check that the whole link was copied from the email.',
	used: 'This link has been used already: it works once. Sign in with the email address and password you chose.',
	expired: "This link has expired. Ask the unit's business support to send you a new one.",
	account:
		'There is already an account with this email address: type its password here to add the meeting to it, or sign in with it.',
	madeByUnit:
		'The unit has made you an account with this email address: set it up with the link in the email "Set up your Roundtable account".',
	disabled: "This account has been disabled. Ask the unit's business support if you need it again."
} as const;

/** What the set-up page shows for a token: who it is for, or why it cannot be used. */
export type AccountInviteLookup =
	| {
			ok: true;
			name: string;
			email: string;
			meetingId: string | null;
			expiresAt: Date;
			/** A child's new link (issue 27): it replaces the password they have. */
			newPassword: boolean;
	  }
	| { ok: false; problem: string };

/** Looks a token up without using it. */
export async function lookUpAccountInvite(props: {
	db: Database;
	token: string;
	now?: Date;
}): Promise<AccountInviteLookup> {
	const { db } = props;
	const now = props.now ?? new Date();
	if (!/^[a-z2-7]{32}$/.test(props.token)) return { ok: false, problem: UNUSABLE.unknown };
	const [stored] = await db
		.select()
		.from(accountInvites)
		.where(eq(accountInvites.id, sessionIdFromToken(props.token)));
	if (!stored) return { ok: false, problem: UNUSABLE.unknown };
	if (stored.userId) return lookUpUserInvite({ db, invite: stored, userId: stored.userId, now });
	const [found] = await db
		.select({ invite: accountInvites, participant: meetingParticipants })
		.from(accountInvites)
		.innerJoin(meetingParticipants, eq(meetingParticipants.id, accountInvites.participantId))
		.where(eq(accountInvites.id, stored.id));
	if (!found) return { ok: false, problem: UNUSABLE.unknown };
	const { invite, participant } = found;
	if (invite.usedAt || participant.userId) return { ok: false, problem: UNUSABLE.used };
	if (invite.expiresAt.getTime() <= now.getTime()) return { ok: false, problem: UNUSABLE.expired };
	// The meeting's own unit made them an account with this address and they have not set it up:
	// that account's link is the one to use. (Other units' accounts are not looked at.)
	const [made] = await db
		.select({ id: users.id })
		.from(users)
		.innerJoin(meetings, eq(meetings.id, participant.meetingId))
		.where(
			and(
				eq(users.email, invite.email),
				eq(users.unitId, meetings.unitId),
				eq(users.passwordHash, NO_PASSWORD_YET)
			)
		);
	if (made) return { ok: false, problem: UNUSABLE.madeByUnit };
	return {
		ok: true,
		name: participant.name,
		email: invite.email,
		meetingId: participant.meetingId,
		expiresAt: invite.expiresAt,
		newPassword: false
	};
}

/**
 * A link for an account the unit made: usable while unused, unexpired, and the account is
 * enabled and has no password yet (or is a child's, whose new link replaces the password).
 */
async function lookUpUserInvite(props: {
	db: Database;
	invite: AccountInvite;
	userId: string;
	now: Date;
}): Promise<AccountInviteLookup> {
	const { invite } = props;
	const [user] = await props.db.select().from(users).where(eq(users.id, props.userId));
	if (!user) return { ok: false, problem: UNUSABLE.unknown };
	if (user.disabledAt) return { ok: false, problem: UNUSABLE.disabled };
	if (invite.usedAt || !passwordSettableByLink(user)) return { ok: false, problem: UNUSABLE.used };
	if (invite.expiresAt.getTime() <= props.now.getTime())
		return { ok: false, problem: UNUSABLE.expired };
	return {
		ok: true,
		name: user.name,
		email: user.email,
		meetingId: null,
		expiresAt: invite.expiresAt,
		newPassword: user.passwordHash !== NO_PASSWORD_YET
	};
}

/** May a link set this account's password: it has none yet, or it is a child's (issue 27)? */
function passwordSettableByLink(user: Pick<User, 'passwordHash' | 'role'>): boolean {
	return user.passwordHash === NO_PASSWORD_YET || user.role === 'child';
}

/** What using a link did: the account, the meeting to open, and whether to sign them in now. */
export interface RedeemedInvite {
	userId: string;
	meetingId: string | null;
	/** False when the place joined an account that asks for a code at sign-in: they sign in. */
	signIn: boolean;
}

/**
 * Uses a set-up link: in one transaction the link is marked used (only if it was unused and
 * unexpired, so two tries at once make one account). A People link sets the account's password
 * and gives it the places on its own unit's meetings named with that address and no account,
 * in a role that fits. A place's link gives that place alone: to an account the person already
 * holds with that address if the password typed opens it, otherwise to a new account of the
 * meeting's unit. Returns the account and the meeting to open.
 */
export async function redeemAccountInvite(props: {
	db: Database;
	token: string;
	password: string;
	now?: Date;
}): Promise<RedeemedInvite> {
	const { db } = props;
	const now = props.now ?? new Date();
	const before = await lookUpAccountInvite({ db, token: props.token, now });
	if (!before.ok) throw new CommandError(400, before.problem);
	const held = before.meetingId
		? await accountOpenedBy({ db, token: props.token, password: props.password })
		: null;
	const passwordHash = held ? '' : await hashPassword(props.password); // slow: outside the transaction
	let sessionsToEnd: string | null = null;
	const redeemed = await db.transaction(async (tx): Promise<RedeemedInvite> => {
		const [invite] = await tx
			.update(accountInvites)
			.set({ usedAt: now })
			.where(
				and(
					eq(accountInvites.id, sessionIdFromToken(props.token)),
					isNull(accountInvites.usedAt),
					gt(accountInvites.expiresAt, now)
				)
			)
			.returning();
		if (!invite) throw new CommandError(400, UNUSABLE.used);
		if (invite.userId) {
			const [before] = await tx
				.select({ passwordHash: users.passwordHash })
				.from(users)
				.where(eq(users.id, invite.userId));
			const [user] = await tx
				.update(users)
				.set({ passwordHash })
				.where(
					and(
						eq(users.id, invite.userId),
						or(eq(users.passwordHash, NO_PASSWORD_YET), eq(users.role, 'child')),
						isNull(users.disabledAt)
					)
				)
				.returning({ id: users.id, role: users.role, unitId: users.unitId });
			if (!user || !before) throw new CommandError(400, UNUSABLE.used);
			if (before.passwordHash !== NO_PASSWORD_YET) {
				// A child's new link (issue 27): the password is replaced; whoever held a session is out.
				sessionsToEnd = user.id;
				await audit({
					db: tx,
					userId: user.id,
					action: 'password-set-by-link',
					targetType: 'user',
					targetId: user.id
				});
				return { userId: user.id, meetingId: null, signIn: true };
			}
			const linked = await linkPlacesToAccount({ db: tx, email: invite.email, ...user });
			await audit({
				db: tx,
				userId: user.id,
				action: 'account-set-up',
				targetType: 'user',
				targetId: user.id,
				detail: { participants: linked }
			});
			return { userId: user.id, meetingId: null, signIn: true };
		}
		const [participant] = await tx
			.select()
			.from(meetingParticipants)
			.where(
				and(
					eq(meetingParticipants.id, invite.participantId ?? ''),
					isNull(meetingParticipants.userId)
				)
			);
		const role = participant ? accountRoleForInvitee(participant.role) : null;
		if (!participant || !role) throw new CommandError(400, UNUSABLE.used);
		if (held) {
			// Their own account, opened by the password they typed: the place joins it.
			await tx
				.update(meetingParticipants)
				.set({ userId: held.id })
				.where(eq(meetingParticipants.id, participant.id));
			await audit({
				db: tx,
				userId: held.id,
				action: 'account-place-claimed',
				targetType: 'user',
				targetId: held.id,
				meetingId: participant.meetingId,
				detail: { participants: [participant.id] }
			});
			return { userId: held.id, meetingId: participant.meetingId, signIn: !held.totpKey };
		}
		const [meeting] = await tx
			.select({ unitId: meetings.unitId })
			.from(meetings)
			.where(eq(meetings.id, participant.meetingId));
		// The account belongs to the unit whose meeting sent the link: only that unit disables it.
		const [user] = await tx
			.insert(users)
			.values({
				name: participant.name,
				email: invite.email,
				role,
				agencyId: participant.agencyId,
				unitId: meeting?.unitId ?? null,
				passwordHash
			})
			.onConflictDoNothing()
			.returning();
		if (!user) throw new CommandError(400, UNUSABLE.account);
		await tx
			.update(meetingParticipants)
			.set({ userId: user.id })
			.where(eq(meetingParticipants.id, participant.id));
		await audit({
			db: tx,
			userId: user.id,
			action: 'account-set-up',
			targetType: 'user',
			targetId: user.id,
			detail: { participants: [participant.id] }
		});
		return { userId: user.id, meetingId: participant.meetingId, signIn: true };
	});
	// After the commit: their cookies are refused and their live connections closed (4401).
	if (sessionsToEnd) await invalidateUserSessions({ db, userId: sessionsToEnd });
	return redeemed;
}

/**
 * The enabled account with the link's address that the typed password opens and whose role fits
 * the link's place, if the person already holds one (in any unit: the link went to that address
 * alone, and the password proves the account is theirs too).
 */
async function accountOpenedBy(props: {
	db: Database;
	token: string;
	password: string;
}): Promise<User | null> {
	const { db } = props;
	const [found] = await db
		.select({ email: accountInvites.email, role: meetingParticipants.role })
		.from(accountInvites)
		.innerJoin(meetingParticipants, eq(meetingParticipants.id, accountInvites.participantId))
		.where(eq(accountInvites.id, sessionIdFromToken(props.token)));
	if (!found) return null;
	for (const account of await usersByEmail(db, found.email)) {
		if (account.disabledAt || account.passwordHash === NO_PASSWORD_YET) continue;
		if (!meetingRolesForAccount(account.role).includes(found.role)) continue;
		if (await verifyPassword({ hash: account.passwordHash, password: props.password }))
			return account;
	}
	return null;
}

/**
 * Every place on a meeting of the account's own unit named with this address and no account,
 * in a role that fits the account, becomes theirs. Never another unit's: the link that got here
 * was shown to the staff who made the account (issue 20).
 */
async function linkPlacesToAccount(props: {
	db: Database;
	email: string;
	id: string;
	role: UserRole;
	unitId: string | null;
}): Promise<string[]> {
	if (props.unitId === null) return [];
	const linked = await props.db
		.update(meetingParticipants)
		.set({ userId: props.id })
		.where(
			and(
				isNull(meetingParticipants.userId),
				// An agency's team mailbox stays the agency's: no one's account takes its place.
				eq(meetingParticipants.mailbox, false),
				sql`lower(${meetingParticipants.email}) = ${props.email}`,
				inArray(meetingParticipants.role, [...meetingRolesForAccount(props.role)]),
				inArray(
					meetingParticipants.meetingId,
					props.db
						.select({ id: meetings.id })
						.from(meetings)
						.where(eq(meetings.unitId, props.unitId))
				)
			)
		)
		.returning({ id: meetingParticipants.id });
	return linked.map((row) => row.id);
}

/** Someone on a meeting's list invited without an account who has not set one up yet, and their latest link. */
export interface PendingAccountInvite {
	participantId: string;
	name: string;
	email: string;
	/** When their latest link stops working (ISO), or null if none was sent. */
	linkExpiresAt: string | null;
	expired: boolean;
}

/** The people on the meeting's list with an address and no account yet (the page offers to send them a new link). */
export async function pendingAccountInvites(props: {
	db: Database;
	meetingId: string;
	now?: Date;
}): Promise<PendingAccountInvite[]> {
	const now = props.now ?? new Date();
	const rows = await props.db
		.select({
			participantId: meetingParticipants.id,
			name: meetingParticipants.name,
			email: meetingParticipants.email,
			latest: sql<string | null>`max(${accountInvites.expiresAt})`
		})
		.from(meetingParticipants)
		.leftJoin(accountInvites, eq(accountInvites.participantId, meetingParticipants.id))
		.where(
			and(
				eq(meetingParticipants.meetingId, props.meetingId),
				isNull(meetingParticipants.userId),
				isNotNull(meetingParticipants.email),
				eq(meetingParticipants.mailbox, false)
			)
		)
		.groupBy(meetingParticipants.id, meetingParticipants.name, meetingParticipants.email)
		.orderBy(meetingParticipants.name);
	return rows.map((row) => {
		const latest = row.latest === null ? null : new Date(row.latest);
		return {
			participantId: row.participantId,
			name: row.name,
			email: row.email!,
			linkExpiresAt: latest?.toISOString() ?? null,
			expired: latest === null || latest.getTime() <= now.getTime()
		};
	});
}
