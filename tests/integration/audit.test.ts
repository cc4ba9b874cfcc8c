/**
 * The audit log (issue 15, docs/security.md "Audit"): every open of a meeting's live record
 * (each channel, through the real collaboration server), every view of a child's page, a
 * document or the meetings list, every download, end of meeting, sign-in and failed sign-in
 * is recorded with who, when and from where; managers of the unit search it through
 * GET /api/audit (everyone else 404); nothing in the app changes or removes an entry, and the
 * database refuses to.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { auditLog, type User } from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import { runInRequest } from '../../src/lib/server/request-context';
import { signInWithPassword } from '../../src/lib/server/auth/sign-in';
import { GET as auditApi } from '../../src/routes/api/audit/+server';
import { auditPeople } from '../../src/lib/server/audit-search';
import { GET as auditPeopleApi } from '../../src/routes/api/audit/people/+server';
import { load as childPage } from '../../src/routes/children/[childId]/+page.server';
import { load as meetingsPage } from '../../src/routes/meetings/+page.server';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	signIn,
	testPassword,
	sessionOf
} from '../factories';
import { startCollabServer, upgradeStatus, waitFor, type RunningServer } from './collab-harness';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session';

let handle: DatabaseHandle;
let server: RunningServer;
let chair: User,
	admin: User,
	manager: User,
	otherManager: User,
	professional: User,
	parent: User,
	stranger: User;
let meetingId: string, otherMeetingId: string, childId: string;
beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	const otherUnit = await makeUnit(db, 'Another unit');
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	manager = await makeUser(db, { role: 'manager', unitId: unit.id });
	otherManager = await makeUser(db, { role: 'manager', unitId: otherUnit.id });
	professional = await makeUser(db, {
		role: 'professional',
		email: 'audited.professional@example.test'
	});
	// A parent whose account the unit made: their doings about no meeting are the unit's to see.
	parent = await makeUser(db, { role: 'parent', unitId: unit.id });
	stranger = await makeUser(db, { role: 'professional' });
	const { children } = await makeFamily(db, {
		unitId: unit.id,
		children: ['Chrissie'],
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
	childId = children[0].id;
	const { meeting } = await makeMeeting(db, {
		unitId: unit.id,
		childIds: [childId],
		participants: [
			{ user: chair, role: 'chair' },
			{ user: professional, role: 'professional' },
			{ user: parent, role: 'parent' }
		]
	});
	meetingId = meeting.id;
	const other = await makeMeeting(db, {
		unitId: otherUnit.id,
		participants: [{ user: stranger, role: 'professional' }]
	});
	otherMeetingId = other.meeting.id;
	server = await startCollabServer(db);
});
afterAll(async () => {
	await server?.close();
	useSharedDatabase(null);
	await handle?.close();
});

interface AuditRow {
	action: string;
	userId: string | null;
	address: string | null;
	targetId: string | null;
}

async function entries(where: { userId?: string; action?: string }) {
	return handle.db
		.select()
		.from(auditLog)
		.where(
			and(
				where.userId ? eq(auditLog.userId, where.userId) : undefined,
				where.action ? eq(auditLog.action, where.action) : undefined
			)
		)
		.orderBy(auditLog.id);
}

/** Calls GET /api/audit as SvelteKit would, as `user`. */
async function searchAs(user: User | null, query = ''): Promise<{ status: number; body: unknown }> {
	const url = new URL(`http://127.0.0.1:3000/api/audit${query}`);
	const event = {
		url,
		locals: { user: user ? sessionOf(user) : null, sessionId: user ? 'test' : null }
	} as unknown as Parameters<typeof auditApi>[0];
	try {
		const response = await auditApi(event);
		return { status: response.status, body: await response.json() };
	} catch (thrown) {
		return {
			status: (thrown as { status: number }).status,
			body: (thrown as { body: unknown }).body
		};
	}
}

describe('what is audited', () => {
	it('every open of the live record, each channel, with who and from where; a refused upgrade opens nothing', async () => {
		const token = await signIn(handle.db, professional.id);
		const cookie = { cookie: `${SESSION_COOKIE}=${token}` };
		expect(await upgradeStatus(server.url, meetingId, cookie)).toBe(101);
		expect(await upgradeStatus(server.url, `${meetingId}/restricted`, cookie)).toBe(101);
		const parentToken = await signIn(handle.db, parent.id);
		expect(
			await upgradeStatus(server.url, `${meetingId}/restricted`, {
				cookie: `${SESSION_COOKIE}=${parentToken}`
			})
		).toBe(403);

		// Opens are written with the next tick of the write-behind queue (issue 24), not awaited.
		await waitFor(
			'the opens written',
			async () => (await entries({ action: 'open-record' })).length >= 2
		);
		const opened = await entries({ action: 'open-record' });
		expect(
			opened.map((e) => [e.userId, e.targetType, e.targetId, e.meetingId, e.address, e.detail])
		).toEqual([
			[professional.id, 'record', meetingId, meetingId, '127.0.0.1', { channel: 'main' }],
			[professional.id, 'record', meetingId, meetingId, '127.0.0.1', { channel: 'restricted' }]
		]);
		expect(opened.every((e) => Math.abs(e.at.getTime() - Date.now()) < 60_000)).toBe(true);
	});

	it("a child's page and the meetings list, with the address of the request that read them", async () => {
		const event = (user: User, params: Record<string, string> = {}) =>
			({
				locals: { user: sessionOf(user), sessionId: 'test' },
				params,
				url: new URL('http://127.0.0.1:3000/x')
			}) as unknown as RequestEvent;
		await runInRequest({ requestId: 'r1', address: '203.0.113.9' }, () =>
			childPage(event(chair, { childId }) as Parameters<typeof childPage>[0])
		);
		await runInRequest({ requestId: 'r2', address: '203.0.113.10' }, () =>
			meetingsPage(event(parent) as Parameters<typeof meetingsPage>[0])
		);
		const [read] = await entries({ userId: chair.id, action: 'read' });
		expect(read).toMatchObject({ targetType: 'child', targetId: childId, address: '203.0.113.9' });
		const [listed] = await entries({ userId: parent.id, action: 'list' });
		expect(listed).toMatchObject({
			targetType: 'meeting',
			targetId: null,
			address: '203.0.113.10'
		});
	});

	it('a sign-in and a failed sign-in, with the address, never the email typed', async () => {
		const address = '198.51.100.23';
		expect(
			(
				await signInWithPassword({
					db: handle.db,
					email: professional.email,
					password: 'not the password',
					address
				})
			).ok
		).toBe(false);
		expect(
			(
				await signInWithPassword({
					db: handle.db,
					email: 'no.such.person@example.test',
					password: 'not the password',
					address
				})
			).ok
		).toBe(false);
		expect(
			(
				await signInWithPassword({
					db: handle.db,
					email: professional.email,
					password: testPassword,
					address
				})
			).ok
		).toBe(true);
		const failed = await entries({ action: 'sign-in-failed' });
		expect(failed.map((e) => [e.userId, e.address])).toEqual([
			[professional.id, address],
			[null, address]
		]);
		expect(JSON.stringify(failed)).not.toContain('no.such.person');
		const [signedIn] = await entries({ userId: professional.id, action: 'sign-in' });
		expect(signedIn).toMatchObject({ targetType: 'session', address });
	});
});

describe('GET /api/audit', () => {
	it("gives a manager of the unit their unit's entries, newest first, in the contract's shape", async () => {
		const { status, body } = await searchAs(manager);
		expect(status).toBe(200);
		const list = (body as { entries: Record<string, unknown>[] }).entries;
		expect(list.length).toBeGreaterThan(3);
		for (const entry of list)
			expect(Object.keys(entry).sort()).toEqual([
				'action',
				'address',
				'at',
				'targetId',
				'targetType',
				'userId'
			]);
		const times = list.map((e) => Date.parse(e.at as string));
		expect([...times].sort((a, b) => b - a)).toEqual(times);
		expect(
			list.some(
				(e) =>
					e.action === 'open-record' && e.userId === professional.id && e.address === '127.0.0.1'
			)
		).toBe(true);
		expect(
			list.some((e) => e.action === 'read' && e.targetType === 'child' && e.targetId === childId)
		).toBe(true);
	});

	it('filters by meeting, person and time', async () => {
		const byMeeting = (await searchAs(manager, `?meetingId=${meetingId}`)).body as {
			entries: { action: string; targetId: string }[];
		};
		expect(byMeeting.entries.length).toBeGreaterThan(0);
		expect(byMeeting.entries.every((e) => e.targetId === meetingId)).toBe(true);
		const byPerson = (await searchAs(manager, `?userId=${parent.id}`)).body as {
			entries: { userId: string }[];
		};
		expect(byPerson.entries.map((e) => e.userId)).toEqual([parent.id]);
		const later = new Date(Date.now() + 60_000).toISOString();
		expect(
			((await searchAs(manager, `?from=${later}`)).body as { entries: unknown[] }).entries
		).toEqual([]);
		const earlier = new Date(Date.now() - 3_600_000).toISOString();
		expect(
			((await searchAs(manager, `?to=${earlier}`)).body as { entries: unknown[] }).entries
		).toEqual([]);
		const today = new Date().toISOString().slice(0, 10);
		expect(
			(
				(await searchAs(manager, `?from=${today}&to=${today}&userId=${parent.id}`)).body as {
					entries: unknown[];
				}
			).entries
		).toHaveLength(1);
	});

	it("never shows another unit's entries", async () => {
		const token = await signIn(handle.db, stranger.id);
		expect(
			await upgradeStatus(server.url, otherMeetingId, { cookie: `${SESSION_COOKIE}=${token}` })
		).toBe(101);
		const ours = (await searchAs(manager)).body as { entries: { targetId: string | null }[] };
		expect(ours.entries.some((e) => e.targetId === otherMeetingId)).toBe(false);
		const theirs = (await searchAs(otherManager)).body as {
			entries: { targetId: string | null; userId: string }[];
		};
		expect(theirs.entries.some((e) => e.targetId === otherMeetingId)).toBe(true);
		expect(theirs.entries.some((e) => e.targetId === meetingId || e.targetId === childId)).toBe(
			false
		);
	});

	it('shows the sign-ins of the unit’s own accounts, not of other units’ or no unit’s people who only appear in its meetings and families (issue 20)', async () => {
		const { db } = handle;
		const [unitId, otherUnitId] = [manager.unitId!, otherManager.unitId!];
		// Another unit's parent, in one of this unit's families and meetings too.
		const visitor = await makeUser(db, { role: 'parent', unitId: otherUnitId });
		await makeFamily(db, {
			unitId,
			children: ['Sam'],
			parents: [{ userId: visitor.id, relationship: 'Dad' }]
		});
		await makeMeeting(db, {
			unitId,
			participants: [
				{ user: chair, role: 'chair' },
				{ user: visitor, role: 'parent' }
			]
		});
		const signInAs = (user: User, address: string) =>
			signInWithPassword({ db, email: user.email, password: testPassword, address });
		expect((await signInAs(visitor, '203.0.113.41')).ok).toBe(true);
		expect((await signInAs(professional, '203.0.113.42')).ok).toBe(true);
		expect((await signInAs(admin, '203.0.113.43')).ok).toBe(true);
		const list = ((await searchAs(manager)).body as { entries: AuditRow[] }).entries;
		const signIns = list.filter((e) => e.action === 'sign-in');
		expect(signIns.map((e) => e.address)).toContain('203.0.113.43');
		expect(signIns.map((e) => e.address)).not.toContain('203.0.113.41');
		expect(signIns.map((e) => e.address)).not.toContain('203.0.113.42');
		expect(list.some((e) => e.userId === visitor.id)).toBe(false);
		// What the professional did in this unit's meeting still shows.
		expect(list.some((e) => e.userId === professional.id && e.action === 'open-record')).toBe(true);
		// The visitor's own unit sees their sign-in.
		const theirs = ((await searchAs(otherManager)).body as { entries: AuditRow[] }).entries;
		expect(theirs.some((e) => e.action === 'sign-in' && e.address === '203.0.113.41')).toBe(true);
	});

	it('offers as a person to filter by everyone whose entries the manager sees, and no one else (issue 28)', async () => {
		const { db } = handle;
		const unitId = manager.unitId!;
		const list = ((await searchAs(manager)).body as { entries: AuditRow[] }).entries;
		const people = await auditPeople({ db, unitId });
		const offered = new Set(people.map((p) => p.id));
		// Every person who acted in an entry the manager sees can be chosen…
		const actors = [...new Set(list.map((e) => e.userId).filter((id) => id !== null))];
		expect(actors.filter((id) => !offered.has(id))).toEqual([]);
		// …including the professional with no unit who opened this unit's record,
		expect(offered.has(professional.id)).toBe(true);
		// and the unit's own accounts; not another unit's manager or a stranger.
		for (const own of [chair, admin, manager, parent]) expect(offered.has(own.id)).toBe(true);
		expect(offered.has(otherManager.id)).toBe(false);
		expect(offered.has(stranger.id)).toBe(false);
		// Each once, by name.
		expect(people.length).toBe(offered.size);
		expect(people.map((p) => p.name)).toEqual([...people.map((p) => p.name)].sort());
	});

	it('finds one of those people by a word of their name, agency or email, and no one else (issue 28: the person picker)', async () => {
		const ask = async (user: User, q: string) => {
			const event = {
				url: new URL(`http://127.0.0.1:3000/api/audit/people?q=${encodeURIComponent(q)}`),
				locals: { user: sessionOf(user), sessionId: 'test' }
			} as unknown as Parameters<typeof auditPeopleApi>[0];
			const response = await auditPeopleApi(event);
			return {
				status: response.status,
				body: (await response.json()) as { people?: { id: string; email: string }[] }
			};
		};
		const found = await ask(manager, 'audited.professional');
		expect(found.status).toBe(200);
		expect(found.body.people?.map((p) => p.id)).toEqual([professional.id]);
		expect(found.body.people?.[0].email).toBe('audited.professional@example.test');
		// Another unit's manager is never found, by any word of their address.
		expect((await ask(manager, otherManager.email)).body.people).toEqual([]);
		expect((await ask(manager, '')).body.people).toEqual([]);
		expect((await ask(manager, 'x'.repeat(101))).status).toBe(400);
		for (const user of [chair, admin, professional, parent])
			expect((await ask(user, 'audited')).status, user.role).toBe(404);
	});

	it('answers 404 to everyone else, 401 without a session', async () => {
		for (const user of [chair, admin, professional, parent, stranger])
			expect((await searchAs(user)).status, user.role).toBe(404);
		expect((await searchAs(null)).status).toBe(401);
	});

	it('answers a filter it cannot read with 400 naming the field', async () => {
		expect(await searchAs(manager, '?from=yesterday')).toMatchObject({
			status: 400,
			body: { field: 'from' }
		});
		expect(await searchAs(manager, '?meetingId=%27%20or%201%3D1')).toMatchObject({
			status: 400,
			body: { field: 'meetingId' }
		});
		// A time that does not exist is refused, never moved to another day (issue 20).
		expect(await searchAs(manager, '?from=2026-02-30T10:00:00Z')).toMatchObject({
			status: 400,
			body: { field: 'from' }
		});
		expect(await searchAs(manager, '?to=2026-03-01T24:00:00Z')).toMatchObject({
			status: 400,
			body: { field: 'to' }
		});
		expect(await searchAs(manager, '?from=2026-03-02&to=2026-03-01')).toMatchObject({
			status: 400,
			body: { field: 'to' }
		});
	});

	it('records each search itself', async () => {
		const searches = await entries({ userId: manager.id, action: 'search' });
		expect(searches.length).toBeGreaterThan(0);
		expect(searches[0]).toMatchObject({ targetType: 'audit' });
	});
});

/** Every source file under a folder. */
function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		if (statSync(full).isDirectory()) return sourceFiles(full);
		return /\.(ts|js|svelte)$/.test(name) && !/\.test\.ts$/.test(name) ? [full] : [];
	});
}

describe('append-only', () => {
	it('no code in the app updates or deletes audit entries', () => {
		const offenders = [...sourceFiles('src'), ...sourceFiles('server')].filter((file) => {
			const text = readFileSync(file, 'utf8');
			return (
				/\.(update|delete)\(\s*auditLog\b/.test(text) ||
				/\b(update|delete\s+from|truncate)\s+"?audit_log\b/i.test(text)
			);
		});
		expect(offenders).toEqual([]);
	});

	it('the database refuses to change, remove or empty an entry', async () => {
		const [entry] = await entries({ action: 'open-record' });
		await expect(
			handle.db.update(auditLog).set({ action: 'nothing' }).where(eq(auditLog.id, entry.id))
		).rejects.toThrow();
		await expect(handle.db.delete(auditLog).where(eq(auditLog.id, entry.id))).rejects.toThrow();
		await expect(handle.db.execute(sql`truncate audit_log`)).rejects.toThrow();
		const [still] = await handle.db.select().from(auditLog).where(eq(auditLog.id, entry.id));
		expect(still.action).toBe('open-record');
	});
});
