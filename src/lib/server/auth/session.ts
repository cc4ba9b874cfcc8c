import { eq } from 'drizzle-orm';
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

/** Stores a new session for the user and returns it. */
export async function createSession(props: {
	db: Database;
	token: string;
	userId: string;
	now?: Date;
}): Promise<Session> {
	const now = props.now ?? new Date();
	const session: Session = {
		id: sessionIdFromToken(props.token),
		userId: props.userId,
		expiresAt: new Date(now.getTime() + SESSION_LIFETIME_MS)
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
		.where(eq(sessions.id, sessionId));
	const row = rows[0];
	if (!row) return none;
	const { session, user } = row;
	if (now.getTime() >= session.expiresAt.getTime()) {
		await props.db.delete(sessions).where(eq(sessions.id, sessionId));
		announceSessionsEnded({ sessionIds: [sessionId] });
		return none;
	}
	let renewed = false;
	if (session.expiresAt.getTime() - now.getTime() < SESSION_RENEW_WITHIN_MS) {
		session.expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
		await props.db
			.update(sessions)
			.set({ expiresAt: session.expiresAt })
			.where(eq(sessions.id, sessionId));
		renewed = true;
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

/**
 * Ends every session of a user (password change, disabled or removed account): every cookie is
 * refused from then on, and every live connection of theirs is closed with 4401.
 */
export async function invalidateUserSessions(props: { db: Database; userId: string }): Promise<void> {
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
