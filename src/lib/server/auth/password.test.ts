import { describe, expect, it } from 'vitest';
import { hashPassword, passwordProblem, verifyPassword } from './password';

describe('password hashing', () => {
	it('stores an argon2id hash, never the password', async () => {
		const hash = await hashPassword('a long enough password');
		expect(hash.startsWith('$argon2id$')).toBe(true);
		expect(hash).not.toContain('a long enough password');
	});

	it('verifies the right password and refuses a wrong one', async () => {
		const hash = await hashPassword('a long enough password');
		expect(await verifyPassword({ hash, password: 'a long enough password' })).toBe(true);
		expect(await verifyPassword({ hash, password: 'a long enough passworD' })).toBe(false);
	});

	it('salts each hash', async () => {
		expect(await hashPassword('same password here')).not.toBe(
			await hashPassword('same password here')
		);
	});

	it('treats a malformed stored hash as a mismatch rather than crashing', async () => {
		expect(await verifyPassword({ hash: 'not-a-hash', password: 'whatever' })).toBe(false);
	});

	it('says what a weak new password lacks', () => {
		expect(passwordProblem('short')).toMatch(/12 characters/);
		expect(passwordProblem('twelve chars!')).toBeNull();
	});
});
