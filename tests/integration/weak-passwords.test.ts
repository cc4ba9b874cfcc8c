/**
 * Guessable passwords are refused everywhere a password is chosen (issue 20, item 12):
 * `aaaaaaaaaaaa` was accepted for its length alone. First-run setup, a set-up link and the
 * change-password page are posted as a browser would; each refuses a common, repeated or
 * personal password beside its field with the estimator's advice, and takes a strong one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { isRedirect, type RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { users, type User } from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import {
	createSession,
	generateSessionToken,
	sessionIdFromToken
} from '../../src/lib/server/auth/session';
import { createUserInvite, NO_PASSWORD_YET } from '../../src/lib/server/auth/account-invites';
import { verifyPassword } from '../../src/lib/server/auth/password';
import { actions as setupActions } from '../../src/routes/setup/+page.server';
import { actions as inviteActions } from '../../src/routes/invite/[token]/+page.server';
import { actions as passwordActions } from '../../src/routes/account/password/+page.server';
import { createTestDatabase, makeUser, testPassword } from '../factories';

let handle: DatabaseHandle;

type Answer =
	| { status: number; data: { errors: Record<string, string>; values?: Record<string, string> } }
	| { location: string };

async function post(
	action: unknown,
	path: string,
	fields: Record<string, string>,
	extra: Record<string, unknown> = {}
): Promise<Answer> {
	const request = new Request(`http://127.0.0.1:3000${path}`, {
		method: 'POST',
		body: new URLSearchParams(fields)
	});
	const event = {
		request,
		url: new URL(request.url),
		cookies: { set: () => {}, get: () => undefined, delete: () => {} },
		getClientAddress: () => '192.0.2.9',
		params: {},
		locals: {},
		...extra
	} as unknown as RequestEvent;
	try {
		return (await (action as (e: RequestEvent) => Promise<unknown>)(event)) as Answer;
	} catch (thrown) {
		if (isRedirect(thrown)) return { location: thrown.location };
		throw thrown;
	}
}

const weak = ['aaaaaaaaaaaa', 'password1234', 'qwertyuiop123'];
const strong = 'Lantern oyster 7 gravel';
const passwordOf = async (email: string) =>
	(await handle.db.select().from(users).where(eq(users.email, email)))[0]?.passwordHash;

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
});
afterAll(async () => {
	useSharedDatabase(null);
	await handle?.close();
});

describe('a guessable password', () => {
	it('is refused at first-run setup beside the password, keeping what was typed', async () => {
		const form = {
			unitName: 'Northshire safeguarding unit',
			name: 'Marigold Featherstone',
			email: 'marigold.featherstone@council.example'
		};
		for (const password of [...weak, 'MarigoldFeatherstone']) {
			const answer = await post(setupActions.default, '/setup', {
				...form,
				password,
				confirm: password
			});
			expect(answer, password).toMatchObject({ status: 400, data: { values: form } });
			const { errors } = (answer as { data: { errors: Record<string, string> } }).data;
			expect(Object.keys(errors)).toEqual(['password']);
			expect(errors.password).toMatch(/^This password would be easy to guess\./);
		}
		expect(await passwordOf(form.email)).toBeUndefined();
		expect(
			await post(setupActions.default, '/setup', { ...form, password: strong, confirm: strong })
		).toEqual({ location: '/meetings' });
		expect(await passwordOf(form.email)).toBeTruthy();
	});

	it('is refused on a set-up link, which still works for a strong one', async () => {
		const [made] = await handle.db
			.insert(users)
			.values({
				name: 'Dawn Pell',
				email: 'dawn.pell@example.test',
				role: 'parent',
				passwordHash: NO_PASSWORD_YET
			})
			.returning();
		const { token } = await createUserInvite({ db: handle.db, userId: made.id, email: made.email });
		for (const password of [...weak, 'dawn.pell@example.test']) {
			const answer = await post(
				inviteActions.default,
				`/invite/${token}`,
				{ password, confirm: password },
				{ params: { token } }
			);
			expect(answer, password).toMatchObject({ status: 400 });
			const { errors } = (answer as { data: { errors: Record<string, string> } }).data;
			expect(errors.password, password).toMatch(/easy to guess/);
		}
		expect(await passwordOf(made.email)).toBe(NO_PASSWORD_YET);
		expect(
			await post(
				inviteActions.default,
				`/invite/${token}`,
				{ password: strong, confirm: strong },
				{ params: { token } }
			)
		).toEqual({ location: '/' });
		expect(await verifyPassword({ hash: (await passwordOf(made.email))!, password: strong })).toBe(
			true
		);
	});

	it('is refused when changing a password, and the old one still works', async () => {
		const unit = (await handle.db.select().from(users).limit(1))[0].unitId;
		const person: User = await makeUser(handle.db, {
			role: 'chair',
			unitId: unit,
			name: 'Ann Chair',
			email: 'ann.chair@example.test'
		});
		const token = generateSessionToken();
		await createSession({ db: handle.db, token, userId: person.id });
		const locals = {
			user: {
				id: person.id,
				name: person.name,
				email: person.email,
				role: person.role,
				unitId: person.unitId,
				agencyId: null
			},
			sessionId: sessionIdFromToken(token)
		};
		for (const newPassword of [...weak, 'ann.chair@example.test']) {
			const answer = await post(
				passwordActions.default,
				'/account/password',
				{ currentPassword: testPassword, newPassword, confirmPassword: newPassword },
				{ locals }
			);
			expect(answer, newPassword).toMatchObject({ status: 400 });
			const { errors } = (answer as { data: { errors: Record<string, string> } }).data;
			expect(Object.keys(errors)).toEqual(['newPassword']);
			expect(errors.newPassword).toMatch(/easy to guess/);
		}
		expect(
			await verifyPassword({ hash: (await passwordOf(person.email))!, password: testPassword })
		).toBe(true);
		expect(
			await post(
				passwordActions.default,
				'/account/password',
				{ currentPassword: testPassword, newPassword: strong, confirmPassword: strong },
				{ locals }
			)
		).toEqual({ location: '/account/password?changed=1' });
	});
});
