/**
 * A person sees and ends their own sessions, and changing a password ends every other one
 * (issue 15, docs/security.md "Sessions"). The pages' actions are called as SvelteKit calls
 * them; an ended session's socket, open on the real collaboration server, is closed with 4401
 * and its cookie refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { isActionFailure, isRedirect, type RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { auditLog, type User } from '../../src/lib/server/db/schema';
import { closeCodes } from '../../src/lib/collab/protocol';
import {
	createSession,
	generateSessionToken,
	sessionIdFromToken,
	sessionsOfUser,
	validateSessionToken,
	SESSION_TOUCH_EVERY_MS
} from '../../src/lib/server/auth/session';
import { signInWithPassword } from '../../src/lib/server/auth/sign-in';
import { useSharedDatabase } from '../../src/lib/server/db';
import {
	actions as sessionActions,
	load as sessionsPage
} from '../../src/routes/account/sessions/+page.server';
import { actions as passwordActions } from '../../src/routes/account/password/+page.server';
import {
	createTestDatabase,
	makeMeeting,
	makeUnit,
	makeUser,
	testPassword,
	sessionOf
} from '../factories';
import {
	clientPool,
	startCollabServer,
	synced,
	waitFor,
	type RunningServer
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();
let chair: User, other: User;
let meetingId: string;

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const unit = await makeUnit(handle.db);
	chair = await makeUser(handle.db, { role: 'chair', unitId: unit.id });
	other = await makeUser(handle.db, { role: 'professional' });
	const made = await makeMeeting(handle.db, {
		unitId: unit.id,
		participants: [
			{ user: chair, role: 'chair' },
			{ user: other, role: 'professional' }
		]
	});
	meetingId = made.meeting.id;
	server = await startCollabServer(handle.db);
});
afterAll(async () => {
	pool.closeAll();
	await server?.close();
	useSharedDatabase(null);
	await handle?.close();
});

/** A session opened at a time and from an address, as sign-in opens one. */
async function openSession(user: User, address: string, at = new Date()): Promise<string> {
	const token = generateSessionToken();
	await createSession({ db: handle.db, token, userId: user.id, address, now: at });
	return token;
}

/** Posts a page's form action as a browser would, signed in with `token`. */
async function post(
	action: (event: RequestEvent) => unknown,
	path: string,
	user: User,
	token: string,
	fields: Record<string, string>
) {
	const request = new Request(`http://127.0.0.1:3000${path}`, {
		method: 'POST',
		body: new URLSearchParams(fields),
		headers: { origin: 'http://127.0.0.1:3000' }
	});
	let cookieCleared = false;
	const event = {
		request,
		url: new URL(request.url),
		locals: { user: sessionOf(user), sessionId: sessionIdFromToken(token) },
		cookies: { delete: () => (cookieCleared = true), set: () => {}, get: () => token },
		params: {}
	} as unknown as RequestEvent;
	try {
		return { result: await action(event), cookieCleared };
	} catch (thrown) {
		if (isRedirect(thrown)) return { result: { redirect: thrown.location }, cookieCleared };
		throw thrown;
	}
}

describe('a person’s own sessions', () => {
	it('lists each with when it began, when it was last used and its address, this one marked, most recent first', async () => {
		const hourAgo = new Date(Date.now() - 3_600_000);
		const laptop = await openSession(chair, '192.0.2.10', hourAgo);
		const phone = await openSession(chair, '198.51.100.7', hourAgo);
		await openSession(other, '203.0.113.1');
		// Using the phone now moves its "last used" (written at most every few minutes).
		const used = await validateSessionToken({ db: handle.db, token: phone });
		expect(used.session?.lastUsedAt.getTime()).toBeGreaterThan(
			hourAgo.getTime() + SESSION_TOUCH_EVERY_MS
		);

		const event = {
			locals: { user: sessionOf(chair), sessionId: sessionIdFromToken(laptop) },
			url: new URL('http://127.0.0.1:3000/account/sessions')
		};
		const data = (await sessionsPage(event as unknown as Parameters<typeof sessionsPage>[0])) as {
			sessions: {
				address: string;
				current: boolean;
				createdAt: string;
				lastUsedAt: string;
				handle: string;
			}[];
		};
		expect(data.sessions.map((s) => [s.address, s.current])).toEqual([
			['198.51.100.7', false],
			['192.0.2.10', true]
		]);
		expect(data.sessions[1].createdAt).toBe(hourAgo.toISOString());
		expect(
			data.sessions.every(
				(s) =>
					/^[0-9a-f]{16}$/.test(s.handle) && !laptop.includes(s.handle) && !phone.includes(s.handle)
			)
		).toBe(true);
	});

	it('sign-in records the address a session was opened from', async () => {
		const result = await signInWithPassword({
			db: handle.db,
			email: other.email,
			password: testPassword,
			address: '203.0.113.77'
		});
		expect(result.ok).toBe(true);
		const listed = await sessionsOfUser({
			db: handle.db,
			userId: other.id,
			currentSessionId: null
		});
		expect(listed.map((s) => s.address)).toContain('203.0.113.77');
	});

	it('ends another of their sessions: its socket closes with 4401 and its cookie is refused; this one goes on', async () => {
		const here = await openSession(chair, '192.0.2.20');
		const there = await openSession(chair, '192.0.2.21');
		const socket = pool.open({ url: server.url, meetingId, token: there });
		const stays = pool.open({ url: server.url, meetingId, token: here });
		await Promise.all([synced(socket), synced(stays)]);

		const { result } = await post(
			sessionActions.end as (e: RequestEvent) => unknown,
			'/account/sessions?/end',
			chair,
			here,
			{ session: sessionIdFromToken(there).slice(0, 16) }
		);
		expect(result).toEqual({ redirect: '/account/sessions?ended=1' });
		await waitFor('4401', () => socket.closes.length > 0);
		expect(socket.closes[0].code).toBe(closeCodes.unauthenticated);
		expect((await validateSessionToken({ db: handle.db, token: there })).session).toBeNull();
		expect((await validateSessionToken({ db: handle.db, token: here })).session).not.toBeNull();
		expect(stays.closes).toEqual([]);
		const [ended] = await handle.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.userId, chair.id), eq(auditLog.action, 'session-ended')));
		expect(ended).toMatchObject({ targetType: 'session' });
	});

	it("cannot end someone else's session (404, nothing ended)", async () => {
		const mine = await openSession(chair, '192.0.2.30');
		const theirs = await openSession(other, '192.0.2.31');
		const { result } = await post(
			sessionActions.end as (e: RequestEvent) => unknown,
			'/account/sessions?/end',
			chair,
			mine,
			{ session: sessionIdFromToken(theirs).slice(0, 16) }
		);
		expect(isActionFailure(result)).toBe(true);
		expect((result as { status: number }).status).toBe(404);
		expect((await validateSessionToken({ db: handle.db, token: theirs })).session).not.toBeNull();
	});

	it('ending this session signs out here', async () => {
		const here = await openSession(other, '192.0.2.40');
		const { result, cookieCleared } = await post(
			sessionActions.end as (e: RequestEvent) => unknown,
			'/account/sessions?/end',
			other,
			here,
			{ session: sessionIdFromToken(here).slice(0, 16) }
		);
		expect(result).toEqual({ redirect: '/login' });
		expect(cookieCleared).toBe(true);
		expect((await validateSessionToken({ db: handle.db, token: here })).session).toBeNull();
	});
});

describe('changing a password', () => {
	it('needs the current password, a strong new one typed twice, each problem beside its field', async () => {
		const here = await openSession(other, '192.0.2.50');
		const change = (fields: Record<string, string>) =>
			post(
				passwordActions.default as (e: RequestEvent) => unknown,
				'/account/password',
				other,
				here,
				fields
			);
		const cases: [Record<string, string>, string][] = [
			[
				{
					currentPassword: 'not it',
					newPassword: 'a new long password',
					confirmPassword: 'a new long password'
				},
				'currentPassword'
			],
			[
				{ currentPassword: testPassword, newPassword: 'short', confirmPassword: 'short' },
				'newPassword'
			],
			[
				{
					currentPassword: testPassword,
					newPassword: 'a new long password',
					confirmPassword: 'a new long passwore'
				},
				'confirmPassword'
			]
		];
		for (const [fields, field] of cases) {
			const { result } = await change(fields);
			expect(isActionFailure(result), field).toBe(true);
			expect((result as { status: number; data: { errors: Record<string, string> } }).status).toBe(
				400
			);
			expect(
				Object.keys((result as { data: { errors: Record<string, string> } }).data.errors)
			).toEqual([field]);
		}
	});

	it('ends every other session (their sockets close with 4401), keeps this one, and the new password signs in', async () => {
		const here = await openSession(chair, '192.0.2.60');
		const elsewhere = await openSession(chair, '192.0.2.61');
		const socket = pool.open({ url: server.url, meetingId, token: elsewhere });
		const stays = pool.open({ url: server.url, meetingId, token: here });
		await Promise.all([synced(socket), synced(stays)]);

		const newPassword = 'a completely new passphrase';
		const { result } = await post(
			passwordActions.default as (e: RequestEvent) => unknown,
			'/account/password',
			chair,
			here,
			{ currentPassword: testPassword, newPassword, confirmPassword: newPassword }
		);
		expect(result).toEqual({ redirect: '/account/password?changed=1' });
		await waitFor('4401', () => socket.closes.length > 0);
		expect(socket.closes[0].code).toBe(closeCodes.unauthenticated);
		expect(stays.closes).toEqual([]);
		const left = await sessionsOfUser({
			db: handle.db,
			userId: chair.id,
			currentSessionId: sessionIdFromToken(here)
		});
		expect(left.map((s) => s.current)).toEqual([true]);
		expect(
			(
				await signInWithPassword({
					db: handle.db,
					email: chair.email,
					password: testPassword,
					address: '192.0.2.62'
				})
			).ok
		).toBe(false);
		expect(
			(
				await signInWithPassword({
					db: handle.db,
					email: chair.email,
					password: newPassword,
					address: '192.0.2.62'
				})
			).ok
		).toBe(true);
		const [changed] = await handle.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.userId, chair.id), eq(auditLog.action, 'password-changed')));
		expect(changed).toMatchObject({ targetType: 'user', targetId: chair.id });
	});
});
