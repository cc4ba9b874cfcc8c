/**
 * Regulation 33 visits (issue 25), through the route handlers on the real database: a home with
 * no visit last month is overdue on `/homes`; a visit recorded through `POST /api/meetings`
 * (`kind: 'reg33-visit'`) clears it; the findings are recorded and the report, made only from the
 * record, is mailed through the outbox to the registered manager and recorded for Ofsted. Another
 * unit's chair and a parent are answered 404; a bad URN and empty findings are 400s naming the
 * field; the oversight figures count the visit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useSharedDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import { outbox, reg33Visits, type User } from '../../src/lib/server/db/schema';
import { outboxForViewer } from '../../src/lib/server/mail/outbox-view';
import { GET as meetingsList, POST as meetingsApi } from '../../src/routes/api/meetings/+server';
import { GET as oversightApi } from '../../src/routes/api/oversight/+server';
import * as homesPage from '../../src/routes/homes/+page.server';
import * as homePage from '../../src/routes/homes/[id]/+page.server';
import { recordHome } from '../../src/lib/server/homes/commands/record-home';
import { addMonths, todayIn } from '../../src/lib/domain/calendar-date';
import { monthOf } from '../../src/lib/domain/reg33';
import { createTestDatabase, makeFamily, makeUnit, makeUser, sessionOf } from '../factories';
import { askRoute } from '../fixtures/ask-route';

let handle: DatabaseHandle;
let chair: User, admin: User, manager: User, parent: User, otherChair: User;
let homeId: string;
const today = todayIn();

const ask = askRoute;

type HomesList = { homes: { id: string; name: string; cadence: { state: string } }[] };
const stateOf = async (user: User) => {
	const list = await ask<HomesList>(homesPage.load, user, '/homes');
	return list.body.homes.find((h) => h.id === homeId)?.cadence.state;
};

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	const otherUnit = await makeUnit(db, 'Northfield');
	chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Rita Reviewing' });
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	manager = await makeUser(db, { role: 'manager', unitId: unit.id });
	parent = await makeUser(db, { role: 'parent' });
	otherChair = await makeUser(db, { role: 'chair', unitId: otherUnit.id });
	await makeFamily(db, {
		unitId: unit.id,
		children: ['Tyler Hughes'],
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
	// Recorded two months ago: last month is counted, and had no visit.
	const home = await recordHome({
		db,
		user: sessionOf(admin),
		input: {
			name: 'Inglefield',
			managerName: 'Pat Jones',
			managerEmail: 'pat.jones@inglefield.example',
			ofstedUrn: 'SC041522'
		},
		now: new Date(`${addMonths(today, -2)}T12:00:00Z`)
	});
	homeId = home!.id;
});

afterAll(async () => {
	useSharedDatabase(null);
	await handle.close();
});

describe('Regulation 33 visits', () => {
	it('shows a home with no visit last month as overdue, and a visit recorded clears it', async () => {
		expect(await stateOf(manager)).toBe('overdue');
		const recorded = await ask<{ id: string; kind: string; visitedOn: string }>(
			meetingsApi,
			chair,
			'/api/meetings',
			{ body: { kind: 'reg33-visit', homeId, visitedOn: today, visitorId: chair.id } }
		);
		expect(recorded.status).toBe(201);
		expect(recorded.body).toMatchObject({ kind: 'reg33-visit', visitedOn: today });
		expect(await stateOf(admin)).toBe('visited');
		// It is a visit of its own: on no list of meetings, and nothing mailed to the home.
		const meetings = await ask<{ id: string }[]>(meetingsList, chair, '/api/meetings');
		expect(meetings.body.map((m) => m.id)).not.toContain(recorded.body.id);
		expect(await handle.db.select().from(outbox)).toEqual([]);
	});

	it('mails the report, made only from the record, to the registered manager', async () => {
		const [visit] = await handle.db
			.select()
			.from(reg33Visits)
			.where(eq(reg33Visits.homeId, homeId));
		const page = `/homes/${homeId}`;
		const params = { id: homeId };
		const empty = await ask<{ errors: Record<string, string> }>(
			homePage.actions.findings,
			chair,
			`${page}?/findings`,
			{
				params,
				form: { visitId: visit.id, staffCount: '1', staffRoles: 'Deputy', youngPeopleCount: '2' }
			}
		);
		expect(empty.status).toBe(400);
		expect(empty.body.errors).toHaveProperty('findings');
		const saved = await ask(homePage.actions.findings, chair, `${page}?/findings`, {
			params,
			form: {
				visitId: visit.id,
				staffCount: '2',
				staffRoles: 'deputy manager, residential worker',
				youngPeopleCount: '3',
				findings: 'The log of incidents was up to date; bedrooms were personalised.',
				recommendations: 'Repair the fire door on the landing.'
			}
		});
		expect(saved.status).toBe(200);
		const sent = await ask(homePage.actions.report, admin, `${page}?/report`, {
			params,
			form: { visitId: visit.id }
		});
		expect(sent.status).toBe(200);
		const mails = await handle.db.select().from(outbox);
		expect(mails).toHaveLength(1);
		expect(mails[0].recipientEmail).toBe('pat.jones@inglefield.example');
		expect(mails[0].purpose).toBe('reg33-report');
		// On the unit's outbox page (outbox.unit_id), not on another unit's.
		const outboxOf = async (user: User) =>
			(await outboxForViewer({ db: handle.db, viewer: user }))?.map((message) => message.id);
		expect(await outboxOf(admin)).toContain(mails[0].id);
		expect(await outboxOf(otherChair)).not.toContain(mails[0].id);
		const [y, m, d] = today.split('-').map(Number);
		const on = new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', {
			weekday: 'long',
			day: 'numeric',
			month: 'long',
			year: 'numeric',
			timeZone: 'UTC'
		});
		expect(mails[0].subject).toBe(`Regulation 33 visit to Inglefield on ${on.replace(',', '')}`);
		// Every line is a heading or a fact from the record: nothing default, no child named.
		expect(mails[0].textBody).toBe(
			[
				'To Pat Jones, registered manager of Inglefield (Ofsted URN SC041522),',
				'',
				`Report of the independent visit made on ${on.replace(',', '')} by Rita Reviewing.`,
				'',
				'Who was spoken to',
				'Staff: 2 members of staff (deputy manager, residential worker).',
				'Young people: 3 young people.',
				'',
				'Findings',
				'The log of incidents was up to date; bedrooms were personalised.',
				'',
				'Recommendations',
				'Repair the fire door on the landing.'
			].join('\n')
		);
		const ofsted = await ask(homePage.actions.ofsted, manager, `${page}?/ofsted`, {
			params,
			form: { visitId: visit.id }
		});
		expect(ofsted.status).toBe(200);
		const [after] = await handle.db.select().from(reg33Visits).where(eq(reg33Visits.id, visit.id));
		expect(after.recordedForOfstedBy).toBe(manager.id);
		expect(after.reportSentBy).toBe(admin.id);
	});

	it('answers another unit’s chair and a parent 404', async () => {
		const page = `/homes/${homeId}`;
		expect((await ask(homePage.load, otherChair, page, { params: { id: homeId } })).status).toBe(
			404
		);
		expect((await ask(homePage.load, parent, page, { params: { id: homeId } })).status).toBe(404);
		expect((await ask(homesPage.load, parent, '/homes')).status).toBe(404);
		const body = { kind: 'reg33-visit', homeId, visitedOn: today, visitorName: 'Sam Visitor' };
		expect((await ask(meetingsApi, parent, '/api/meetings', { body })).status).toBe(404);
		// Another unit's chair cannot record a visit to this unit's home: it is not theirs.
		const away = await ask<{ errors: Record<string, string> }>(
			meetingsApi,
			otherChair,
			'/api/meetings',
			{ body }
		);
		expect(away.status).toBe(400);
		expect(away.body.errors).toHaveProperty('homeId');
		const visits = await ask<{ visits: unknown[] }>(homePage.load, chair, page, {
			params: { id: homeId }
		});
		expect(visits.body.visits).toHaveLength(1);
	});

	it('answers bad input with a 400 naming the field', async () => {
		const badUrn = await ask<{ errors: Record<string, string> }>(
			homesPage.actions.record,
			admin,
			'/homes?/record',
			{
				form: {
					name: 'Edinburgh Road',
					managerName: 'Lee Smith',
					managerEmail: 'lee.smith@edinburgh-road.example',
					ofstedUrn: 'SC12'
				}
			}
		);
		expect(badUrn.status).toBe(400);
		expect(badUrn.body.errors.ofstedUrn).toMatch(/SC and six digits/);
		const noHome = await ask<{ errors: Record<string, string> }>(
			meetingsApi,
			chair,
			'/api/meetings',
			{ body: { kind: 'reg33-visit', visitedOn: today, visitorId: chair.id } }
		);
		expect(noHome.status).toBe(400);
		expect(noHome.body.errors).toHaveProperty('homeId');
		const ahead = await ask<{ errors: Record<string, string> }>(
			meetingsApi,
			chair,
			'/api/meetings',
			{ body: { kind: 'reg33-visit', homeId, visitedOn: '2099-01-01', visitorId: chair.id } }
		);
		expect(ahead.status).toBe(400);
		expect(ahead.body.errors).toHaveProperty('visitedOn');
	});

	it('counts the visit in the oversight figures', async () => {
		const from = `${monthOf(today)}-01`;
		const figures = await ask<{
			reg33: { homes: { name: string; visits: number }[] };
			meetingsHeld: { kind: string; count: number }[];
		}>(oversightApi, manager, `/api/oversight?from=${from}&to=${today}`);
		expect(figures.status).toBe(200);
		expect(figures.body.reg33.homes).toEqual([
			expect.objectContaining({ name: 'Inglefield', visits: 1 })
		]);
		expect(figures.body.meetingsHeld).toContainEqual({ kind: 'reg33-visit', count: 1 });
	});
});
