/**
 * Disabling an account (People and agencies, issue 12): through the /unit/people page's action,
 * business support disables a professional who has a live socket on a meeting of the unit; the
 * socket is closed at once with 4401 (stock y-websocket client, real collaboration server),
 * the old cookie is refused (the session check and the socket upgrade, 401), the password no
 * longer signs in, and an unused set-up link stops working; enabled again, they sign in.
 * Business support may not disable the manager (issue 20), nor themselves (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { auditLog, type User } from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import { roots } from '../../src/lib/collab/roots';
import { SESSION_COOKIE, validateSessionToken } from '../../src/lib/server/auth/session';
import { signInWithPassword } from '../../src/lib/server/auth/sign-in';
import { lookUpAccountInvite } from '../../src/lib/server/auth/account-invites';
import { createPerson } from '../../src/lib/server/people/commands/create-person';
import { actions } from '../../src/routes/unit/people/+page.server';
import {
	createTestDatabase,
	makeMeeting,
	makeUnit,
	makeUser,
	signIn,
	testPassword,
	sessionOf
} from '../factories';
import {
	clientPool,
	startCollabServer,
	synced,
	textOf,
	typeParagraph,
	upgradeStatus,
	waitFor,
	type RunningServer
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();
let meetingId: string;
let admin: User;
let manager: User;
let chair: User;
let police: User;
let policeParticipant: string;

async function act(
	name: 'disable' | 'enable',
	user: User,
	userId: string
): Promise<{ status: number; data?: unknown }> {
	const url = new URL('http://127.0.0.1:3000/unit/people');
	const event = {
		locals: { user: sessionOf(user), sessionId: null },
		params: {},
		url,
		request: new Request(url, { method: 'POST', body: new URLSearchParams({ userId }) })
	} as unknown as RequestEvent;
	try {
		const result = (await actions[name](event as never)) as { status?: number } | undefined;
		return { status: result?.status ?? 200, data: result };
	} catch (problem) {
		if (isHttpError(problem)) return { status: problem.status };
		throw problem;
	}
}

const passwordWorks = async (email: string) =>
	(await signInWithPassword({ db: handle.db, email, password: testPassword, address: '192.0.2.9' }))
		.ok;

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	manager = await makeUser(db, { role: 'manager', unitId: unit.id });
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	police = await makeUser(db, { role: 'professional', name: 'Pat Police', unitId: unit.id });
	const made = await makeMeeting(db, {
		unitId: unit.id,
		participants: [
			{ user: chair, role: 'chair' },
			{ user: police, role: 'professional' }
		]
	});
	meetingId = made.meeting.id;
	policeParticipant = made.participants.find((p) => p.userId === police.id)!.id;
	server = await startCollabServer(handle.db);
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

describe('disabling an account', () => {
	it('business support may not disable the manager, nor their own account (404)', async () => {
		expect((await act('disable', admin, manager.id)).status).toBe(404);
		expect(await passwordWorks(manager.email)).toBe(true);
		expect((await act('disable', admin, admin.id)).status).toBe(404);
		expect((await act('disable', admin, '')).status).toBe(400);
		expect(await passwordWorks(police.email)).toBe(true);
	});

	it('closes their live socket with 4401 at once, refuses their cookie and their password; enabled again, they sign in', async () => {
		const token = await signIn(handle.db, police.id);
		const chairToken = await signIn(handle.db, chair.id);
		const root = roots.contribution(policeParticipant);
		const watcher = pool.open({ url: server.url, meetingId, token: chairToken });
		const client = pool.open({ url: server.url, meetingId, token });
		await Promise.all([synced(watcher), synced(client)]);
		typeParagraph(client.doc, root, 'before disabling');
		await waitFor('the chair sees it', () =>
			textOf(watcher.doc, root).includes('before disabling')
		);

		expect((await act('disable', admin, police.id)).status).toBe(200);
		await waitFor('closed', () => client.closes.length > 0);
		expect(client.closes[0].code).toBe(4401);
		typeParagraph(client.doc, root, 'after disabling');
		expect(
			await upgradeStatus(server.url, meetingId, { cookie: `${SESSION_COOKIE}=${token}` })
		).toBe(401);
		expect((await validateSessionToken({ db: handle.db, token })).user).toBeNull();
		expect(await passwordWorks(police.email)).toBe(false);
		await new Promise((r) => setTimeout(r, 200));
		expect(textOf(watcher.doc, root)).not.toContain('after disabling');
		expect(watcher.closes).toEqual([]);

		const audited = await handle.db.select().from(auditLog).where(eq(auditLog.targetId, police.id));
		expect(audited.map((e) => e.action)).toContain('account-disabled');

		expect((await act('enable', admin, police.id)).status).toBe(200);
		expect(await passwordWorks(police.email)).toBe(true);
	});

	it('an unused set-up link stops working while the account is disabled', async () => {
		const made = await createPerson({
			db: handle.db,
			viewer: sessionOf(admin),
			person: {
				name: 'Nia Nurse',
				email: 'nia@health.example.test',
				role: 'professional',
				agencyId: null
			}
		});
		if (!made?.ok) throw new Error('not made');
		const token = made.inviteUrl.split('/').pop()!;
		expect((await lookUpAccountInvite({ db: handle.db, token })).ok).toBe(true);
		expect((await act('disable', chair, made.id)).status).toBe(200);
		const found = await lookUpAccountInvite({ db: handle.db, token });
		expect(found).toEqual({ ok: false, problem: expect.stringContaining('disabled') });
	});
});
