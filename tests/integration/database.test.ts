import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { meetings, sessions, users } from '../../src/lib/server/db/schema';
import {
	createSession,
	generateSessionToken,
	invalidateSession,
	sessionIdFromToken,
	SESSION_LIFETIME_MS,
	validateSessionToken
} from '../../src/lib/server/auth/session';
import { meetingForViewer, visibleMeetings } from '../../src/lib/server/meetings/queries';
import { seedDemo, demoIds } from '../../server/seed/demo';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	sessionOf
} from '../factories';

let handle: DatabaseHandle;
beforeAll(async () => {
	handle = await createTestDatabase();
});
afterAll(async () => {
	await handle?.close();
});

describe(`database (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
	it('applies the migrations to an empty database', async () => {
		const rows = await handle.db.execute<{ table_name: string }>(
			sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`
		);
		const names = (
			Array.isArray(rows) ? rows : (rows as { rows: { table_name: string }[] }).rows
		).map((r) => r.table_name);
		for (const table of [
			'users',
			'sessions',
			'agencies',
			'children',
			'families',
			'meetings',
			'meeting_participants',
			'audit_log'
		]) {
			expect(names).toContain(table);
		}
	});

	it('round-trips users, sessions and meetings', async () => {
		const { db } = handle;
		const unit = await makeUnit(db);
		const chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Round Trip' });
		const [stored] = await db.select().from(users).where(eq(users.id, chair.id));
		expect(stored.name).toBe('Round Trip');
		expect(stored.passwordHash.startsWith('$argon2id$')).toBe(true);

		const token = generateSessionToken();
		await createSession({ db, token, userId: chair.id });
		const [session] = await db.select().from(sessions).where(eq(sessions.userId, chair.id));
		expect(session.id).toBe(sessionIdFromToken(token));

		const when = new Date('2026-12-18T10:00:00Z');
		const { meeting } = await makeMeeting(db, {
			unitId: unit.id,
			status: 'scheduled',
			scheduledAt: when,
			participants: [{ user: chair, role: 'chair' }]
		});
		const [loaded] = await db.select().from(meetings).where(eq(meetings.id, meeting.id));
		expect(loaded.scheduledAt.toISOString()).toBe(when.toISOString());
		expect(loaded.status).toBe('scheduled');
	});

	it('validates a session, slides it forward when half used, and ends it', async () => {
		const { db } = handle;
		const user = await makeUser(db, { role: 'professional' });
		const token = generateSessionToken();
		const start = new Date('2026-11-01T09:00:00Z');
		await createSession({ db, token, userId: user.id, now: start });

		const fresh = await validateSessionToken({
			db,
			token,
			now: new Date(start.getTime() + 60_000)
		});
		expect(fresh.user?.id).toBe(user.id);
		expect(fresh.renewed).toBe(false);

		const later = new Date(start.getTime() + 20 * 86_400_000);
		const renewed = await validateSessionToken({ db, token, now: later });
		expect(renewed.renewed).toBe(true);
		expect(renewed.session?.expiresAt.getTime()).toBe(later.getTime() + SESSION_LIFETIME_MS);

		const wrong = await validateSessionToken({ db, token: generateSessionToken(), now: later });
		expect(wrong.user).toBeNull();

		await invalidateSession({ db, sessionId: sessionIdFromToken(token) });
		expect((await validateSessionToken({ db, token, now: later })).user).toBeNull();
	});

	it('refuses and deletes an expired session', async () => {
		const { db } = handle;
		const user = await makeUser(db, { role: 'parent' });
		const token = generateSessionToken();
		const start = new Date('2026-01-01T00:00:00Z');
		await createSession({ db, token, userId: user.id, now: start });
		const result = await validateSessionToken({
			db,
			token,
			now: new Date(start.getTime() + SESSION_LIFETIME_MS + 1)
		});
		expect(result.user).toBeNull();
		expect(
			await db
				.select()
				.from(sessions)
				.where(eq(sessions.id, sessionIdFromToken(token)))
		).toHaveLength(0);
	});

	it("shows a parent only their own family's meetings", async () => {
		const { db } = handle;
		const unit = await makeUnit(db);
		const chair = await makeUser(db, { role: 'chair', unitId: unit.id });
		const mum = await makeUser(db, { role: 'parent', name: 'Mum' });
		const otherParent = await makeUser(db, { role: 'parent', name: 'Other parent' });
		const police = await makeUser(db, { role: 'professional' });
		const ours = await makeFamily(db, {
			unitId: unit.id,
			children: ['Chrissie'],
			parents: [{ userId: mum.id, relationship: 'Mum' }]
		});
		const theirs = await makeFamily(db, {
			unitId: unit.id,
			children: ['Mia'],
			parents: [{ userId: otherParent.id, relationship: 'Dad' }]
		});
		const conference = await makeMeeting(db, {
			unitId: unit.id,
			childIds: [ours.children[0].id],
			participants: [
				{ user: chair, role: 'chair' },
				{ user: mum, role: 'parent' },
				{ user: police, role: 'professional' }
			]
		});
		const coreGroup = await makeMeeting(db, {
			unitId: unit.id,
			kind: 'core-group',
			childIds: [theirs.children[0].id],
			participants: [
				{ user: chair, role: 'chair' },
				{ user: otherParent, role: 'parent' }
			]
		});

		const mumSees = await visibleMeetings({ db, user: sessionOf(mum) });
		expect(mumSees.map((m) => m.id)).toEqual([conference.meeting.id]);
		expect(mumSees[0].children.map((c) => c.name)).toEqual(['Chrissie']);

		const otherSees = await visibleMeetings({ db, user: sessionOf(otherParent) });
		expect(otherSees.map((m) => m.id)).toEqual([coreGroup.meeting.id]);
		expect(
			await meetingForViewer({
				db,
				user: sessionOf(otherParent),
				meetingId: conference.meeting.id
			})
		).toBeNull();

		const policeSees = await visibleMeetings({ db, user: sessionOf(police) });
		expect(policeSees.map((m) => m.id)).toEqual([conference.meeting.id]);

		const chairSees = await visibleMeetings({ db, user: sessionOf(chair) });
		expect(chairSees.map((m) => m.id).sort()).toEqual(
			[conference.meeting.id, coreGroup.meeting.id].sort()
		);
	});

	it('loads the demo data twice without duplicating anything', async () => {
		const { db } = handle;
		const first = await seedDemo({ db });
		const second = await seedDemo({ db });
		expect(first.created).toBe(true);
		expect(second.created).toBe(false);
		const demoUsers = await db
			.select()
			.from(users)
			.where(sql`${users.email} like '%@demo.test'`);
		expect(demoUsers).toHaveLength(11); // nine staff and parents, the designated officer (LADO), and Tyler's own account (issue 27)
		const [icpc] = await db.select().from(meetings).where(eq(meetings.id, demoIds.icpc));
		expect(icpc.kind).toBe('initial-conference');
		const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
			new Date()
		);
		expect(
			new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(icpc.scheduledAt)
		).toBe(today);
	});
});
