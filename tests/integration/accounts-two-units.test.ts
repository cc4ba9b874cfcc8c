/**
 * Accounts and units (issue 20, items 1–4), two units on the real database, through the route
 * handlers, with the real collaboration server:
 * 1. a set-up link claims only its own unit's places (People) or its own place (a meeting's):
 *    unit B making an account with the address of someone unit A invited, and using the link
 *    B is shown, reaches nothing of A's — meeting, documents, reports, both socket channels;
 *    the real invitee's own link still works; and the other way round;
 * 2. only a manager makes managers and business support, a chair only professionals and
 *    parents; every change is audited with the role;
 * 3. only the unit that made an account disables it: B cannot disable A's parent or officer,
 *    whose sockets in A's meeting stay open;
 * 4. a family page offers only the unit's own parents, and refuses another unit's by id.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { isHttpError, isRedirect, type RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db';
import {
	auditLog,
	meetingParticipants,
	outbox,
	users,
	type User
} from '../../src/lib/server/db/schema';
import { resetEnvForTests } from '../../src/lib/server/env';
import { useSharedDatabase } from '../../src/lib/server/db';
import {
	SESSION_COOKIE,
	validateSessionToken,
	type SessionUser
} from '../../src/lib/server/auth/session';
import { signInWithPassword } from '../../src/lib/server/auth/sign-in';
import { inviteParticipant } from '../../src/lib/server/meetings/commands/invite-participant';
import { invitablePeople } from '../../src/lib/server/meetings/invitable-people';
import * as peopleApi from '../../src/routes/api/people/+server';
import * as meetingApi from '../../src/routes/api/meetings/[id]/+server';
import * as documentsApi from '../../src/routes/api/meetings/[id]/documents/+server';
import * as reportsApi from '../../src/routes/api/meetings/[id]/reports/+server';
import * as reportApi from '../../src/routes/api/reports/[id]/+server';
import { actions as inviteActions } from '../../src/routes/invite/[token]/+page.server';
import {
	actions as peopleActions,
	load as peopleLoad
} from '../../src/routes/unit/people/+page.server';
import {
	actions as familyActions,
	load as familyLoad
} from '../../src/routes/families/[id]/+page.server';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	signIn,
	sessionOf
} from '../factories';
import {
	clientPool,
	startCollabServer,
	synced,
	upgradeStatus,
	waitFor,
	type RunningServer
} from './collab-harness';

const ORIGIN = 'https://roundtable.example.gov.uk';
const savedOrigin = process.env.ORIGIN;
let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();

let unitA: string;
let unitB: string;
let chairA: User;
let adminA: User;
let policeA: User;
let parentA: User;
let managerB: User;
let adminB: User;
let chairB: User;
let familyA: string;
let familyB: string;
let meetingA: string;
let reportA: string;

function event(
	user: SessionUser | User,
	path: string,
	init: RequestInit = {},
	params: Record<string, string> = {}
) {
	const url = new URL(`${ORIGIN}${path}`);
	return {
		locals: { user: sessionOf(user), sessionId: null },
		params,
		url,
		request: new Request(url, init),
		setHeaders: () => {}
	} as unknown as RequestEvent;
}

const postJson = (body: unknown) => ({
	method: 'POST',
	headers: { 'content-type': 'application/json' },
	body: JSON.stringify(body)
});
const postForm = (fields: Record<string, string>) => ({
	method: 'POST',
	body: new URLSearchParams(fields)
});

/** The status and JSON body of an API answer; a thrown `error()` as its status. */
async function call(
	handler: (e: never) => Promise<Response> | Response,
	e: RequestEvent
): Promise<{ status: number; body: Record<string, unknown> }> {
	try {
		const response = await handler(e as never);
		const isJson = response.headers.get('content-type')?.includes('json');
		return { status: response.status, body: isJson ? await response.json() : {} };
	} catch (problem) {
		if (isHttpError(problem)) return { status: problem.status, body: {} };
		throw problem;
	}
}

/** A form action's answer: its status (200, a `fail`'s, or a thrown error's) and data. */
async function act(run: () => unknown): Promise<{ status: number; data: unknown }> {
	try {
		const result = (await run()) as { status?: number; data?: unknown } | undefined;
		return { status: result?.status ?? 200, data: result?.data ?? result };
	} catch (problem) {
		if (isHttpError(problem)) return { status: problem.status, data: null };
		throw problem;
	}
}

/** Uses a set-up link on its page; the session it opens (or the failure). */
async function useLink(token: string, password: string) {
	let cookie: string | undefined;
	const url = new URL(`${ORIGIN}/invite/${token}`);
	const e = {
		params: { token },
		url,
		request: new Request(url, {
			method: 'POST',
			body: new URLSearchParams({ password, confirm: password })
		}),
		cookies: { set: (name: string, value: string) => name === SESSION_COOKIE && (cookie = value) },
		getClientAddress: () => '192.0.2.20'
	} as unknown as RequestEvent;
	try {
		const failure = await inviteActions.default(e as never);
		return { failure, session: null, token: null, location: null };
	} catch (thrown) {
		if (!isRedirect(thrown)) throw thrown;
		const session = cookie ? await validateSessionToken({ db: handle.db, token: cookie }) : null;
		return {
			failure: null,
			session: session?.user ?? null,
			token: cookie!,
			location: thrown.location
		};
	}
}

/** The set-up token in the latest invitation to this address for this meeting. */
async function placeLinkFor(to: string, meetingId: string): Promise<string> {
	const mails = await handle.db
		.select()
		.from(outbox)
		.where(
			and(
				eq(outbox.meetingId, meetingId),
				eq(outbox.recipientEmail, to),
				eq(outbox.purpose, 'invitation')
			)
		);
	const token = /\/invite\/([a-z2-7]{32})/.exec(mails[mails.length - 1].textBody)?.[1];
	expect(token).toBeDefined();
	return token!;
}

/** Unit A's chair invites someone by name and email to A's meeting; their place. */
async function inviteByEmailToA(name: string, email: string) {
	const place = await inviteParticipant({
		db: handle.db,
		actorId: chairA.id,
		meetingId: meetingA,
		userId: null,
		name,
		email,
		role: 'professional',
		agencyId: null,
		voting: false,
		reportRequested: false
	});
	return place;
}

/** B's business support makes an account with this address and sets it up with the link shown. */
async function accountMadeByB(name: string, email: string, password: string) {
	const made = await call(
		peopleApi.POST,
		event(adminB, '/api/people', postJson({ name, email, role: 'professional' }))
	);
	expect(made.status).toBe(201);
	const token = (made.body.inviteUrl as string).split('/').pop()!;
	const used = await useLink(token, password);
	expect(used.session?.id).toBe(made.body.id);
	return { user: used.session!, token: used.token! };
}

/** Everything of A's meeting the holder of this session can reach (status of each). */
async function reachOfA(user: SessionUser, token: string) {
	const params = { id: meetingA };
	return {
		meeting: (await call(meetingApi.GET, event(user, `/api/meetings/${meetingA}`, {}, params)))
			.status,
		documents: (
			await call(documentsApi.GET, event(user, `/api/meetings/${meetingA}/documents`, {}, params))
		).status,
		report: (await call(reportApi.GET, event(user, `/api/reports/${reportA}`, {}, { id: reportA })))
			.status,
		main: await upgradeStatus(server.url, meetingA, { cookie: `${SESSION_COOKIE}=${token}` }),
		restricted: await upgradeStatus(server.url, `${meetingA}/restricted`, {
			cookie: `${SESSION_COOKIE}=${token}`
		})
	};
}

/** Pages and API answer as for a missing id; the socket upgrade is refused. */
const NOTHING = { meeting: 404, documents: 404, report: 404, main: 403, restricted: 403 };

beforeAll(async () => {
	process.env.ORIGIN = ORIGIN;
	resetEnvForTests();
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	unitA = (await makeUnit(db, 'Unit A')).id;
	unitB = (await makeUnit(db, 'Unit B')).id;
	chairA = await makeUser(db, { role: 'chair', unitId: unitA });
	adminA = await makeUser(db, { role: 'admin', unitId: unitA });
	policeA = await makeUser(db, { role: 'professional', unitId: unitA, name: 'PC Ann Lee' });
	parentA = await makeUser(db, { role: 'parent', name: 'Dawn Walker' });
	managerB = await makeUser(db, { role: 'manager', unitId: unitB });
	adminB = await makeUser(db, { role: 'admin', unitId: unitB });
	chairB = await makeUser(db, { role: 'chair', unitId: unitB });
	const walkers = await makeFamily(db, {
		unitId: unitA,
		name: 'Walker',
		children: ['Chrissie'],
		parents: [{ userId: parentA.id, relationship: 'Mum' }]
	});
	familyA = walkers.family.id;
	familyB = (await makeFamily(db, { unitId: unitB, name: 'Stone', children: ['Kai'] })).family.id;
	const made = await makeMeeting(db, {
		unitId: unitA,
		childIds: walkers.children.map((c) => c.id),
		participants: [
			{ user: chairA, role: 'chair' },
			{ user: policeA, role: 'professional' },
			{ user: parentA, role: 'parent' }
		]
	});
	meetingA = made.meeting.id;
	const written = await call(
		reportsApi.POST,
		event(
			policeA,
			`/api/meetings/${meetingA}/reports`,
			postJson({ title: 'Police report', body: 'Two call-outs to the address this year.' }),
			{ id: meetingA }
		)
	);
	expect(written.status).toBe(201);
	reportA = written.body.id as string;
	server = await startCollabServer(db);
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	useSharedDatabase(null);
	await handle?.close();
	if (savedOrigin === undefined) delete process.env.ORIGIN;
	else process.env.ORIGIN = savedOrigin;
	resetEnvForTests();
});

describe('1. a set-up link claims only its own unit’s places', () => {
	const INVITEE = 'sam.reid@police.example.test';

	it('(a) B makes an account with the address A invited and uses the link it is shown: it reaches nothing of A’s', async () => {
		const place = await inviteByEmailToA('DC Sam Reid', INVITEE);
		const attacker = await accountMadeByB('Sam Reid', INVITEE, 'the attacker chose this one');
		expect(attacker.user.unitId).toBe(unitB);
		const [still] = await handle.db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.id, place.id));
		expect(still.userId).toBeNull();
		expect(await reachOfA(attacker.user, attacker.token)).toEqual(NOTHING);
	});

	it('(b) the real invitee’s own link still works: they open A’s meeting, and B’s account still cannot', async () => {
		const used = await useLink(
			await placeLinkFor(INVITEE, meetingA),
			'the real officer’s own words'
		);
		expect(used.failure).toBeNull();
		expect(used.location).toBe(`/meetings/${meetingA}`);
		expect(used.session).toMatchObject({ email: INVITEE, unitId: unitA, role: 'professional' });
		const invitee = used.session!;
		expect(await reachOfA(invitee, used.token!)).toEqual({
			meeting: 200,
			documents: 200,
			report: 200,
			main: 101,
			restricted: 101
		});
		// Each password opens its own account.
		const signInWith = async (password: string) => {
			const result = await signInWithPassword({
				db: handle.db,
				email: INVITEE,
				password,
				address: '192.0.2.21'
			});
			return result.ok ? result.userId : null;
		};
		const attackerId = await signInWith('the attacker chose this one');
		expect(attackerId).not.toBeNull();
		expect(attackerId).not.toBe(invitee.id);
		expect(await signInWith('the real officer’s own words')).toBe(invitee.id);
		const [attacker] = await handle.db.select().from(users).where(eq(users.id, attackerId!));
		const token = await signIn(handle.db, attacker.id);
		expect(await reachOfA(sessionOf(attacker), token)).toEqual(NOTHING);
	});

	it('(c) B’s account first, then A invites that address by name and email: A’s place waits for its own link, and only that link opens it', async () => {
		const ADDRESS = 'jo.hart@health.example.test';
		const attacker = await accountMadeByB('Jo Hart', ADDRESS, 'another attacker password');
		// A's invite picker does not offer B's account (its name is B's business, and could pass
		// for the person A means), and A is told nothing of it: the invitation is accepted as for
		// anyone new.
		const offered = await invitablePeople({ db: handle.db, meetingId: meetingA });
		expect(offered.map((p) => p.id)).not.toContain(attacker.user.id);
		expect(offered.map((p) => p.id)).toContain(policeA.id);
		const place = await inviteByEmailToA('Jo Hart, health visitor', ADDRESS);
		expect(place.userId).toBeNull();
		expect(await reachOfA(attacker.user, attacker.token)).toEqual(NOTHING);
		const used = await useLink(await placeLinkFor(ADDRESS, meetingA), 'the health visitor’s own');
		expect(used.session).toMatchObject({ email: ADDRESS, unitId: unitA });
		expect(used.session!.id).not.toBe(attacker.user.id);
		expect((await reachOfA(used.session!, used.token!)).meeting).toBe(200);
		expect(await reachOfA(attacker.user, attacker.token)).toEqual(NOTHING);
	});

	it('B’s answers never reveal that A has an account with an address', async () => {
		const made = await call(
			peopleApi.POST,
			event(
				adminB,
				'/api/people',
				postJson({ name: 'Ann Lee', email: policeA.email, role: 'professional' })
			)
		);
		expect(made.status).toBe(201);
	});
});

describe('2. who makes which accounts', () => {
	const person = (role: string, email: string) => postJson({ name: 'New Person', email, role });

	it('a chair makes no manager, business support or chair; business support no manager or business support: 400 naming the role', async () => {
		for (const [who, role] of [
			[chairB, 'manager'],
			[chairB, 'admin'],
			[chairB, 'chair'],
			[adminB, 'manager'],
			[adminB, 'admin']
		] as const) {
			const refused = await call(
				peopleApi.POST,
				event(who, '/api/people', person(role, `${who.role}.${role}@b.example.test`))
			);
			expect(refused.status, `${who.role} making ${role}`).toBe(400);
			expect(Object.keys(refused.body.errors as object)).toEqual(['role']);
			expect((refused.body.errors as { role: string }).role).toContain('Only the unit');
			expect(refused.body).not.toHaveProperty('inviteUrl');
		}
		const rows = await handle.db.select().from(users).where(eq(users.unitId, unitB));
		expect(rows.some((u) => u.email.endsWith('@b.example.test'))).toBe(false);
	});

	it('the form offers only the roles the viewer may give', async () => {
		const roles = async (who: User) =>
			(
				(await peopleLoad(event(who, '/unit/people') as never)) as { roles: { role: string }[] }
			).roles
				.map((r) => r.role)
				.sort();
		expect(await roles(chairB)).toEqual(['parent', 'professional']);
		expect(await roles(adminB)).toEqual(['chair', 'lado', 'parent', 'professional']);
		expect(await roles(managerB)).toEqual([
			'admin',
			'chair',
			'lado',
			'manager',
			'parent',
			'professional'
		]);
	});

	it('a manager makes business support and a manager; business support a chair; each audited with the role', async () => {
		for (const [who, role] of [
			[managerB, 'admin'],
			[managerB, 'manager'],
			[adminB, 'chair'],
			[chairB, 'professional']
		] as const) {
			const made = await call(
				peopleApi.POST,
				event(who, '/api/people', person(role, `made.${role}@b.example.test`))
			);
			expect(made.status, `${who.role} making ${role}`).toBe(201);
			const [entry] = await handle.db
				.select()
				.from(auditLog)
				.where(
					and(eq(auditLog.action, 'account-added'), eq(auditLog.targetId, made.body.id as string))
				);
			expect(entry).toMatchObject({ userId: who.id, detail: { role } });
		}
	});

	it('business support may not disable the manager (404); the manager disables business support, audited with the role', async () => {
		const disable = (who: User, userId: string, action: 'disable' | 'enable' = 'disable') =>
			act(() => peopleActions[action](event(who, '/unit/people', postForm({ userId })) as never));
		expect((await disable(adminB, managerB.id)).status).toBe(404);
		expect((await disable(chairB, adminB.id)).status).toBe(404);
		const [manager] = await handle.db.select().from(users).where(eq(users.id, managerB.id));
		expect(manager.disabledAt).toBeNull();
		expect((await disable(managerB, adminB.id)).status).toBe(200);
		expect((await disable(managerB, adminB.id, 'enable')).status).toBe(200);
		const entries = await handle.db.select().from(auditLog).where(eq(auditLog.targetId, adminB.id));
		expect(entries.map((e) => [e.action, e.detail])).toEqual([
			['account-disabled', { role: 'admin' }],
			['account-enabled', { role: 'admin' }]
		]);
	});
});

describe('3. only the unit that made an account disables it', () => {
	it('B cannot disable A’s parent or A’s officer, though they are in B’s family and meeting; their sockets in A’s meeting stay open', async () => {
		const { db } = handle;
		// Unit B works with A's parent (one of its families) and A's officer (one of its meetings).
		await makeFamily(db, {
			unitId: unitB,
			name: 'Walker (B)',
			children: ['Lee'],
			parents: [{ userId: parentA.id, relationship: 'Mum' }]
		});
		await makeMeeting(db, {
			unitId: unitB,
			participants: [
				{ user: chairB, role: 'chair' },
				{ user: policeA, role: 'professional' }
			]
		});
		const parentToken = await signIn(db, parentA.id);
		const policeToken = await signIn(db, policeA.id);
		const parentSocket = pool.open({ url: server.url, meetingId: meetingA, token: parentToken });
		const policeSocket = pool.open({ url: server.url, meetingId: meetingA, token: policeToken });
		await Promise.all([synced(parentSocket), synced(policeSocket)]);

		const listed = (await peopleLoad(event(adminB, '/unit/people') as never)) as {
			people: { id: string; mayDisable: boolean }[];
		};
		for (const id of [parentA.id, policeA.id]) {
			// Listed (a unit-less parent in one of B's families) without the button, or not at all.
			expect(listed.people.find((p) => p.id === id)?.mayDisable ?? false).toBe(false);
			for (const who of [adminB, managerB]) {
				const tried = await act(() =>
					peopleActions.disable(event(who, '/unit/people', postForm({ userId: id })) as never)
				);
				expect(tried.status).toBe(404);
			}
		}
		await new Promise((r) => setTimeout(r, 200));
		expect(parentSocket.closes).toEqual([]);
		expect(policeSocket.closes).toEqual([]);
		expect(parentSocket.provider.wsconnected && policeSocket.provider.wsconnected).toBe(true);
		const rows = await db.select().from(users).where(eq(users.id, policeA.id));
		expect(rows[0].disabledAt).toBeNull();
		// A, who made the officer's account, may.
		const byA = await act(() =>
			peopleActions.disable(
				event(adminA, '/unit/people', postForm({ userId: policeA.id })) as never
			)
		);
		expect(byA.status).toBe(200);
		await waitFor('the officer’s socket closed', () => policeSocket.closes.length > 0);
		expect(policeSocket.closes[0].code).toBe(4401);
		expect(parentSocket.closes).toEqual([]);
	});
});

describe('4. the family page offers only the unit’s own parents', () => {
	it('B’s family page does not offer A’s parent, nor adds them by id; A’s page does', async () => {
		const { db } = handle;
		const otherParent = await makeUser(db, { role: 'parent', name: 'Zoe Unlinked' });
		const offered = async (who: User, familyId: string) =>
			(
				(await familyLoad(event(who, `/families/${familyId}`, {}, { id: familyId }) as never)) as {
					parents: { id: string }[];
				}
			).parents.map((p) => p.id);
		// B's own family links (section 3 put A's parent in one) aside, a fresh unit C sees none.
		const unitC = (await makeUnit(db, 'Unit C')).id;
		const adminC = await makeUser(db, { role: 'admin', unitId: unitC });
		const familyC = (await makeFamily(db, { unitId: unitC, name: 'Moss', children: ['Ivy'] }))
			.family.id;
		expect(await offered(adminC, familyC)).toEqual([]);
		expect(await offered(adminA, familyA)).toContain(parentA.id);
		expect(await offered(adminA, familyA)).not.toContain(otherParent.id);
		for (const userId of [parentA.id, otherParent.id]) {
			const added = await act(() =>
				familyActions.addMember(
					event(
						adminC,
						`/families/${familyC}`,
						postForm({ userId, relationship: 'Mum', parentalResponsibility: 'yes' }),
						{ id: familyC }
					) as never
				)
			);
			expect(added.status).toBe(400);
			expect(added.data).toMatchObject({
				errors: { userId: expect.stringContaining('from the list') }
			});
		}
		expect(familyB).toBeDefined();
	});
});
