import type { Database } from '../db';
import { audit } from '../audit';
import type { User } from '../db/schema';
import { normaliseEmail, usersByEmail } from '../users';
import { decoyPasswordHash, verifyPassword } from './password';
import { clearSignInFailures, recordSignInFailure, signInWait } from './rate-limit';
import { createSession, generateSessionToken } from './session';
import { openSignInChallenge } from './two-step';

export type SignInResult =
	| { ok: true; token: string; userId: string; role: User['role'] }
	/** The password was right and the account asks for a code: the challenge's token, for a cookie on /login. */
	| { ok: false; problem: 'code-needed'; challengeToken: string }
	| { ok: false; problem: 'wrong-credentials' }
	| { ok: false; problem: 'too-many-attempts'; retryAfterMinutes: number };

/**
 * Checks an email and password and opens a session. Unknown email and wrong password give
 * the same answer after the same work, and failures are limited per account and address pair
 * and per address (./rate-limit.ts), in the database.
 */
export async function signInWithPassword(props: {
	db: Database;
	email: string;
	password: string;
	address: string;
}): Promise<SignInResult> {
	const { db, password, address } = props;
	const email = normaliseEmail(props.email);
	const wait = await signInWait({ db, email, address });
	// A refused attempt is not audited: an address held back could otherwise fill the log.
	if (wait > 0) {
		return { ok: false, problem: 'too-many-attempts', retryAfterMinutes: Math.ceil(wait / 60_000) };
	}
	const { user, tried } = await accountForPassword(db, email, password);
	// A disabled account (People and agencies) is answered like a wrong password.
	if (!user || user.disabledAt) {
		await recordSignInFailure({ db, email, address });
		// The accounts tried, if any exist (one entry each, so each unit sees its own); never the
		// email typed (an unknown one may be a person's typo).
		for (const userId of user ? [user.id] : tried.length > 0 ? tried : [null])
			await audit({ db, userId, action: 'sign-in-failed', targetType: 'session', address });
		return { ok: false, problem: 'wrong-credentials' };
	}
	if (user.totpKey)
		return {
			ok: false,
			problem: 'code-needed',
			challengeToken: await openSignInChallenge({ db, userId: user.id })
		};
	await clearSignInFailures({ db, email, address });
	const token = generateSessionToken();
	await createSession({ db, token, userId: user.id, address });
	await audit({ db, userId: user.id, action: 'sign-in', targetType: 'session', address });
	return { ok: true, token, userId: user.id, role: user.role };
}

/**
 * The account this address and password open. Two units may each hold an account with the same
 * address (issue 20), each with its own password: the password says which. If it opens more
 * than one, the enabled one made first. An unknown address costs one check against a decoy, as
 * a known one does, so the time taken tells no one whether the address has an account.
 */
async function accountForPassword(
	db: Database,
	email: string,
	password: string
): Promise<{ user: User | null; tried: string[] }> {
	const accounts = await usersByEmail(db, email);
	if (accounts.length === 0) {
		await verifyPassword({ hash: await decoyPasswordHash(), password });
		return { user: null, tried: [] };
	}
	const opened: User[] = [];
	for (const account of accounts)
		if (await verifyPassword({ hash: account.passwordHash, password })) opened.push(account);
	return {
		user: opened.find((account) => !account.disabledAt) ?? opened[0] ?? null,
		tried: accounts.map((account) => account.id)
	};
}
