/**
 * A child who forgot their password (issue 27: a child has no email address to reset it by):
 * their reviewing officer gives them a new set-up link for their existing account, through the
 * real API on the real database. The new link works once; the earlier unused link no longer
 * works; once the child chooses a new password the old one no longer opens the account, and
 * every other session of theirs has ended. A parent, a professional and another unit's chair
 * are answered 404, as for a child who does not exist; a child with no account yet 409.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { useSharedDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import { auditLog, children, type User } from '../../src/lib/server/db/schema';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import {
	lookUpAccountInvite,
	redeemAccountInvite
} from '../../src/lib/server/auth/account-invites';
import { signInWithPassword } from '../../src/lib/server/auth/sign-in';
import * as accountApi from '../../src/routes/api/children/[childId]/account/+server';
import * as linkApi from '../../src/routes/api/children/[childId]/account/link/+server';
import {
	createTestDatabase,
	makeFamily,
	makeUnit,
	makeUser,
	signIn,
	sessionOf
} from '../factories';

let handle: DatabaseHandle;
const people = {} as Record<
	'officer' | 'admin' | 'otherUnitChair' | 'parent' | 'socialWorker',
	User
>;
let tylerId: string;
let kaiId: string;
const OLD = 'purple giraffes dance quietly 7';
const NEW = 'orange kites fly over hills 4';

async function post(
	handler: (e: never) => Promise<Response> | Response,
	user: User,
	path: string,
	childId: string,
	body?: unknown
) {
	const url = new URL(`https://roundtable.example.gov.uk${path}`);
	const e = {
		locals: { user: sessionOf(user), sessionId: null },
		params: { childId },
		url,
		request: new Request(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		})
	} as unknown as RequestEvent;
	try {
		const response = await handler(e as never);
		return { status: response.status, body: (await response.json()) as Record<string, unknown> };
	} catch (problem) {
		if (isHttpError(problem)) return { status: problem.status, body: {} };
		throw problem;
	}
}

const newLink = (user: User, childId: string) =>
	post(linkApi.POST, user, `/api/children/${childId}/account/link`, childId);
const tokenOf = (link: unknown) => decodeURIComponent(String(link).split('/invite/')[1]);
const opens = async (password: string) =>
	(
		await signInWithPassword({
			db: handle.db,
			email: 'tyler.h',
			password,
			address: '192.0.2.7'
		})
	).ok;

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	const other = await makeUnit(db, 'Another unit');
	people.officer = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Priya Shah' });
	people.admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	people.otherUnitChair = await makeUser(db, { role: 'chair', unitId: other.id });
	people.parent = await makeUser(db, { role: 'parent' });
	people.socialWorker = await makeUser(db, { role: 'professional' });
	const family = await makeFamily(db, {
		unitId: unit.id,
		children: ['Tyler Hughes', 'Kai Hughes'],
		parents: [{ userId: people.parent.id, relationship: 'Foster carer' }]
	});
	[tylerId, kaiId] = family.children.map((c) => c.id);
	await db
		.update(children)
		.set({ inCareSince: '2025-01-10', iroId: people.officer.id })
		.where(eq(children.id, tylerId));
	// Tyler has an account, set up with his first link.
	const made = await post(
		accountApi.POST,
		people.officer,
		`/api/children/${tylerId}/account`,
		tylerId,
		{
			username: 'tyler.h'
		}
	);
	expect(made.status).toBe(201);
	await redeemAccountInvite({ db, token: tokenOf(made.body.setUpLink), password: OLD });
}, 240_000); // password hashes and checks (argon2id) on a busy machine

afterAll(async () => {
	await handle?.close();
});

describe('a new set-up link for a child who forgot their password', () => {
	it('works once, ends the earlier link, the old password and every other session', async () => {
		const { db } = handle;
		expect(await opens(OLD)).toBe(true);
		const [account] = await db.query.users.findMany({
			where: (u, { eq: is }) => is(u.role, 'child')
		});
		// His phone and a shared computer at school are signed in.
		const sessions = [await signIn(db, account.id), await signIn(db, account.id)];
		for (const token of sessions)
			expect((await validateSessionToken({ db, token })).user?.id).toBe(account.id);

		// A link given and lost, then another: only the newer one works.
		const first = await newLink(people.officer, tylerId);
		expect(first.status).toBe(201);
		const second = await newLink(people.admin, tylerId);
		expect(second.status).toBe(201);
		expect(Object.keys(second.body)).toEqual(['setUpLink']);
		expect((await lookUpAccountInvite({ db, token: tokenOf(first.body.setUpLink) })).ok).toBe(
			false
		);
		await expect(
			redeemAccountInvite({ db, token: tokenOf(first.body.setUpLink), password: NEW })
		).rejects.toMatchObject({ status: 400 });
		// Until the child uses it, his password still opens the account and he is still signed in.
		expect(await opens(OLD)).toBe(true);
		expect((await validateSessionToken({ db, token: sessions[0] })).user?.id).toBe(account.id);

		const lookup = await lookUpAccountInvite({ db, token: tokenOf(second.body.setUpLink) });
		expect(lookup).toMatchObject({ ok: true, email: 'tyler.h', newPassword: true });
		const used = await redeemAccountInvite({
			db,
			token: tokenOf(second.body.setUpLink),
			password: NEW
		});
		expect(used).toMatchObject({ userId: account.id, meetingId: null, signIn: true });
		expect(await opens(NEW)).toBe(true);
		expect(await opens(OLD)).toBe(false);
		for (const token of sessions)
			expect((await validateSessionToken({ db, token })).user).toBeNull();
		// Once.
		await expect(
			redeemAccountInvite({ db, token: tokenOf(second.body.setUpLink), password: OLD })
		).rejects.toMatchObject({ status: 400 });
		expect(await opens(NEW)).toBe(true);

		const audited = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'child-account-new-link'), eq(auditLog.targetId, tylerId)));
		expect(audited.map((row) => row.userId).sort()).toEqual(
			[people.officer.id, people.admin.id].sort()
		);
		const reset = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'password-set-by-link'), eq(auditLog.targetId, account.id)));
		expect(reset).toHaveLength(1);
	}, 120_000);

	it('is given only by the child’s reviewing officer or the unit’s office: anyone else 404', async () => {
		for (const who of [people.parent, people.socialWorker, people.otherUnitChair])
			expect((await newLink(who, tylerId)).status).toBe(404);
		expect((await newLink(people.officer, 'not-a-child')).status).toBe(404);
		expect((await newLink(people.officer, '00000000-0000-4000-8000-00000000ffff')).status).toBe(
			404
		);
	});

	it('is refused with 409 for a child who has no account yet, saying to make one', async () => {
		const refused = await newLink(people.admin, kaiId);
		expect(refused.status).toBe(409);
		expect(String(refused.body.message)).toMatch(/no account yet: make one/);
	});
});
