/**
 * Missing-from-home episodes (issue 25), through the route handlers on the real database: a
 * chair records a young person missing with 24 hours agreed before a conference; not found in
 * that time, the episode is listed "to escalate", first; a manager escalates it (who, when, to
 * what recorded); business support records them found, and once the 72 hours for the return
 * interview have passed it is overdue, until the interview is recorded and the episode closes.
 * Escalating before the agreed time runs out needs a reason. Another unit's chair, a parent and a
 * professional are answered 404 by every route, the child's reviewing officer from another unit
 * is let through; bad input is a 400 naming the field. Nothing names the child in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useSharedDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import { auditLog, children, type User } from '../../src/lib/server/db/schema';
import { POST as recordApi } from '../../src/routes/api/children/[childId]/missing-episodes/+server';
import { GET as listApi } from '../../src/routes/api/missing-episodes/+server';
import { POST as foundApi } from '../../src/routes/api/missing-episodes/[id]/found/+server';
import { POST as interviewApi } from '../../src/routes/api/missing-episodes/[id]/return-interview/+server';
import { POST as escalateApi } from '../../src/routes/api/missing-episodes/[id]/escalate/+server';
import { POST as planApi } from '../../src/routes/api/missing-episodes/[id]/plan/+server';
import { createTestDatabase, makeFamily, makeUnit, makeUser } from '../factories';
import { askRoute } from '../fixtures/ask-route';

let handle: DatabaseHandle;
let chair: User, admin: User, manager: User, parent: User, professional: User, otherChair: User;
let iro: User;
let childId: string, otherChildId: string;

type Answer = Record<string, unknown> & {
	id?: string;
	errors?: Record<string, string>;
	clocks?: Record<string, unknown>;
	episodes?: (Record<string, unknown> & { id: string; clocks: Record<string, unknown> })[];
};

const ask = (...args: Parameters<typeof askRoute>) => askRoute<Answer>(...args);

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();

const record = (user: User, body: unknown, child = childId) =>
	ask(recordApi, user, `/api/children/${child}/missing-episodes`, {
		params: { childId: child },
		body
	});
const step = (handler: unknown, name: string) => (user: User, id: string, body: unknown) =>
	ask(handler, user, `/api/missing-episodes/${id}/${name}`, { params: { id }, body });
const found = step(foundApi, 'found');
const interview = step(interviewApi, 'return-interview');
const escalate = step(escalateApi, 'escalate');
const plan = step(planApi, 'plan');
const list = (user: User, query = '?open=1') => ask(listApi, user, `/api/missing-episodes${query}`);

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	const otherUnit = await makeUnit(db, 'Another unit');
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	manager = await makeUser(db, { role: 'manager', unitId: unit.id });
	professional = await makeUser(db, { role: 'professional', unitId: unit.id });
	parent = await makeUser(db, { role: 'parent' });
	otherChair = await makeUser(db, { role: 'chair', unitId: otherUnit.id });
	// The child's reviewing officer is a chair the other unit holds now.
	iro = await makeUser(db, { role: 'chair', unitId: otherUnit.id });
	const { children: kids } = await makeFamily(db, {
		unitId: unit.id,
		children: ['Kayleigh Price'],
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
	childId = kids[0].id;
	await db.update(children).set({ iroId: iro.id }).where(eq(children.id, childId));
	const { children: theirs } = await makeFamily(db, { unitId: otherUnit.id, children: ['Sam'] });
	otherChildId = theirs[0].id;
});

afterAll(async () => {
	await handle?.close();
});

describe('an episode escalates on its clock', () => {
	let id: string;
	let waiting: string;

	it('a chair records the young person missing: 201 with the escalation clock', async () => {
		const recorded = await record(chair, {
			wentMissingAt: hoursAgo(200),
			reportedBy: 'Mum',
			agreedHours: 24,
			escalateTo: 'conference'
		});
		expect(recorded.status).toBe(201);
		id = recorded.body.id!;
		expect(recorded.body).toMatchObject({
			childId,
			reportedBy: 'Mum',
			agreedHours: 24,
			escalateTo: 'conference',
			foundAt: null,
			escalation: null,
			clocks: { toEscalate: true, returnInterviewDueAt: null, open: true }
		});
		// Another episode, just begun, with a month agreed: not due.
		const later = await record(manager, {
			wentMissingAt: hoursAgo(1),
			reportedBy: 'Foster carer',
			agreedHours: 720,
			escalateTo: 'strategy-discussion'
		});
		expect(later.status).toBe(201);
		expect(later.body.clocks).toMatchObject({ toEscalate: false });
		waiting = later.body.id!;
	});

	it('not found within the agreed time: listed to escalate, first, with what to', async () => {
		const { status, body } = await list(admin);
		expect(status).toBe(200);
		expect(body.episodes!.map((e) => e.id)).toEqual([id, waiting]);
		expect(body.episodes![0]).toMatchObject({
			childName: 'Kayleigh Price',
			escalateTo: 'conference',
			clocks: { toEscalate: true }
		});
		expect(body.episodes![1].clocks).toMatchObject({ toEscalate: false });
	});

	it('escalating before the agreed time runs out is refused without a reason', async () => {
		const early = await escalate(chair, waiting, { to: 'strategy-discussion' });
		expect(early.status).toBe(400);
		expect(Object.keys(early.body.errors!)).toEqual(['reason']);
		const withReason = await escalate(chair, waiting, {
			to: 'strategy-discussion',
			reason: 'Seen with adults who pose a risk to children'
		});
		expect(withReason.status).toBe(200);
		expect(withReason.body.escalation).toMatchObject({
			to: 'strategy-discussion',
			by: chair.id,
			reason: 'Seen with adults who pose a risk to children'
		});
	});

	it('a manager escalates the overdue episode: who, when and to what are recorded', async () => {
		const before = Date.now();
		const { status, body } = await escalate(manager, id, { to: 'conference' });
		expect(status).toBe(200);
		const escalation = body.escalation as { at: string; to: string; by: string; reason: null };
		expect(escalation).toMatchObject({ to: 'conference', by: manager.id, reason: null });
		expect(new Date(escalation.at).getTime()).toBeGreaterThanOrEqual(before - 1000);
		expect(body.clocks).toMatchObject({ toEscalate: false, open: true });
		// Once is enough: a second escalation is out of turn.
		expect((await escalate(chair, id, { to: 'conference' })).status).toBe(409);
		const listed = await list(chair);
		expect(listed.body.episodes!.every((e) => e.clocks.toEscalate === false)).toBe(true);
	});

	it('found: the return interview is due 72 hours later, and overdue after', async () => {
		const foundAt = hoursAgo(100);
		const { status, body } = await found(admin, id, { foundAt, where: 'A friend’s flat' });
		expect(status).toBe(200);
		expect(body.foundAt).toBe(foundAt);
		expect(body.foundWhere).toBe('A friend’s flat');
		expect(body.clocks).toMatchObject({
			returnInterviewDueAt: new Date(Date.parse(foundAt) + 72 * 3_600_000).toISOString(),
			returnInterviewOverdue: true,
			open: true
		});
		expect((await found(admin, id, { foundAt, where: 'Home' })).status).toBe(409);
		expect((await escalate(chair, id, { to: 'conference' })).status).toBe(409);
		const listed = await list(chair);
		const mine = listed.body.episodes!.find((e) => e.id === id)!;
		expect(mine.clocks).toMatchObject({ returnInterviewOverdue: true });
		// The overdue interview comes before the episode that is only waiting.
		expect(listed.body.episodes!.map((e) => e.id)).toEqual([id, waiting]);
	});

	it('the return interview is recorded, by whom, and the episode leaves the open list', async () => {
		const doneAt = hoursAgo(2);
		const { status, body } = await interview(chair, id, { doneAt, by: 'Sam Ellis, Barnardo’s' });
		expect(status).toBe(200);
		expect(body.returnInterview).toEqual({ at: doneAt, by: 'Sam Ellis, Barnardo’s' });
		expect(body.clocks).toMatchObject({ returnInterviewOverdue: false, open: false });
		expect((await interview(chair, id, { doneAt, by: 'Someone' })).status).toBe(409);
		expect((await list(chair)).body.episodes!.map((e) => e.id)).not.toContain(id);
		expect((await list(chair)).body.episodes!.map((e) => e.id)).toContain(waiting);
	});

	it('a return interview before the young person is found is out of turn', async () => {
		const early = await interview(chair, waiting, { doneAt: hoursAgo(0.5), by: 'Sam Ellis' });
		expect(early.status).toBe(409);
	});

	it('the meeting’s plan shortens the agreed time: the episode falls due at once', async () => {
		const recorded = await record(chair, {
			wentMissingAt: hoursAgo(10),
			reportedBy: 'Residential home',
			agreedHours: 48,
			escalateTo: 'strategy-discussion'
		});
		const planned = recorded.body.id!;
		expect(recorded.body.clocks).toMatchObject({ toEscalate: false });
		const changed = await plan(admin, planned, { agreedHours: 8, escalateTo: 'conference' });
		expect(changed.status).toBe(200);
		expect(changed.body).toMatchObject({
			agreedHours: 8,
			escalateTo: 'conference',
			clocks: { toEscalate: true }
		});
		const listed = await list(chair);
		expect(listed.body.episodes![0]).toMatchObject({ id: planned, clocks: { toEscalate: true } });
		expect((await plan(admin, planned, { agreedHours: 0, escalateTo: 'conference' })).status).toBe(
			400
		);
		expect((await escalate(chair, planned, { to: 'conference' })).status).toBe(200);
		// Escalated, the agreed time no longer runs.
		expect((await plan(admin, planned, { agreedHours: 72, escalateTo: 'conference' })).status).toBe(
			409
		);
		expect(
			(await plan(otherChair, planned, { agreedHours: 72, escalateTo: 'conference' })).status
		).toBe(404);
	});

	it('the child’s reviewing officer, of another unit now, works the child’s episodes', async () => {
		const recorded = await record(iro, {
			wentMissingAt: hoursAgo(3),
			reportedBy: 'School',
			agreedHours: 12,
			escalateTo: 'strategy-discussion'
		});
		expect(recorded.status).toBe(201);
		const back = await found(iro, recorded.body.id!, { foundAt: hoursAgo(1), where: 'Home' });
		expect(back.status).toBe(200);
	});

	it('the audit log has the steps, with ids only', async () => {
		const rows = await handle.db.select().from(auditLog);
		const actions = rows.map((r) => r.action);
		for (const action of [
			'record missing episode',
			'escalate missing episode',
			'record missing episode found',
			'record return interview',
			'read missing episodes',
			'set missing episode plan'
		])
			expect(actions).toContain(action);
		expect(JSON.stringify(rows)).not.toContain('Kayleigh');
		expect(JSON.stringify(rows)).not.toContain('friend');
	});
});

describe('nobody else', () => {
	let id: string;

	beforeAll(async () => {
		const recorded = await record(chair, {
			wentMissingAt: hoursAgo(50),
			reportedBy: 'Mum',
			agreedHours: 24,
			escalateTo: 'conference'
		});
		id = recorded.body.id!;
	});

	it('another unit’s chair, a parent and a professional are answered 404 by every route', async () => {
		for (const stranger of [otherChair, parent, professional]) {
			const body = {
				wentMissingAt: hoursAgo(5),
				reportedBy: 'Mum',
				agreedHours: 24,
				escalateTo: 'conference'
			};
			expect((await record(stranger, body)).status, stranger.role).toBe(404);
			expect((await escalate(stranger, id, { to: 'conference' })).status).toBe(404);
			expect((await found(stranger, id, { foundAt: hoursAgo(1), where: 'Home' })).status).toBe(404);
			expect((await interview(stranger, id, { doneAt: hoursAgo(1), by: 'X' })).status).toBe(404);
			expect((await plan(stranger, id, { agreedHours: 1, escalateTo: 'conference' })).status).toBe(
				404
			);
		}
		expect((await list(parent)).status).toBe(404);
		expect((await list(professional)).status).toBe(404);
		// Another unit's chair reads their own unit's list, which does not hold this episode.
		const theirs = await list(otherChair);
		expect(theirs.status).toBe(200);
		expect(theirs.body.episodes!.map((e) => e.id)).not.toContain(id);
		// A chair cannot record an episode for another unit's child.
		const other = await record(
			chair,
			{ wentMissingAt: hoursAgo(5), reportedBy: 'Mum', agreedHours: 24, escalateTo: 'conference' },
			otherChildId
		);
		expect(other.status).toBe(404);
		// The episode is as it was: not escalated.
		const mine = (await list(chair)).body.episodes!.find((e) => e.id === id)!;
		expect(mine.escalation).toBeNull();
	});

	it('bad input is a 400 naming the field, never a 500', async () => {
		const good = {
			wentMissingAt: hoursAgo(5),
			reportedBy: 'Mum',
			agreedHours: 24,
			escalateTo: 'conference'
		};
		const cases: [unknown, string][] = [
			[{}, 'wentMissingAt'],
			[{ ...good, wentMissingAt: '2026-02-30T10:00:00Z' }, 'wentMissingAt'],
			[{ ...good, wentMissingAt: new Date(Date.now() + 3_600_000).toISOString() }, 'wentMissingAt'],
			[{ ...good, reportedBy: '' }, 'reportedBy'],
			[{ ...good, agreedHours: -3 }, 'agreedHours'],
			[{ ...good, agreedHours: 'a day' }, 'agreedHours'],
			[{ ...good, escalateTo: 'police' }, 'escalateTo']
		];
		for (const [body, field] of cases) {
			const answer = await record(chair, body);
			expect(answer.status, field).toBe(400);
			expect(Object.keys(answer.body.errors!)).toEqual([field]);
		}
		const bad = await found(chair, id, { foundAt: hoursAgo(60), where: 'Home' });
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.body.errors!)).toEqual(['foundAt']);
		const noWhat = await escalate(chair, id, { to: 'the police' });
		expect(noWhat.status).toBe(400);
		expect(Object.keys(noWhat.body.errors!)).toEqual(['to']);
		expect((await list(chair, '')).status).toBe(400);
	});
});
