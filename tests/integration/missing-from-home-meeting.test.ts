/**
 * The missing from home meeting (issue 25, `missing-from-home`), through the route handlers on
 * the real database: Kayleigh has been missing 30 hours, with 72 agreed before a strategy
 * discussion. Business support schedules a missing from home meeting from the episode: Kayleigh
 * is its child, her mum is not invited (and cannot be), and the episode's list shows it. The
 * meeting decides 24 hours, then a child protection conference ("A recent Missing from Home
 * meeting confirmed the need for a Child Protection Conference in the event of the young person
 * not being found within agreed timescales"), recorded through the episode's own plan command
 * with the meeting's id: the episode is at once to escalate, to a conference, first on the list.
 * Another episode's meeting cannot be named; Mum gets 404; another unit cannot schedule from it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useSharedDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import {
	auditLog,
	familyMembers,
	meetingChildren,
	meetingParticipants,
	type User
} from '../../src/lib/server/db/schema';
import { POST as recordApi } from '../../src/routes/api/children/[childId]/missing-episodes/+server';
import { GET as listApi } from '../../src/routes/api/missing-episodes/+server';
import { POST as planApi } from '../../src/routes/api/missing-episodes/[id]/plan/+server';
import { POST as scheduleApi } from '../../src/routes/api/meetings/+server';
import { GET as meetingApi } from '../../src/routes/api/meetings/[id]/+server';
import { load as missingPage } from '../../src/routes/missing/+page.server';
import { load as childPage } from '../../src/routes/children/[childId]/+page.server';
import { GET as oversightApi } from '../../src/routes/api/oversight/+server';
import { calendarDateOf } from '../../src/lib/domain/calendar-date';
import { createTestDatabase, makeFamily, makeUnit, makeUser } from '../factories';
import { inviteThroughApi } from '../fixtures/invite-api';
import { askRoute } from '../fixtures/ask-route';

let handle: DatabaseHandle;
let chair: User, admin: User, mum: User, otherChair: User;
let kayleigh: string;

type Answer = Record<string, unknown> & {
	id?: string;
	errors?: Record<string, string>;
	episodes?: (Record<string, unknown> & { id: string; clocks: Record<string, unknown> })[];
};

const ask = (...args: Parameters<typeof askRoute>) => askRoute<Answer>(...args);

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const schedule = (user: User, body: Record<string, unknown>) =>
	ask(scheduleApi, user, '/api/meetings', {
		body: {
			kind: 'missing-from-home',
			chairId: chair.id,
			scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
			...body
		}
	});
const plan = (user: User, id: string, body: unknown) =>
	ask(planApi, user, `/api/missing-episodes/${id}/plan`, { params: { id }, body });
const record = async (child: string, wentMissingHoursAgo: number) => {
	const recorded = await ask(recordApi, chair, `/api/children/${child}/missing-episodes`, {
		params: { childId: child },
		body: {
			wentMissingAt: hoursAgo(wentMissingHoursAgo),
			reportedBy: 'Foster carer',
			agreedHours: 72,
			escalateTo: 'strategy-discussion'
		}
	});
	expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
	return recorded.body.id as string;
};

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	const otherUnit = await makeUnit(db, 'Another unit');
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	mum = await makeUser(db, { role: 'parent' });
	otherChair = await makeUser(db, { role: 'chair', unitId: otherUnit.id });
	const prices = await makeFamily(db, {
		unitId: unit.id,
		children: ['Kayleigh Price', 'Mo Price'],
		parents: [{ userId: mum.id, relationship: 'Mum' }]
	});
	await db
		.update(familyMembers)
		.set({ parentalResponsibility: true })
		.where(eq(familyMembers.userId, mum.id));
	kayleigh = prices.children[0].id;
});

afterAll(async () => {
	await handle?.close();
});

describe('a missing from home meeting', () => {
	let episodeId: string;
	let meetingId: string;

	it('is scheduled from the episode: its child, no family invited, listed with the episode', async () => {
		episodeId = await record(kayleigh, 30);
		const scheduled = await schedule(admin, { episodeId });
		expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
		meetingId = scheduled.body.id as string;
		const { db } = handle;
		const kids = await db
			.select({ childId: meetingChildren.childId })
			.from(meetingChildren)
			.where(eq(meetingChildren.meetingId, meetingId));
		expect(kids.map((k) => k.childId)).toEqual([kayleigh]);
		const people = await db
			.select({ role: meetingParticipants.role })
			.from(meetingParticipants)
			.where(eq(meetingParticipants.meetingId, meetingId));
		expect(people.map((p) => p.role)).toEqual(['chair']);
		const page = await ask(missingPage, chair, '/missing');
		expect(page.status).toBe(200);
		const listed = (page.body.meetings as Record<string, { id: string }[]>)[episodeId];
		expect(listed.map((m) => m.id)).toEqual([meetingId]);
	});

	it('needs an episode the scheduler may work: 400 naming episodeId', async () => {
		const none = await schedule(admin, {});
		expect(none.status).toBe(400);
		expect(none.body.errors?.episodeId).toMatch(/missing episode/);
		const theirs = await schedule(otherChair, { episodeId, chairId: otherChair.id });
		expect(theirs.status).toBe(400);
		expect(theirs.body.errors?.episodeId).toBeTruthy();
	});

	it('is for professionals: Mum cannot be invited and gets 404', async () => {
		const asMum = await inviteThroughApi(chair, meetingId, { userId: mum.id, role: 'parent' });
		expect(asMum.status).toBe(400);
		expect(asMum.body.errors?.role).toMatch(/professionals only/);
		const read = await ask(meetingApi, mum, `/api/meetings/${meetingId}`, {
			params: { id: meetingId }
		});
		expect(read.status).toBe(404);
	});

	it('its decision sets the agreed time, and the episode escalates on that clock', async () => {
		const before = await ask(listApi, chair, '/api/missing-episodes?open=1');
		const waiting = before.body.episodes!.find((e) => e.id === episodeId)!;
		expect(waiting.clocks.toEscalate).toBe(false);

		const decided = await plan(chair, episodeId, {
			meetingId,
			agreedHours: 24,
			escalateTo: 'conference'
		});
		expect(decided.status, JSON.stringify(decided.body)).toBe(200);
		expect(decided.body.agreedHours).toBe(24);
		expect(decided.body.escalateTo).toBe('conference');
		expect((decided.body.clocks as Record<string, unknown>).toEscalate).toBe(true);

		const after = await ask(listApi, chair, '/api/missing-episodes?open=1');
		expect(after.body.episodes![0].id).toBe(episodeId);
		expect(after.body.episodes![0].clocks.toEscalate).toBe(true);
		expect(after.body.episodes![0].escalateTo).toBe('conference');

		const [entry] = await handle.db
			.select({ detail: auditLog.detail })
			.from(auditLog)
			.where(and(eq(auditLog.action, 'set missing episode plan'), eq(auditLog.targetId, kayleigh)));
		expect(entry.detail).toMatchObject({ episodeId, meetingId, to: { agreedHours: 24 } });
	});

	it('names only one of the episode’s own meetings: 400 naming meetingId', async () => {
		const other = await record(kayleigh, 2);
		const wrong = await plan(chair, other, {
			meetingId,
			agreedHours: 12,
			escalateTo: 'conference'
		});
		expect(wrong.status).toBe(400);
		expect(wrong.body.errors?.meetingId).toMatch(/this episode’s/);
	});

	it('counts in the oversight figures: episodes begun and open, return interviews still to do', async () => {
		const today = calendarDateOf(new Date());
		const from = calendarDateOf(new Date(Date.now() - 7 * 86_400_000));
		const figures = await ask(oversightApi, chair, `/api/oversight?from=${from}&to=${today}`);
		expect(figures.status).toBe(200);
		expect(figures.body.missing).toEqual({
			wentMissing: 2,
			escalated: 0,
			openAtEnd: 2,
			found: 0,
			returnInterview: { within72Hours: 0, later: 0, notYet: 0 }
		});
	});

	it('the child’s page shows the episodes and their meetings to the unit, never to a parent', async () => {
		const params = { childId: kayleigh };
		const asChair = await ask(childPage, chair, `/children/${kayleigh}`, { params });
		expect(asChair.status).toBe(200);
		const episodes = asChair.body.missing as { id: string; meetings: { id: string }[] }[];
		expect(episodes.map((e) => e.id)).toContain(episodeId);
		expect(episodes.find((e) => e.id === episodeId)!.meetings.map((m) => m.id)).toEqual([
			meetingId
		]);
		const asMum = await ask(childPage, mum, `/children/${kayleigh}`, { params });
		expect(asMum.status).toBe(200);
		expect(asMum.body.missing).toBeNull();
		expect(JSON.stringify(asMum.body)).not.toContain(episodeId);
		expect(JSON.stringify(asMum.body)).not.toContain(meetingId);
	});
});
