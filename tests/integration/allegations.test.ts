/**
 * Allegations against adults who work with children (issue 25, the LADO's cases), through the
 * route handlers on the real database: a chair refers one about two children (the record's facts
 * — in care, placed by another authority, disabled — kept with it), business support reads it, a
 * manager records the outcome, and the oversight figures count it. A parent of the child, a
 * professional (the adult under allegation has an account as one) and another unit's chair are
 * answered 404 by every route; bad input is a 400 naming each field; every read and change is in
 * the audit log, with no name in it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useSharedDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import { auditLog, children, type User } from '../../src/lib/server/db/schema';
import { POST as referApi } from '../../src/routes/api/allegations/+server';
import { GET as readApi } from '../../src/routes/api/allegations/[id]/+server';
import { POST as outcomeApi } from '../../src/routes/api/allegations/[id]/outcome/+server';
import { GET as oversightApi } from '../../src/routes/api/oversight/+server';
import { calendarDateOf } from '../../src/lib/domain/calendar-date';
import { createTestDatabase, makeFamily, makeUnit, makeUser } from '../factories';
import { askRoute } from '../fixtures/ask-route';

let handle: DatabaseHandle;
let chair: User, admin: User, manager: User, parent: User, adult: User, otherChair: User;
let lado: User, otherLado: User;
let childIds: string[];
let otherUnitChildId: string;

const ask = askRoute;

const referral = () => ({
	adult: {
		name: 'Alex Morgan',
		role: 'Teaching assistant',
		employer: 'Hill Top Primary School',
		sector: 'education'
	},
	childIds,
	nature: 'physical',
	// Friday 4 December 2026: the consideration is due on Monday 7 December.
	receivedAt: '2026-12-04T15:30:00Z',
	referrer: { name: 'Dana Head', agency: 'Hill Top Primary School' }
});

const refer = (user: User, body: unknown = referral()) =>
	ask<{ id?: string; considerationDueBy?: string; errors?: Record<string, string> }>(
		referApi,
		user,
		'/api/allegations',
		{ body }
	);
const read = (user: User, id: string) =>
	ask<Record<string, unknown>>(readApi, user, `/api/allegations/${id}`, { params: { id } });
const conclude = (user: User, id: string, body: unknown) =>
	ask<Record<string, unknown>>(outcomeApi, user, `/api/allegations/${id}/outcome`, {
		params: { id },
		body
	});

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	const otherUnit = await makeUnit(db, 'Another unit');
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	manager = await makeUser(db, { role: 'manager', unitId: unit.id });
	parent = await makeUser(db, { role: 'parent' });
	// The adult under allegation, who has an account as a professional of the unit.
	adult = await makeUser(db, { role: 'professional', unitId: unit.id, name: 'Alex Morgan' });
	otherChair = await makeUser(db, { role: 'chair', unitId: otherUnit.id });
	lado = await makeUser(db, { role: 'lado', unitId: unit.id });
	otherLado = await makeUser(db, { role: 'lado', unitId: otherUnit.id });
	const { children: kids } = await makeFamily(db, {
		unitId: unit.id,
		children: ['Tyler', 'Mia'],
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
	// Tyler is in care, placed here by a London borough, and disabled; Mia is none of these.
	await db
		.update(children)
		.set({
			inCareSince: '2025-06-01',
			placedByAuthority: 'London Borough of Lambeth',
			disability: 'Autism'
		})
		.where(eq(children.id, kids[0].id));
	childIds = kids.map((k) => k.id);
	const { children: theirs } = await makeFamily(db, { unitId: otherUnit.id, children: ['Sam'] });
	otherUnitChildId = theirs[0].id;
});

afterAll(async () => {
	await handle?.close();
});

describe('an allegation from referral to outcome', () => {
	let id: string;

	it('a chair refers it: 201 with the consideration due one working day later', async () => {
		const referred = await refer(chair);
		expect(referred.status).toBe(201);
		expect(referred.body.considerationDueBy).toBe('2026-12-07');
		id = referred.body.id!;
		expect(id).toBeTruthy();
	});

	it('business support reads it, with each child’s facts from their record', async () => {
		const { status, body } = await read(admin, id);
		expect(status).toBe(200);
		expect(body).toMatchObject({
			id,
			adult: {
				name: 'Alex Morgan',
				role: 'Teaching assistant',
				employer: 'Hill Top Primary School',
				sector: 'education'
			},
			nature: 'physical',
			receivedAt: '2026-12-04T15:30:00.000Z',
			referrer: { name: 'Dana Head', agency: 'Hill Top Primary School' },
			considerationDueBy: '2026-12-07',
			consideration: null,
			outcome: null
		});
		expect(body.children).toEqual([
			{
				id: childIds[1],
				name: 'Mia',
				inCare: false,
				placedByOtherAuthority: false,
				disabled: false
			},
			{
				id: childIds[0],
				name: 'Tyler',
				inCare: true,
				placedByOtherAuthority: true,
				disabled: true,
				// The placed-elsewhere clock: to be seen by the placing authority within three days.
				placingAuthority: {
					name: 'London Borough of Lambeth',
					email: null,
					seenOn: null,
					dueBy: '2026-12-07',
					overdue: expect.any(Boolean),
					raisedAt: null
				}
			}
		]);
	});

	it('a parent of the child, the adult (a professional) and another unit’s chair: 404 everywhere', async () => {
		for (const outsider of [parent, adult, otherChair]) {
			// Another unit's chair refers for their own unit: these children are not on its list.
			expect((await refer(outsider)).status, outsider.role).toBe(
				outsider === otherChair ? 400 : 404
			);
			expect((await read(outsider, id)).status, outsider.role).toBe(404);
			const tried = await conclude(outsider, id, { outcome: 'false', reason: 'Made up' });
			expect(tried.status, outsider.role).toBe(404);
			expect(
				(await ask(oversightApi, outsider, '/api/oversight?from=2026-01-01&to=2026-12-31')).status,
				outsider.role
			).toBe(outsider === otherChair ? 200 : 404);
		}
		// Nothing changed: still no outcome.
		expect((await read(chair, id)).body.outcome).toBeNull();
	});

	it('another unit’s chair sees none of it in their own unit’s figures', async () => {
		const theirs = await ask<{ allegations: { byMonth: { count: number }[] } }>(
			oversightApi,
			otherChair,
			'/api/oversight?from=2026-01-01&to=2026-12-31'
		);
		expect(theirs.body.allegations.byMonth.reduce((n, m) => n + m.count, 0)).toBe(0);
	});

	it('bad outcomes are 400 naming the field; "unfounded" is only for cases before April 2013', async () => {
		const noOutcome = await conclude(manager, id, { outcome: 'proven', reason: 'x' });
		expect(noOutcome.status).toBe(400);
		expect(Object.keys(noOutcome.body.errors as object)).toEqual(['outcome']);
		const noReason = await conclude(manager, id, { outcome: 'unsubstantiated', reason: ' ' });
		expect(noReason.status).toBe(400);
		expect(Object.keys(noReason.body.errors as object)).toEqual(['reason']);
		const unfounded = await conclude(manager, id, { outcome: 'unfounded', reason: 'Old word' });
		expect(unfounded.status).toBe(400);
		expect((unfounded.body.errors as Record<string, string>).outcome).toMatch(/before April 2013/);
		expect((await read(chair, id)).body.outcome).toBeNull();
	});

	it('a manager records the outcome with its reason; a second is refused (409)', async () => {
		const concluded = await conclude(manager, id, {
			outcome: 'unsubstantiated',
			reason: 'The strategy meeting found not enough evidence to prove or disprove it.'
		});
		expect(concluded.status).toBe(200);
		expect(concluded.body.outcome).toBe('unsubstantiated');
		const again = await conclude(chair, id, { outcome: 'malicious', reason: 'Changed mind' });
		expect(again.status).toBe(409);
		const { body } = await read(chair, id);
		expect(body.outcome).toMatchObject({
			outcome: 'unsubstantiated',
			reason: 'The strategy meeting found not enough evidence to prove or disprove it.'
		});
	});

	it('the oversight figures count it: its month, sector and outcome, resolved within a month', async () => {
		const today = calendarDateOf(new Date());
		const { status, body } = await ask<{
			allegations: {
				byMonth: { month: string; count: number }[];
				bySector: { sector: string; count: number }[];
				byOutcome: { outcome: string; count: number }[];
				resolved: number;
				resolvedWithin: { oneMonth: number; threeMonths: number; twelveMonths: number };
			};
		}>(oversightApi, chair, `/api/oversight?from=2026-12-01&to=${today}`);
		expect(status).toBe(200);
		const figures = body.allegations;
		expect(figures.byMonth.find((m) => m.month === '2026-12')?.count).toBe(1);
		expect(figures.bySector.find((s) => s.sector === 'education')?.count).toBe(1);
		expect(figures.byOutcome.find((o) => o.outcome === 'unsubstantiated')?.count).toBe(1);
		expect(figures.resolved).toBe(1);
		// Concluded today: within a month of 4 December only while today is on or before 4 January.
		const withinMonth = today <= '2027-01-04' ? 1 : 0;
		expect(figures.resolvedWithin.oneMonth).toBe(withinMonth);
		expect(figures.resolvedWithin.twelveMonths).toBe(today <= '2027-12-04' ? 1 : 0);
	});

	it('the unit’s designated officer (LADO) reads it and refers one; another unit’s gets 404', async () => {
		expect((await read(lado, id)).status).toBe(200);
		const theirs = await refer(lado);
		expect(theirs.status).toBe(201);
		expect((await read(chair, theirs.body.id!)).status).toBe(200);
		expect((await read(otherLado, id)).status).toBe(404);
		expect((await read(otherLado, theirs.body.id!)).status).toBe(404);
		expect((await conclude(otherLado, id, { outcome: 'false', reason: 'x' })).status).toBe(404);
	});

	it('every read and change is audited, with ids and no names', async () => {
		const entries = await handle.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.targetType, 'allegation'), eq(auditLog.targetId, id)));
		const actions = entries.map((e) => `${e.action}:${e.userId}`);
		expect(actions).toContain(`refer:${chair.id}`);
		expect(actions).toContain(`read:${admin.id}`);
		expect(actions).toContain(`outcome:${manager.id}`);
		expect(JSON.stringify(entries)).not.toMatch(/Alex|Morgan|Dana|Tyler|Mia/);
	});
});

describe('a referral with bad input', () => {
	it('answers 400 naming each field to fix', async () => {
		const { status, body } = await refer(chair, {
			adult: { name: '', role: 'Coach', employer: 'Club', sector: 'space' },
			childIds: [],
			nature: 'shouting',
			receivedAt: '2026-02-30T10:00:00Z',
			referrer: { name: 'Pat' }
		});
		expect(status).toBe(400);
		expect(Object.keys(body.errors!).sort()).toEqual(
			['adult.name', 'adult.sector', 'childIds', 'nature', 'receivedAt', 'referrer.agency'].sort()
		);
	});

	it('refuses a received date in the future and a body that is not an object', async () => {
		const future = await refer(chair, { ...referral(), receivedAt: '2099-01-01T10:00:00Z' });
		expect(future.status).toBe(400);
		expect(Object.keys(future.body.errors!)).toEqual(['receivedAt']);
		expect((await refer(chair, [1, 2])).status).toBe(400);
	});

	it('refuses another unit’s child (400 naming childIds), and records nothing', async () => {
		const before = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'refer'));
		const { status, body } = await refer(chair, {
			...referral(),
			childIds: [childIds[0], otherUnitChildId]
		});
		expect(status).toBe(400);
		expect(Object.keys(body.errors!)).toEqual(['childIds']);
		const after = await handle.db.select().from(auditLog).where(eq(auditLog.action, 'refer'));
		expect(after.length).toBe(before.length);
	});

	it('a case that does not exist is 404, as one of another unit is', async () => {
		const missing = '00000000-0000-4000-8000-00000000dead';
		expect((await read(chair, missing)).status).toBe(404);
		expect((await conclude(chair, missing, { outcome: 'false', reason: 'x' })).status).toBe(404);
	});
});
