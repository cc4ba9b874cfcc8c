/**
 * Two-step sign-in for staff (issue 15, docs/security.md "Sessions and sign-in"): a key shown
 * as text and an otpauth URI, turned on with the password and a first code; then the password
 * alone opens no session, the right code does, once; wrong codes spend the challenge and count
 * against the sign-in limits. The pages' actions are called as SvelteKit calls them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { isActionFailure, isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { auditLog, sessions, type User } from '../../src/lib/server/db/schema';
import { signInWithPassword } from '../../src/lib/server/auth/sign-in';
import {
	CHALLENGE_COOKIE,
	completeSignInWithCode,
	matchingStep,
	newTotpKey,
	totpKeyUri,
	turnOnTwoStep
} from '../../src/lib/server/auth/two-step';
import { useSharedDatabase } from '../../src/lib/server/db';
import { actions as loginActions } from '../../src/routes/login/+page.server';
import { actions as codeActions } from '../../src/routes/login/code/+page.server';
import { load as twoStepPage } from '../../src/routes/account/two-step/+page.server';
import { createTestDatabase, makeUser, testPassword, sessionOf } from '../factories';

let handle: DatabaseHandle;
let chair: User, parent: User;
const key = newTotpKey();
/** The code an authenticator app shows `steps` time steps from now. */
const codeAt = (steps = 0) =>
	generateHOTP(decodeBase32IgnorePadding(key), BigInt(Math.floor(Date.now() / 30_000) + steps), 6);

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	chair = await makeUser(handle.db, { role: 'chair', email: 'two.step.chair@example.test' });
	parent = await makeUser(handle.db, { role: 'parent' });
});
afterAll(async () => {
	useSharedDatabase(null);
	await handle?.close();
});

async function sessionsOf(user: User) {
	return handle.db.select().from(sessions).where(eq(sessions.userId, user.id));
}

describe('the key and its codes', () => {
	it('is 160 random bits in base32, offered as an otpauth URI naming Roundtable and the account', () => {
		expect(key).toMatch(/^[A-Z2-7]{32}$/);
		expect(newTotpKey()).not.toBe(key);
		const uri = totpKeyUri({ key, accountName: 'chair@demo.test' });
		expect(uri).toMatch(/^otpauth:\/\/totp\/Roundtable:chair%40demo\.test\?/);
		expect(new URL(uri).searchParams.get('secret')).toBe(key);
		expect(new URL(uri).searchParams.get('digits')).toBe('6');
	});

	it('accepts the code of now or one step either side, nothing further or malformed', () => {
		for (const steps of [-1, 0, 1])
			expect(matchingStep({ key, code: codeAt(steps) }), String(steps)).not.toBeNull();
		for (const steps of [-3, 3])
			expect(matchingStep({ key, code: codeAt(steps) }), String(steps)).toBeNull();
		expect(
			matchingStep({ key, code: `${codeAt().slice(0, 3)} ${codeAt().slice(3)}` })
		).not.toBeNull();
		for (const bad of ['', '12345', '1234567', 'abcdef'])
			expect(matchingStep({ key, code: bad })).toBeNull();
	});
});

describe('turning it on', () => {
	it('needs the password and a right code from the app', async () => {
		expect(
			await turnOnTwoStep({
				db: handle.db,
				userId: chair.id,
				password: 'not it',
				key,
				code: codeAt()
			})
		).toMatchObject({ ok: false, field: 'password' });
		expect(
			await turnOnTwoStep({
				db: handle.db,
				userId: chair.id,
				password: testPassword,
				key,
				code: '000000' === codeAt() ? '111111' : '000000'
			})
		).toMatchObject({ ok: false, field: 'code' });
		expect(
			await turnOnTwoStep({
				db: handle.db,
				userId: chair.id,
				password: testPassword,
				key: 'not a key',
				code: codeAt()
			})
		).toMatchObject({ ok: false, field: 'key' });
		expect(
			await turnOnTwoStep({
				db: handle.db,
				userId: chair.id,
				password: testPassword,
				key,
				code: codeAt(-1)
			})
		).toEqual({ ok: true });
		const [on] = await handle.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.userId, chair.id), eq(auditLog.action, 'two-step-on')));
		expect(on).toBeDefined();
	});

	it('is for staff: a parent gets 404 on the page', async () => {
		const event = (user: User) =>
			({
				locals: { user: sessionOf(user), sessionId: 'x' },
				url: new URL('http://127.0.0.1:3000/account/two-step')
			}) as unknown as Parameters<typeof twoStepPage>[0];
		await expect(twoStepPage(event(parent))).rejects.toSatisfy(
			(e: unknown) => isHttpError(e) && e.status === 404
		);
		expect(await twoStepPage(event(chair))).toMatchObject({ on: true });
	});
});

describe('signing in with it', () => {
	it('the password alone opens no session; the right code does, once', async () => {
		const before = (await sessionsOf(chair)).length;
		const first = await signInWithPassword({
			db: handle.db,
			email: chair.email,
			password: testPassword,
			address: '192.0.2.80'
		});
		expect(first).toMatchObject({ ok: false, problem: 'code-needed' });
		expect((await sessionsOf(chair)).length).toBe(before);
		if (first.ok || first.problem !== 'code-needed') return;
		const code = codeAt();
		const done = await completeSignInWithCode({
			db: handle.db,
			challengeToken: first.challengeToken,
			code,
			address: '192.0.2.80'
		});
		expect(done).toMatchObject({ ok: true, userId: chair.id });
		expect((await sessionsOf(chair)).length).toBe(before + 1);
		// The same challenge, or the same code on a new one, opens nothing more.
		expect(
			await completeSignInWithCode({
				db: handle.db,
				challengeToken: first.challengeToken,
				code,
				address: '192.0.2.80'
			})
		).toEqual({ ok: false, problem: 'start-again' });
		const second = await signInWithPassword({
			db: handle.db,
			email: chair.email,
			password: testPassword,
			address: '192.0.2.80'
		});
		if (second.ok || second.problem !== 'code-needed')
			throw new Error('expected a code to be needed');
		expect(
			await completeSignInWithCode({
				db: handle.db,
				challengeToken: second.challengeToken,
				code,
				address: '192.0.2.80'
			})
		).toEqual({ ok: false, problem: 'wrong-code' });
		expect((await sessionsOf(chair)).length).toBe(before + 1);
	});

	it('five wrong codes spend the challenge; an old challenge is refused', async () => {
		const started = await signInWithPassword({
			db: handle.db,
			email: chair.email,
			password: testPassword,
			address: '192.0.2.81'
		});
		if (started.ok || started.problem !== 'code-needed')
			throw new Error('expected a code to be needed');
		const wrong = codeAt() === '999999' ? '999998' : '999999';
		for (let i = 0; i < 5; i++)
			expect(
				await completeSignInWithCode({
					db: handle.db,
					challengeToken: started.challengeToken,
					code: wrong,
					address: '192.0.2.81'
				})
			).toEqual({ ok: false, problem: 'wrong-code' });
		expect(
			await completeSignInWithCode({
				db: handle.db,
				challengeToken: started.challengeToken,
				code: codeAt(1),
				address: '192.0.2.81'
			})
		).toEqual({ ok: false, problem: 'start-again' });
		const later = await signInWithPassword({
			db: handle.db,
			email: chair.email,
			password: testPassword,
			address: '192.0.2.82'
		});
		if (later.ok || later.problem !== 'code-needed')
			throw new Error('expected a code to be needed');
		const inSixMinutes = new Date(Date.now() + 6 * 60_000);
		expect(
			await completeSignInWithCode({
				db: handle.db,
				challengeToken: later.challengeToken,
				code: codeAt(),
				address: '192.0.2.82',
				now: inSixMinutes
			})
		).toEqual({ ok: false, problem: 'start-again' });
		const failed = await handle.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.userId, chair.id), eq(auditLog.action, 'sign-in-failed')));
		expect(failed.length).toBeGreaterThanOrEqual(5);
	});

	it('through the pages: /login sends to /login/code with the challenge in a cookie, the code signs in', async () => {
		const jar = new Map<string, string>();
		const cookies = {
			get: (name: string) => jar.get(name),
			set: (name: string, value: string) => jar.set(name, value),
			delete: (name: string) => jar.delete(name)
		};
		const post = async (action: unknown, path: string, fields: Record<string, string>) => {
			const request = new Request(`http://127.0.0.1:3000${path}`, {
				method: 'POST',
				body: new URLSearchParams(fields),
				headers: { origin: 'http://127.0.0.1:3000' }
			});
			const event = {
				request,
				url: new URL(request.url),
				locals: { user: null, sessionId: null },
				cookies,
				params: {},
				getClientAddress: () => '192.0.2.90'
			} as unknown as RequestEvent;
			try {
				return await (action as (e: RequestEvent) => Promise<unknown>)(event);
			} catch (thrown) {
				if (isRedirect(thrown)) return { redirect: thrown.location };
				throw thrown;
			}
		};
		// The next step's code: the tests above spent this step's (a code is never accepted twice).
		expect(
			await post(loginActions.default, '/login?next=/meetings', {
				email: chair.email,
				password: testPassword
			})
		).toEqual({ redirect: '/login/code?next=%2Fmeetings' });
		expect(jar.get(CHALLENGE_COOKIE)).toMatch(/^[a-z2-7]{32}$/);
		expect(jar.has('rt_session')).toBe(false);
		const wrong = await post(codeActions.default, '/login/code', { code: 'abc' });
		expect(isActionFailure(wrong) && wrong.status).toBe(400);
		expect(
			await post(codeActions.default, '/login/code?next=/meetings', { code: codeAt(1) })
		).toEqual({ redirect: '/meetings' });
		expect(jar.get('rt_session')).toMatch(/^[a-z2-7]{32}$/);
		expect(jar.has(CHALLENGE_COOKIE)).toBe(false);
	});
});
