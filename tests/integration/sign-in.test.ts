import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import { signInLimits } from '../../src/lib/server/db/schema';
import {
	recordSignInFailure,
	signInWait,
	SIGN_IN_LIMITS
} from '../../src/lib/server/auth/rate-limit';
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
		const result = await signInWithPassword({
			db: handle.db,
			email: '  Right.Person@Example.TEST ',
			password: testPassword,
			address: '10.0.0.1'
		});
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const session = await validateSessionToken({ db: handle.db, token: result.token });
		expect(session.user?.id).toBe(user.id);
	});

	it('answers an unknown email exactly as a wrong password', async () => {
		await makeUser(handle.db, { role: 'professional', email: 'known@example.test' });
		const wrong = await signInWithPassword({
			db: handle.db,
			email: 'known@example.test',
			password: 'not it at all',
			address: '10.0.0.2'
		});
		const unknown = await signInWithPassword({
			db: handle.db,
			email: 'nobody@example.test',
			password: 'not it at all',
			address: '10.0.0.2'
		});
		expect(wrong).toEqual({ ok: false, problem: 'wrong-credentials' });
		expect(unknown).toEqual(wrong);
	});

	it('holds back an account and address pair after five failures, even with the right password, saying for how long', async () => {
		await makeUser(handle.db, { role: 'parent', email: 'target@example.test' });
		for (let i = 0; i < 5; i++) {
			const r = await signInWithPassword({
				db: handle.db,
				email: 'target@example.test',
				password: `guess ${i}`,
				address: '10.1.0.1'
			});
			expect(r).toEqual({ ok: false, problem: 'wrong-credentials' });
		}
		const locked = await signInWithPassword({
			db: handle.db,
			email: 'target@example.test',
			password: testPassword,
			address: '10.1.0.1'
		});
		expect(locked).toEqual({ ok: false, problem: 'too-many-attempts', retryAfterMinutes: 15 });

		await makeUser(handle.db, { role: 'parent', email: 'bystander@example.test' });
		const bystander = await signInWithPassword({
			db: handle.db,
			email: 'bystander@example.test',
			password: testPassword,
			address: '10.1.0.98'
		});
		expect(bystander.ok).toBe(true);
	});

	it('never locks a person out from their own address: guesses from elsewhere hold back only the guesser', async () => {
		await makeUser(handle.db, { role: 'chair', email: 'chair.target@example.test' });
		for (let attacker = 0; attacker < 4; attacker++) {
			for (let i = 0; i < 6; i++)
				await signInWithPassword({
					db: handle.db,
					email: 'chair.target@example.test',
					password: `guess ${i}`,
					address: `10.2.0.${attacker}`
				});
			const held = await signInWithPassword({
				db: handle.db,
				email: 'chair.target@example.test',
				password: testPassword,
				address: `10.2.0.${attacker}`
			});
			expect(held).toMatchObject({ ok: false, problem: 'too-many-attempts' });
		}
		const chair = await signInWithPassword({
			db: handle.db,
			email: 'chair.target@example.test',
			password: testPassword,
			address: '10.2.9.9'
		});
		expect(chair.ok).toBe(true);
	});

	it('stops an address that tries many accounts', async () => {
		for (let i = 0; i < SIGN_IN_LIMITS.perAddress; i++) {
			await signInWithPassword({
				db: handle.db,
				email: `spray${i}@example.test`,
				password: 'password123456',
				address: '10.9.9.9'
			});
		}
		await makeUser(handle.db, { role: 'professional', email: 'sprayed@example.test' });
		const blocked = await signInWithPassword({
			db: handle.db,
			email: 'sprayed@example.test',
			password: testPassword,
			address: '10.9.9.9'
		});
		expect(blocked).toMatchObject({ ok: false, problem: 'too-many-attempts' });
		const elsewhere = await signInWithPassword({
			db: handle.db,
			email: 'sprayed@example.test',
			password: testPassword,
			address: '10.9.9.10'
		});
		expect(elsewhere.ok).toBe(true);
	});

	it('keeps the limits in the database: another node (or this one after a restart) sees them, until the window ends', async () => {
		const url = process.env.TEST_DATABASE_URL;
		const otherNode = url ? await openDatabase({ url, migrationsDir: 'drizzle' }) : handle;
		try {
			const who = { email: 'restart@example.test', address: '10.3.0.1' };
			for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndAddress; i++)
				await recordSignInFailure({ db: handle.db, ...who });
			const [row] = await handle.db.select().from(signInLimits).limit(1);
			expect(row.key).toMatch(/^[0-9a-f]{64}$/); // a hash: the table names no account and no address
			const wait = await signInWait({ db: otherNode.db, ...who });
			expect(wait).toBeGreaterThan(14 * 60_000);
			expect(
				await signInWait({
					db: otherNode.db,
					...who,
					now: new Date(Date.now() + SIGN_IN_LIMITS.windowMs + 1000)
				})
			).toBe(0);
			const rows = JSON.stringify(await otherNode.db.select().from(signInLimits));
			expect(rows).not.toContain('restart@example.test');
			expect(rows).not.toContain('10.3.0.1');
		} finally {
			if (otherNode !== handle) await otherNode.close();
		}
	});

	it('forgets the pair after a successful sign-in', async () => {
		await makeUser(handle.db, { role: 'professional', email: 'forgetful@example.test' });
		for (let i = 0; i < 4; i++)
			await signInWithPassword({
				db: handle.db,
				email: 'forgetful@example.test',
				password: `guess ${i}`,
				address: '10.4.0.1'
			});
		expect(
			(
				await signInWithPassword({
					db: handle.db,
					email: 'forgetful@example.test',
					password: testPassword,
					address: '10.4.0.1'
				})
			).ok
		).toBe(true);
		for (let i = 0; i < 4; i++)
			await signInWithPassword({
				db: handle.db,
				email: 'forgetful@example.test',
				password: `again ${i}`,
				address: '10.4.0.1'
			});
		expect(
			(
				await signInWithPassword({
					db: handle.db,
					email: 'forgetful@example.test',
					password: testPassword,
					address: '10.4.0.1'
				})
			).ok
		).toBe(true);
	});
});
