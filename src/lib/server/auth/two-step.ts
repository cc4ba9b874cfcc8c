/**
 * Two-step sign-in for staff (TOTP, RFC 6238, with @oslojs/otp): after the password, a 6-digit
 * code from an authenticator app. The key is shown once as text and as an otpauth URI for the
 * app to read — no QR service, no third party ever sees it. A code is accepted within one step
 * (30 s) either side of now, and never twice (`totp_last_step`).
 *
 * Signing in with it is two requests: the password opens a challenge (`sign_in_challenges`,
 * 5 minutes, 5 wrong codes), whose token waits in a cookie on /login; the code completes it.
 */
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding, encodeBase32NoPadding } from '@oslojs/encoding';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { Database } from '../db';
import { signInChallenges, users } from '../db/schema';
import { audit } from '../audit';
import { verifyPassword } from './password';
import { createSession, generateSessionToken, sessionIdFromToken } from './session';
import { clearSignInFailures, recordSignInFailure, signInWait } from './rate-limit';

const PERIOD_S = 30;
const DIGITS = 6;
/** How long the code may take after the password, and how many wrong codes it allows. */
export const CHALLENGE_LIFETIME_MS = 5 * 60_000;
const CHALLENGE_ATTEMPTS = 5;

/** A new random key: 160 bits, as RFC 4226 recommends, in base32 as the apps take it. */
export function newTotpKey(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32NoPadding(bytes);
}

/** The otpauth:// URI an authenticator app reads (typed or pasted; no QR image is made). */
export function totpKeyUri(props: { key: string; accountName: string }): string {
	return createTOTPKeyURI(
		'Roundtable',
		props.accountName,
		decodeBase32IgnorePadding(props.key),
		PERIOD_S,
		DIGITS
	);
}

/** The time step a code is right for (now, or one step either side), or null. */
export function matchingStep(props: { key: string; code: string; now?: Date }): number | null {
	const code = props.code.replace(/\s+/g, '');
	if (!/^\d{6}$/.test(code)) return null;
	let key: Uint8Array;
	try {
		key = decodeBase32IgnorePadding(props.key);
	} catch {
		return null;
	}
	const now = Math.floor((props.now ?? new Date()).getTime() / 1000 / PERIOD_S);
	let found: number | null = null;
	for (const step of [now - 1, now, now + 1]) {
		const expected = new TextEncoder().encode(generateHOTP(key, BigInt(step), DIGITS));
		if (constantTimeEqual(expected, new TextEncoder().encode(code)) && found === null) found = step;
	}
	return found;
}

export type TwoStepChange =
	{ ok: true } | { ok: false; field: 'password' | 'code' | 'key'; message: string };

/**
 * Turns two-step sign-in on with the key the person's app now holds, once their password and a
 * first code from the app prove both.
 */
export async function turnOnTwoStep(props: {
	db: Database;
	userId: string;
	password: string;
	key: string;
	code: string;
}): Promise<TwoStepChange> {
	const { db, userId } = props;
	if (!/^[A-Z2-7]{32}$/.test(props.key))
		return {
			ok: false,
			field: 'key',
			message: 'Start again: the key was not one Roundtable made.'
		};
	const [user] = await db
		.select({ passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.id, userId));
	if (!user || !(await verifyPassword({ hash: user.passwordHash, password: props.password }))) {
		return { ok: false, field: 'password', message: 'That is not your current password.' };
	}
	const step = matchingStep({ key: props.key, code: props.code });
	if (step === null)
		return {
			ok: false,
			field: 'code',
			message: 'That code is not right. Enter the 6 digits your app shows now.'
		};
	await db
		.update(users)
		.set({ totpKey: props.key, totpLastStep: step })
		.where(eq(users.id, userId));
	await audit({ db, userId, action: 'two-step-on', targetType: 'user', targetId: userId });
	return { ok: true };
}

/** Turns two-step sign-in off, after the password. */
export async function turnOffTwoStep(props: {
	db: Database;
	userId: string;
	password: string;
}): Promise<TwoStepChange> {
	const { db, userId } = props;
	const [user] = await db
		.select({ passwordHash: users.passwordHash })
		.from(users)
		.where(eq(users.id, userId));
	if (!user || !(await verifyPassword({ hash: user.passwordHash, password: props.password }))) {
		return { ok: false, field: 'password', message: 'That is not your current password.' };
	}
	await db.update(users).set({ totpKey: null, totpLastStep: null }).where(eq(users.id, userId));
	await audit({ db, userId, action: 'two-step-off', targetType: 'user', targetId: userId });
	return { ok: true };
}

/** Opens a challenge for an account whose password was right; returns its token for the cookie. */
export async function openSignInChallenge(props: {
	db: Database;
	userId: string;
	now?: Date;
}): Promise<string> {
	const now = props.now ?? new Date();
	const token = generateSessionToken();
	await props.db.insert(signInChallenges).values({
		id: sessionIdFromToken(token),
		userId: props.userId,
		expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_MS)
	});
	return token;
}

export type CodeResult =
	| { ok: true; token: string; userId: string }
	| { ok: false; problem: 'wrong-code' }
	| { ok: false; problem: 'start-again' }
	| { ok: false; problem: 'too-many-attempts'; retryAfterMinutes: number };

/**
 * Completes a two-step sign-in: the challenge's code, right and not used before, opens the
 * session. A wrong code counts against the challenge (5) and the sign-in limits; an expired or
 * spent challenge means signing in again from the password.
 */
export async function completeSignInWithCode(props: {
	db: Database;
	challengeToken: string;
	code: string;
	address: string;
	now?: Date;
}): Promise<CodeResult> {
	const { db, address } = props;
	const now = props.now ?? new Date();
	if (!/^[a-z2-7]{32}$/.test(props.challengeToken)) return { ok: false, problem: 'start-again' };
	const challengeId = sessionIdFromToken(props.challengeToken);
	const [row] = await db
		.select({
			userId: signInChallenges.userId,
			attempts: signInChallenges.attempts,
			email: users.email,
			key: users.totpKey,
			lastStep: users.totpLastStep
		})
		.from(signInChallenges)
		.innerJoin(users, eq(users.id, signInChallenges.userId))
		.where(and(eq(signInChallenges.id, challengeId), gt(signInChallenges.expiresAt, now)));
	if (!row || !row.key || row.attempts >= CHALLENGE_ATTEMPTS)
		return { ok: false, problem: 'start-again' };
	const wait = await signInWait({ db, email: row.email, address, now });
	if (wait > 0)
		return { ok: false, problem: 'too-many-attempts', retryAfterMinutes: Math.ceil(wait / 60_000) };
	const step = matchingStep({ key: row.key, code: props.code, now });
	if (step === null || (row.lastStep !== null && step <= row.lastStep)) {
		await db
			.update(signInChallenges)
			.set({ attempts: sql`${signInChallenges.attempts} + 1` })
			.where(eq(signInChallenges.id, challengeId));
		await recordSignInFailure({ db, email: row.email, address, now });
		await audit({
			db,
			userId: row.userId,
			action: 'sign-in-failed',
			targetType: 'session',
			address,
			detail: { step: 'code' }
		});
		return { ok: false, problem: 'wrong-code' };
	}
	// Spend the step, then the challenge, each only once: the same code never opens two sessions,
	// even when two challenges race with it.
	const stepTaken = await db
		.update(users)
		.set({ totpLastStep: step })
		.where(
			and(eq(users.id, row.userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step)))
		)
		.returning({ id: users.id });
	if (stepTaken.length === 0) return { ok: false, problem: 'wrong-code' };
	const spent = await db
		.delete(signInChallenges)
		.where(eq(signInChallenges.id, challengeId))
		.returning({ id: signInChallenges.id });
	if (spent.length === 0) return { ok: false, problem: 'start-again' };
	await clearSignInFailures({ db, email: row.email, address });
	const token = generateSessionToken();
	await createSession({ db, token, userId: row.userId, address, now });
	await audit({
		db,
		userId: row.userId,
		action: 'sign-in',
		targetType: 'session',
		address,
		detail: { twoStep: true }
	});
	return { ok: true, token, userId: row.userId };
}

/** The cookie holding a half-done sign-in's challenge token (path /login). */
export const CHALLENGE_COOKIE = 'rt_sign_in_challenge';

/** Has this account two-step sign-in turned on? */
export async function hasTwoStep(db: Database, userId: string): Promise<boolean> {
	const [row] = await db.select({ totpKey: users.totpKey }).from(users).where(eq(users.id, userId));
	return Boolean(row?.totpKey);
}
