import type { Database } from '../db';
import { audit } from '../audit';
import { normaliseEmail, userByEmail } from '../users';
import { decoyPasswordHash, verifyPassword } from './password';
import { signInLimiters } from './rate-limit';
import { createSession, generateSessionToken } from './session';

export type SignInResult =
	| { ok: true; token: string; userId: string }
	| { ok: false; problem: 'wrong-credentials' }
	| { ok: false; problem: 'too-many-attempts'; retryAfterMinutes: number };

/**
 * Checks an email and password and opens a session. Unknown email and wrong password give
 * the same answer after the same work, and failures are limited per account and per address.
 */
export async function signInWithPassword(props: {
	db: Database;
	email: string;
	password: string;
	address: string;
}): Promise<SignInResult> {
	const { db, password, address } = props;
	const email = normaliseEmail(props.email);
	const limiters = signInLimiters();
	const wait = Math.max(limiters.account.retryAfter(email), limiters.address.retryAfter(address));
	if (wait > 0) {
		return { ok: false, problem: 'too-many-attempts', retryAfterMinutes: Math.ceil(wait / 60_000) };
	}
	const user = await userByEmail(db, email);
	const matches = await verifyPassword({
		hash: user?.passwordHash ?? (await decoyPasswordHash()),
		password
	});
	if (!user || !matches) {
		limiters.account.fail(email);
		limiters.address.fail(address);
		return { ok: false, problem: 'wrong-credentials' };
	}
	limiters.account.reset(email);
	const token = generateSessionToken();
	await createSession({ db, token, userId: user.id });
	await audit({ db, userId: user.id, action: 'sign-in', targetType: 'session' });
	return { ok: true, token, userId: user.id };
}
