import { and, desc, eq, gt, isNull, like, ne } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Database } from '../db';
import { sessions, users, type Session } from '../db/schema';
import type { UserRole } from '../../domain/vocabulary';
import { announceSessionsEnded } from './events';

/** The session cookie's name, shared by pages, API and the collaboration socket. */
export const SESSION_COOKIE = 'rt_session';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Sessions last 30 days from the last use. */
export const SESSION_LIFETIME_MS = 30 * DAY_MS;
/** A session used with less than this left is extended back to the full lifetime. */
export const SESSION_RENEW_WITHIN_MS = 15 * DAY_MS;

/** The person behind a valid session, as every right is decided on. */
export interface SessionUser {
	id: string;
	name: string;
	email: string;
	role: UserRole;
	unitId: string | null;
	agencyId: string | null;
}

export type SessionValidation =
	| { session: Session; user: SessionUser; renewed: boolean }
	| { session: null; user: null; renewed: false };

/** A fresh random token for the cookie: 160 bits, base32. */
export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

/** The stored id of a token: its SHA-256, so a leaked table opens no sessions. */
export function sessionIdFromToken(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

/** A session's "last used" is written at most this often (not on every request). */
export const SESSION_TOUCH_EVERY_MS = 5 * 60_000;

/** Stores a new session for the user and returns it. */
export async function createSession(props: {
	db: Database;
	token: string;
	userId: string;
	/** The address it is opened from, shown to its owner among their sessions. */
	address?: string | null;
	now?: Date;
}): Promise<Session> {
	const now = props.now ?? new Date();
	const session: Session = {
		id: sessionIdFromToken(props.token),
		userId: props.userId,
		expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS),
		createdAt: now,
		lastUsedAt: now,
		address: props.address ?? null
	};
	await props.db.insert(sessions).values(session);
	return session;
}

/** Checks a token; deletes an expired session and slides a live one forward. */
export async function validateSessionToken(props: {
	db: Database;
	token: string;
	now?: Date;
}): Promise<SessionValidation> {
	const none = { session: null, user: null, renewed: false } as const;
	if (!/^[a-z2-7]{32}$/.test(props.token)) return none;
	const now = props.now ?? new Date();
	const sessionId = sessionIdFromToken(props.token);
	const rows = await props.db
		.select({
			session: sessions,
			user: {
				id: users.id,
				name: users.name,
				email: users.email,
				role: users.role,
				unitId: users.unitId,
				agencyId: users.agencyId
			}
		})
		.from(sessions)
		.innerJoin(users, eq(sessions.userId, users.id))
		// A disabled account's sessions were ended when it was disabled; this refuses any left.
		.where(and(eq(sessions.id, sessionId), isNull(users.disabledAt)));
	const row = rows[0];
	if (!row) return none;
	const { session, user } = row;
	if (now.getTime() >= session.expiresAt.getTime()) {
		await props.db.delete(sessions).where(eq(sessions.id, sessionId));
		announceSessionsEnded({ sessionIds: [sessionId] });
		return none;
	}
	const renewed = session.expiresAt.getTime() - now.getTime() < SESSION_RENEW_WITHIN_MS;
	const touched = now.getTime() - session.lastUsedAt.getTime() >= SESSION_TOUCH_EVERY_MS;
	if (renewed || touched) {
		if (renewed) session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		session.lastUsedAt = now;
		await props.db
			.update(sessions)
			.set({ expiresAt: session.expiresAt, lastUsedAt: now })
			.where(eq(sessions.id, sessionId));
	}
	return { session, user, renewed };
}

/**
 * Ends one session on the server (sign-out): its cookie is refused from then on, and its live
 * connections are closed with 4401.
 */
export async function invalidateSession(props: { db: Database; sessionId: string }): Promise<void> {
	await props.db.delete(sessions).where(eq(sessions.id, props.sessionId));
	announceSessionsEnded({ sessionIds: [props.sessionId] });
}

/** One of a person's sessions as they see it on /account/sessions. */
export interface OwnSession {
	/** A handle for ending it: the first 16 hex digits of its stored id, never the token. */
	handle: string;
	createdAt: Date;
	lastUsedAt: Date;
	address: string | null;
	/** The session this request came with. */
	current: boolean;
}

/** The person's live sessions, most recently used first. */
export async function sessionsOfUser(props: {
	db: Database;
	userId: string;
	currentSessionId: string | null;
	now?: Date;
}): Promise<OwnSession[]> {
	const now = props.now ?? new Date();
	const rows = await props.db
		.select()
		.from(sessions)
		.where(and(eq(sessions.userId, props.userId), gt(sessions.expiresAt, now)))
		.orderBy(desc(sessions.lastUsedAt));
	return rows.map((row) => ({
		handle: row.id.slice(0, 16),
		createdAt: row.createdAt,
		lastUsedAt: row.lastUsedAt,
		address: row.address,
		current: row.id === props.currentSessionId
	}));
}

/**
 * Ends one of the person's own sessions, named by its handle: its cookie is refused from then
 * on and its live connections are closed with 4401. False when they have no such session.
 */
export async function endOwnSession(props: {
	db: Database;
	userId: string;
	handle: string;
}): Promise<boolean> {
	if (!/^[0-9a-f]{16}$/.test(props.handle)) return false;
	const ended = await props.db
		.delete(sessions)
		.where(and(eq(sessions.userId, props.userId), like(sessions.id, `${props.handle}%`)))
		.returning({ id: sessions.id });
	if (ended.length === 0) return false;
	announceSessionsEnded({ sessionIds: ended.map((row) => row.id) });
	return true;
}

/**
 * Ends every session of a user but one (after a password change, the one that changed it
 * stays): every other cookie is refused and every other live connection closed with 4401.
 */
export async function invalidateOtherSessions(props: {
	db: Database;
	userId: string;
	keepSessionId: string;
}): Promise<void> {
	const ended = await props.db
		.delete(sessions)
		.where(and(eq(sessions.userId, props.userId), ne(sessions.id, props.keepSessionId)))
		.returning({ id: sessions.id });
	if (ended.length > 0) announceSessionsEnded({ sessionIds: ended.map((row) => row.id) });
}

/**
 * Ends every session of a user (password change, disabled or removed account): every cookie is
 * refused from then on, and every live connection of theirs is closed with 4401.
 */
export async function invalidateUserSessions(props: {
	db: Database;
	userId: string;
}): Promise<void> {
	await props.db.delete(sessions).where(eq(sessions.userId, props.userId));
	announceSessionsEnded({ userId: props.userId });
}

/**
 * Reads the session token out of a raw Cookie header (for the socket upgrade). A value that is
 * not valid percent-encoding (`rt_session=%%%`) is no token: null, so the upgrade answers 401.
 */
export function sessionTokenFromCookieHeader(header: string | undefined): string | null {
	if (!header) return null;
	for (const part of header.split(';')) {
		const eqAt = part.indexOf('=');
		if (eqAt === -1) continue;
		if (part.slice(0, eqAt).trim() === SESSION_COOKIE) {
			try {
				return decodeURIComponent(part.slice(eqAt + 1).trim());
			} catch {
				return null;
			}
		}
	}
	return null;
}
