/**
 * An allegation against an adult worked from referral to outcome (issue 25, the LADO's case),
 * through the route handlers on the real database: the referral, the threshold decision at the
 * initial consideration (late when made after the working day it was due by), the employer's
 * actions, the placed-elsewhere clock for a child placed here by another authority (raised with
 * that authority by email only when an address is recorded), and the outcome. A parent of the
 * child and the adult under allegation (who has an account as a professional) are answered 404 by
 * every allegation route, and the page's list holds nothing for them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useSharedDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import { auditLog, children, outbox, type User } from '../../src/lib/server/db/schema';
import { POST as referApi } from '../../src/routes/api/allegations/+server';
import { GET as readApi } from '../../src/routes/api/allegations/[id]/+server';
import { POST as considerationApi } from '../../src/routes/api/allegations/[id]/consideration/+server';
import { POST as employerApi } from '../../src/routes/api/allegations/[id]/employer-actions/+server';
import { POST as placingApi } from '../../src/routes/api/allegations/[id]/placing-authority/+server';
import { POST as raiseApi } from '../../src/routes/api/allegations/[id]/placing-authority/raise/+server';
import { POST as outcomeApi } from '../../src/routes/api/allegations/[id]/outcome/+server';
import { allegationList } from '../../src/lib/server/allegations/list';
import { createTestDatabase, makeFamily, makeUnit, makeUser, sessionOf } from '../factories';
import { askRoute } from '../fixtures/ask-route';

let handle: DatabaseHandle;
let chair: User, admin: User, parent: User, adult: User;
let tyler: string, mia: string;

const ask = askRoute;

type Answer = Record<string, unknown> & { errors?: Record<string, string> };
const step = (handler: unknown, path: string) => (user: User, id: string, body: unknown) =>
	ask<Answer>(handler, user, `/api/allegations/${id}/${path}`, { params: { id }, body });
const consider = step(considerationApi, 'consideration');
const employerAction = step(employerApi, 'employer-actions');
const placing = step(placingApi, 'placing-authority');
const raise = step(raiseApi, 'placing-authority/raise');
const conclude = step(outcomeApi, 'outcome');
const read = (user: User, id: string) =>
	ask<Answer>(readApi, user, `/api/allegations/${id}`, { params: { id } });

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	parent = await makeUser(db, { role: 'parent' });
	// The adult under allegation, who has an account as a professional of the unit.
	adult = await makeUser(db, { role: 'professional', unitId: unit.id, name: 'Alex Morgan' });
	const { children: kids } = await makeFamily(db, {
		unitId: unit.id,
		children: ['Tyler', 'Mia'],
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
	[tyler, mia] = kids.map((k) => k.id);
	// Tyler is in care, placed here by a London borough.
	await db
		.update(children)
		.set({ inCareSince: '2025-06-01', placedByAuthority: 'London Borough of Lambeth' })
		.where(eq(children.id, tyler));
});

afterAll(async () => {
	await handle?.close();
});

describe('an allegation from referral to outcome', () => {
	let id: string;

	it('is referred on Friday 27 November: the consideration is due on Monday 30th', async () => {
		const referred = await ask<{ id: string; considerationDueBy: string }>(
			referApi,
			chair,
			'/api/allegations',
			{
				body: {
					adult: {
						name: 'Alex Morgan',
						role: 'Residential support worker',
						employer: 'Oak House children’s home',
						sector: 'residential-care'
					},
					childIds: [tyler, mia],
					nature: 'physical',
					receivedAt: '2026-11-27T15:30:00Z',
					referrer: { name: 'Dana Head', agency: 'Oak House children’s home' }
				}
			}
		);
		expect(referred.status).toBe(201);
		expect(referred.body.considerationDueBy).toBe('2026-11-30');
		id = referred.body.id;
	});

	it('the threshold decision needs its reasons and a yes or no (400 naming each)', async () => {
		const noReasons = await consider(chair, id, { thresholdMet: true, reasons: '  ' });
		expect(noReasons.status).toBe(400);
		expect(Object.keys(noReasons.body.errors!)).toEqual(['reasons']);
		const noAnswer = await consider(chair, id, { thresholdMet: 'yes', reasons: 'Bruising seen' });
		expect(noAnswer.status).toBe(400);
		expect(Object.keys(noAnswer.body.errors!)).toEqual(['thresholdMet']);
		const badDay = await consider(chair, id, {
			thresholdMet: true,
			reasons: 'Bruising seen',
			decidedAt: '2026-11-26T10:00:00Z'
		});
		expect(badDay.status).toBe(400);
		expect(badDay.body.errors!.decidedAt).toMatch(/before the allegation was received/);
	});

	it('made on Tuesday 1 December, a day after it was due, it is recorded as late', async () => {
		const made = await consider(chair, id, {
			thresholdMet: true,
			reasons: 'A child has been harmed by an adult in a position of trust: the threshold is met.',
			decidedAt: '2026-12-01T09:00:00Z'
		});
		expect(made.status).toBe(200);
		expect(made.body).toMatchObject({ thresholdMet: true, late: true });
		const again = await consider(admin, id, { thresholdMet: false, reasons: 'Second thoughts' });
		expect(again.status).toBe(409);
		const { body } = await read(admin, id);
		expect(body.consideration).toMatchObject({
			thresholdMet: true,
			late: true,
			at: '2026-12-01T09:00:00.000Z'
		});
	});

	it('records the employer’s actions in order; a word outside the list is a 400', async () => {
		const unknown = await employerAction(admin, id, {
			action: 'sacked',
			on: '2026-11-28',
			note: 'x'
		});
		expect(unknown.status).toBe(400);
		expect(Object.keys(unknown.body.errors!)).toEqual(['action']);
		const early = await employerAction(admin, id, {
			action: 'suspension',
			on: '2026-11-26',
			note: 'Suspended'
		});
		expect(early.status).toBe(400);
		expect(Object.keys(early.body.errors!)).toEqual(['on']);
		const noNote = await employerAction(admin, id, { action: 'suspension', on: '2026-11-28' });
		expect(noNote.status).toBe(400);
		expect(Object.keys(noNote.body.errors!)).toEqual(['note']);
		for (const [action, on] of [
			['investigation', '2026-12-02'],
			['suspension', '2026-11-28']
		])
			expect(
				(
					await employerAction(admin, id, {
						action,
						on,
						note: `The home's manager told us: ${action}.`
					})
				).status
			).toBe(201);
		const { body } = await read(chair, id);
		expect((body.employerActions as { action: string }[]).map((a) => a.action)).toEqual([
			'suspension',
			'investigation'
		]);
	});

	it('a child placed by another authority and not seen is overdue, on the case and in the list', async () => {
		const { body } = await read(chair, id);
		const placed = (body.children as { id: string; placingAuthority?: Answer }[]).find(
			(c) => c.id === tyler
		)!;
		// Due to be seen by 30 November (three days after receipt); the list is asked as of 3 December.
		expect(placed.placingAuthority).toMatchObject({
			name: 'London Borough of Lambeth',
			seenOn: null,
			email: null,
			dueBy: '2026-11-30'
		});
		expect(
			(body.children as { id: string; placingAuthority?: unknown }[]).find((c) => c.id === mia)
				?.placingAuthority
		).toBeUndefined();
		const list = await allegationList({
			db: handle.db,
			user: sessionOf(chair),
			now: new Date('2026-12-03T12:00:00Z')
		});
		expect(list!.open[0]).toMatchObject({
			id,
			considerationOverdue: false,
			overdue: 1,
			unseenPlacedChildren: [{ id: tyler, authority: 'London Borough of Lambeth' }]
		});
	});

	it('is not raised by email while no address is recorded: it says so, and guesses none', async () => {
		const before = await handle.db.select().from(outbox);
		const refused = await raise(chair, id, { childId: tyler });
		expect(refused.status).toBe(409);
		expect(refused.body.message).toMatch(/No email address is recorded/);
		const notPlaced = await raise(chair, id, { childId: mia });
		expect(notPlaced.status).toBe(400);
		expect((await handle.db.select().from(outbox)).length).toBe(before.length);
	});

	it('with the address recorded, raising it queues one email to that address, naming no adult', async () => {
		const bad = await placing(chair, id, { childId: tyler, email: 'not an address' });
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.body.errors!)).toEqual(['email']);
		const saved = await placing(chair, id, { childId: tyler, email: 'LADO@lambeth.example' });
		expect(saved.status).toBe(200);
		expect(saved.body).toMatchObject({ email: 'lado@lambeth.example', seenOn: null });
		const raised = await raise(chair, id, { childId: tyler });
		expect(raised.status).toBe(200);
		expect(raised.body.to).toBe('lado@lambeth.example');
		const mail = await handle.db
			.select()
			.from(outbox)
			.where(eq(outbox.purpose, 'placing-authority-alert'));
		expect(mail).toHaveLength(1);
		expect(mail[0].recipientEmail).toBe('lado@lambeth.example');
		expect(mail[0].textBody).toContain('Tyler');
		expect(mail[0].textBody).not.toMatch(/Alex|Morgan|physical|Oak House/);
	});

	it('the seen day stops the clock; it cannot be before receipt, and stands once recorded', async () => {
		const early = await placing(chair, id, { childId: tyler, seenOn: '2026-11-26' });
		expect(early.status).toBe(400);
		expect(Object.keys(early.body.errors!)).toEqual(['seenOn']);
		const seen = await placing(chair, id, { childId: tyler, seenOn: '2026-12-02' });
		expect(seen.status).toBe(200);
		const again = await placing(chair, id, { childId: tyler, seenOn: '2026-12-03' });
		expect(again.status).toBe(409);
		const list = await allegationList({
			db: handle.db,
			user: sessionOf(chair),
			now: new Date('2026-12-03T12:00:00Z')
		});
		expect(list!.open[0]).toMatchObject({ id, overdue: 0, unseenPlacedChildren: [] });
		expect((await raise(chair, id, { childId: tyler })).status).toBe(409);
	});

	it('a parent of the children and the adult under allegation: 404 on every allegation route', async () => {
		for (const outsider of [parent, adult]) {
			const who = outsider.role;
			expect((await read(outsider, id)).status, who).toBe(404);
			expect(
				(await consider(outsider, id, { thresholdMet: false, reasons: 'No' })).status,
				who
			).toBe(404);
			expect(
				(
					await employerAction(outsider, id, {
						action: 'no-further-action',
						on: '2026-12-02',
						note: 'x'
					})
				).status,
				who
			).toBe(404);
			expect(
				(await placing(outsider, id, { childId: tyler, email: 'me@example.org' })).status,
				who
			).toBe(404);
			expect((await raise(outsider, id, { childId: tyler })).status, who).toBe(404);
			expect(
				(await conclude(outsider, id, { outcome: 'malicious', reason: 'Lies' })).status,
				who
			).toBe(404);
			expect(await allegationList({ db: handle.db, user: sessionOf(outsider) }), who).toBeNull();
		}
	});

	it('the outcome concludes it: it leaves the open list, with the whole story on the case', async () => {
		const concluded = await conclude(chair, id, {
			outcome: 'substantiated',
			reason: 'The employer’s investigation found the child was pushed; the worker was dismissed.'
		});
		expect(concluded.status).toBe(200);
		const list = await allegationList({ db: handle.db, user: sessionOf(admin) });
		expect(list!.open.map((row) => row.id)).not.toContain(id);
		expect(list!.concluded[0]).toMatchObject({ id, outcome: 'substantiated' });
		const { body } = await read(admin, id);
		expect(body.outcome).toMatchObject({ outcome: 'substantiated' });
		expect(body.consideration).toMatchObject({ thresholdMet: true });
		expect(body.employerActions).toHaveLength(2);
	});

	it('every step is audited with ids and words from the lists, never a name or an address', async () => {
		const entries = await handle.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.targetType, 'allegation'), eq(auditLog.targetId, id)));
		const actions = new Set(entries.map((e) => e.action));
		for (const action of [
			'refer',
			'consideration',
			'employer-action',
			'placing-authority',
			'raise-placing-authority',
			'outcome'
		])
			expect(actions, action).toContain(action);
		expect(JSON.stringify(entries)).not.toMatch(/Alex|Morgan|Dana|Tyler|Mia|lambeth/i);
	});
});
