import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { signInWithPassword } from '../../src/lib/server/auth/sign-in';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { createTestDatabase, makeUser, testPassword } from '../factories';

let handle: DatabaseHandle;
beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(async () => {
	await handle?.close();
});

describe('signing in', () => {
	it('opens a session for the right password, matching email without regard to case', async () => {
		const user = await makeUser(handle.db, { role: 'chair', email: 'right.person@example.test' });
		const result = await signInWithPassword({ db: handle.db, email: '  Right.Person@Example.TEST ', password: testPassword, address: '10.0.0.1' });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const session = await validateSessionToken({ db: handle.db, token: result.token });
		expect(session.user?.id).toBe(user.id);
	});

	it('answers an unknown email exactly as a wrong password', async () => {
		await makeUser(handle.db, { role: 'professional', email: 'known@example.test' });
		const wrong = await signInWithPassword({ db: handle.db, email: 'known@example.test', password: 'not it at all', address: '10.0.0.2' });
		const unknown = await signInWithPassword({ db: handle.db, email: 'nobody@example.test', password: 'not it at all', address: '10.0.0.2' });
		expect(wrong).toEqual({ ok: false, problem: 'wrong-credentials' });
		expect(unknown).toEqual(wrong);
	});

	it('stops an account after five failures, even with the right password, then lets another in', async () => {
		await makeUser(handle.db, { role: 'parent', email: 'target@example.test' });
		for (let i = 0; i < 5; i++) {
			const r = await signInWithPassword({ db: handle.db, email: 'target@example.test', password: `guess ${i}`, address: `10.1.0.${i}` });
			expect(r).toEqual({ ok: false, problem: 'wrong-credentials' });
		}
		const locked = await signInWithPassword({ db: handle.db, email: 'target@example.test', password: testPassword, address: '10.1.0.99' });
		expect(locked).toMatchObject({ ok: false, problem: 'too-many-attempts' });
		if (!locked.ok && locked.problem === 'too-many-attempts') expect(locked.retryAfterMinutes).toBeGreaterThan(0);

		await makeUser(handle.db, { role: 'parent', email: 'bystander@example.test' });
		const bystander = await signInWithPassword({ db: handle.db, email: 'bystander@example.test', password: testPassword, address: '10.1.0.98' });
		expect(bystander.ok).toBe(true);
	});

	it('stops an address that tries many accounts', async () => {
		for (let i = 0; i < 30; i++) {
			await signInWithPassword({ db: handle.db, email: `spray${i}@example.test`, password: 'password123456', address: '10.9.9.9' });
		}
		await makeUser(handle.db, { role: 'professional', email: 'sprayed@example.test' });
		const blocked = await signInWithPassword({ db: handle.db, email: 'sprayed@example.test', password: testPassword, address: '10.9.9.9' });
		expect(blocked).toMatchObject({ ok: false, problem: 'too-many-attempts' });
	});
});
