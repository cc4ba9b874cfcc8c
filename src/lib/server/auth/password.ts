import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane.
const options = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

/** An argon2id hash of the password, in PHC string form. */
export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

/** True when the password matches the stored hash; false for a malformed hash. */
export async function verifyPassword(props: { hash: string; password: string }): Promise<boolean> {
	try {
		return await verify(props.hash, props.password);
	} catch {
		return false;
	}
}

/** Checked against so that an unknown email takes as long as a wrong password. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
	decoyHash ??= hashPassword('roundtable-decoy-password');
	return decoyHash;
}

/** What a new password must satisfy, as a message a person can act on, or null. */
export function passwordProblem(password: string): string | null {
	if (password.length < 12) return 'Use at least 12 characters.';
	if (password.length > 256) return 'Use at most 256 characters.';
	return null;
}
