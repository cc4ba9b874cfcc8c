/**
 * Every oversight figure on a small hand-made unit whose right answers are written here:
 * notes late across Christmas, a 24-hour plan sent a working day late, a child in care review
 * that slipped a day, a report received after the meeting, a challenge escalated then
 * resolved, caseloads against each chair's limit; and who may ask (GET /api/oversight).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database, DatabaseHandle } from '../../src/lib/server/db';
import {
	advocacyOffers,
	agencies,
	childEvents,
	childPlans,
	children,
	circulation,
	meetingDocuments,
	meetingParticipants,
	professionalReports,
	users,
	type User
} from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import { londonDay, oversightFigures } from '../../src/lib/server/oversight/figures';
import type { OversightFigures } from '../../src/lib/oversight/figures-model';
import { calendarDateOf } from '../../src/lib/domain/calendar-date';
import { oversightTables, tableNames } from '../../src/lib/oversight/tables';
import { moveChallenge, raiseChallenge } from '../../src/lib/server/oversight/challenges';
import { GET as oversightApi } from '../../src/routes/api/oversight/+server';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	sessionOf
} from '../factories';

let handle: DatabaseHandle;
let db: Database;
let unitId: string;
let chair1: User, chair2: User, manager: User, police: User, health: User, professional: User;
const ids: Record<string, string> = {};
let figures: OversightFigures;
const at = (iso: string) => new Date(iso);

async function document(
	meetingId: string,
	kind: 'plan-24h' | 'notes',
	props: { state?: 'draft' | 'final'; approvedAt?: Date } = {}
) {
	const [row] = await db
		.insert(meetingDocuments)
		.values({
			meetingId,
			kind,
			audience: 'professionals',
			version: 1,
			generatorName: 'test',
			generatorVersion: '1',
			title: kind,
			fileName: kind,
			contentHash: 'x',
			html: '<p></p>',
			content: {} as never,
			state: props.state ?? 'final',
			approvedAt: props.approvedAt ?? null
		})
		.returning();
	return row.id;
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	db = handle.db;
	const unit = await makeUnit(db);
	unitId = unit.id;
	const [policeAgency] = await db
		.insert(agencies)
		.values({ name: 'Police', kind: 'police' })
		.returning();
	const [healthAgency] = await db
		.insert(agencies)
		.values({ name: 'Health visiting', kind: 'health-visiting' })
		.returning();
	chair1 = await makeUser(db, { role: 'chair', unitId, name: 'Ann Chair' });
	chair2 = await makeUser(db, { role: 'chair', unitId, name: 'Bea Chair' });
	await db.update(users).set({ caseloadLimit: 40 }).where(eq(users.id, chair2.id));
	manager = await makeUser(db, { role: 'manager', unitId });
	police = await makeUser(db, { role: 'professional', agencyId: policeAgency.id });
	health = await makeUser(db, { role: 'professional', agencyId: healthAgency.id });
	professional = await makeUser(db, { role: 'professional' });
	const family = await makeFamily(db, { unitId, children: ['Amy', 'Ben', 'Kai', 'Lou'] });
	const [amy, ben, kai, lou] = family.children;
	// Cy is 5 years and 4 months old at the initial conference: not yet over 5 in whole years,
	// so not offered an advocate (the domain's advocacyForChild) and not counted as eligible.
	const [cy] = (await makeFamily(db, { unitId, children: ['Cy'] })).children;
	await db.update(children).set({ dateOfBirth: '2021-06-01' }).where(eq(children.id, cy.id));
	await db.update(children).set({ dateOfBirth: '2016-01-01' }).where(eq(children.id, amy.id));
	await db.update(children).set({ dateOfBirth: '2022-05-01' }).where(eq(children.id, ben.id));
	await db
		.update(children)
		.set({ inCareSince: '2026-09-14', iroId: chair2.id })
		.where(eq(children.id, kai.id));
	await db
		.update(children)
		.set({ inCareSince: '2027-01-26', iroId: chair2.id })
		.where(eq(children.id, lou.id));
	await db
		.insert(childEvents)
		.values([{ childId: kai.id, kind: 'came-into-care', date: '2026-09-14' }]);
	// Plans are the register's (child_plans, issue 26).
	await db.insert(childPlans).values([
		{ childId: amy.id, startedOn: '2026-10-05' },
		{ childId: ben.id, startedOn: '2026-10-05' }
	]);
	// Plans that start and end around the period (2026-10 to 2027-01): Cal's ends in November,
	// Dee's runs November to January, Eve's earlier plan ended long ago and a new one starts in
	// December; Zac's is in another unit and never counts.
	const planned = await makeFamily(db, { unitId, children: ['Cal', 'Dee', 'Eve'] });
	const [cal, dee, eve] = planned.children;
	const otherUnit = await makeUnit(db);
	const [zac] = (await makeFamily(db, { unitId: otherUnit.id, children: ['Zac'] })).children;
	await db.insert(childPlans).values([
		{ childId: cal.id, startedOn: '2026-06-10', endedOn: '2026-11-20' },
		{ childId: dee.id, startedOn: '2026-11-03', endedOn: '2027-01-12' },
		{ childId: eve.id, startedOn: '2025-03-01', endedOn: '2025-09-01' },
		{ childId: eve.id, startedOn: '2026-12-15' },
		{ childId: zac.id, startedOn: '2026-10-05' }
	]);
	const meeting = async (
		key: string,
		kind: Parameters<typeof makeMeeting>[1]['kind'],
		when: string,
		childIds: string[],
		chair: User,
		status: 'ended' | 'scheduled' | 'cancelled' = 'ended'
	) => {
		const made = await makeMeeting(db, {
			unitId,
			kind,
			status,
			scheduledAt: at(when),
			childIds,
			participants: [{ user: chair, role: 'chair' }]
		});
		ids[key] = made.meeting.id;
		return made.meeting.id;
	};
	// m1: initial conference, Monday 5 October 2026; plan out the next day, notes final on the 15th working day.
	const m1 = await meeting(
		'm1',
		'initial-conference',
		'2026-10-05T09:00:00Z',
		[amy.id, ben.id, cy.id],
		chair1
	);
	const plan1 = await document(m1, 'plan-24h');
	await db.insert(circulation).values({
		meetingId: m1,
		documentId: plan1,
		recipientEmail: 'a@x.test',
		createdAt: at('2026-10-06T15:00:00Z')
	});
	await document(m1, 'notes', { approvedAt: at('2026-10-26T16:00:00Z') });
	await db.insert(meetingParticipants).values([
		{
			meetingId: m1,
			userId: police.id,
			name: 'P',
			role: 'professional',
			agencyId: police.agencyId,
			attendance: 'present',
			reportRequested: true,
			reportReceivedAt: at('2026-10-02T10:00:00Z'),
			reportSharedWithParents: true
		},
		// a report that arrived the day after the meeting
		{
			meetingId: m1,
			userId: health.id,
			name: 'H',
			role: 'professional',
			agencyId: health.agencyId,
			attendance: 'apologies',
			reportRequested: true,
			reportReceivedAt: at('2026-10-06T10:00:00Z')
		}
	]);
	// The police report was shared with the parents in the app before the meeting.
	const [policeAtM1] = await db
		.select({ id: meetingParticipants.id })
		.from(meetingParticipants)
		.where(and(eq(meetingParticipants.meetingId, m1), eq(meetingParticipants.userId, police.id)));
	await db.insert(professionalReports).values({
		meetingId: m1,
		participantId: policeAtM1.id,
		authorId: police.id,
		title: 'Police report',
		body: 'Checks',
		sharedWithParentsAt: at('2026-10-03T09:00:00Z')
	});
	await db.insert(advocacyOffers).values([
		{ meetingId: m1, childId: amy.id, offered: true, accepted: true, recordedBy: chair1.id },
		{ meetingId: m1, childId: null, offered: true, accepted: false, recordedBy: chair1.id },
		// Ben is 4: an advocate offered to him is not among the offers to children over 5.
		{ meetingId: m1, childId: ben.id, offered: true, accepted: true, recordedBy: chair1.id }
	]);
	// m2: review conference, Thursday 10 December 2026: plan out Monday 14th (due Friday 11th),
	// notes due Tuesday 5 January 2027 (25, 28 December and 1 January are bank holidays), final on the 8th.
	const m2 = await meeting('m2', 'review-conference', '2026-12-10T10:00:00Z', [amy.id], chair1);
	const plan2 = await document(m2, 'plan-24h');
	await db.insert(circulation).values({
		meetingId: m2,
		documentId: plan2,
		recipientEmail: 'a@x.test',
		createdAt: at('2026-12-14T09:00:00Z')
	});
	await document(m2, 'notes', { approvedAt: at('2027-01-08T11:00:00Z') });
	await db.insert(meetingParticipants).values({
		meetingId: m2,
		userId: police.id,
		name: 'P',
		role: 'professional',
		agencyId: police.agencyId,
		attendance: 'apologies',
		reportRequested: true
	});
	// The health visitor's report arrived before m2 but was shared with the parents only the
	// day after it (the register's tick says shared; the report's own date says when).
	const [healthAtM2] = await db
		.insert(meetingParticipants)
		.values({
			meetingId: m2,
			userId: health.id,
			name: 'H',
			role: 'professional',
			agencyId: health.agencyId,
			attendance: 'present',
			reportRequested: true,
			reportReceivedAt: at('2026-12-07T10:00:00Z'),
			reportSharedWithParents: true
		})
		.returning({ id: meetingParticipants.id });
	await db.insert(professionalReports).values({
		meetingId: m2,
		participantId: healthAtM2.id,
		authorId: health.id,
		title: 'Health visitor report',
		body: 'Growth and development',
		createdAt: at('2026-12-07T10:00:00Z'),
		sharedWithParentsAt: at('2026-12-11T09:00:00Z')
	});
	await db.insert(advocacyOffers).values({
		meetingId: m2,
		childId: amy.id,
		offered: true,
		accepted: false,
		recordedBy: chair1.id
	});
	// m3: core group, Monday 2 November 2026, chaired by Bea: notes due 23 November, never final.
	const m3 = await meeting('m3', 'core-group', '2026-11-02T10:00:00Z', [amy.id], chair2);
	await document(m3, 'notes', { state: 'draft' });
	// Kai came into care Monday 14 September: first review due 12 October (held then), the
	// second due Tuesday 12 January 2027, held on the 13th: slipped a day.
	await meeting('r1', 'cic-review', '2026-10-12T10:00:00Z', [kai.id], chair2);
	await meeting('r2', 'cic-review', '2027-01-13T10:00:00Z', [kai.id], chair2);
	// Not held: a cancelled meeting about Ben (Bea) and one still to come.
	await meeting('c1', 'core-group', '2026-12-20T10:00:00Z', [ben.id], chair2, 'cancelled');
	await meeting('s1', 'core-group', '2027-03-01T10:00:00Z', [ben.id], chair2, 'scheduled');
	// Challenges: one escalated then resolved, one still informal.
	const raised = await raiseChallenge({
		db,
		user: sessionOf(chair1),
		at: at('2026-11-03T10:00:00Z'),
		input: {
			childId: amy.id,
			meetingId: m1,
			about: 'Late police checks',
			toAgency: 'Police',
			toPerson: 'DS Lee',
			why: 'Checks missing at conference'
		}
	});
	const challengeId = (raised as { id: string }).id;
	for (const [stage, when] of [
		['formal', '2026-11-10'],
		['escalated', '2026-11-20'],
		['resolved', '2026-12-01']
	]) {
		await moveChallenge({
			db,
			user: sessionOf(chair1),
			challengeId,
			at: at(`${when}T10:00:00Z`),
			input: { stage, note: stage, outcome: 'Checks now done before conference' }
		});
	}
	await raiseChallenge({
		db,
		user: sessionOf(chair1),
		at: at('2026-12-01T10:00:00Z'),
		input: {
			childId: ben.id,
			about: 'School report',
			toAgency: 'School',
			toPerson: 'Head',
			why: 'No report'
		}
	});
	ids.lou = lou.id;
	figures = await oversightFigures({
		db,
		unitId,
		from: '2026-10-01',
		to: '2027-01-31',
		asOf: '2027-02-15'
	});
});
afterAll(async () => {
	useSharedDatabase(null);
	await handle?.close();
});

describe('oversight figures on a hand-made unit', () => {
	it('meetings held by kind: only ended ones in the period, every kind named', () => {
		expect(figures.meetingsHeld).toEqual([
			{ kind: 'cic-review', count: 2 },
			{ kind: 'core-group', count: 1 },
			{ kind: 'initial-conference', count: 1 },
			{ kind: 'review-conference', count: 1 },
			// Every kind is in the table: those none of were held with 0 (issue 21).
			{ kind: 'cin-review', count: 0 },
			{ kind: 'life-appreciation-day', count: 0 },
			{ kind: 'disruption-meeting', count: 0 },
			// Regulation 33 visits are counted from their own record (none in this unit).
			{ kind: 'reg33-visit', count: 0 },
			{ kind: 'exploitation-group', count: 0 },
			{ kind: 'foster-carer-review', count: 0 },
			{ kind: 'lado-strategy', count: 0 },
			{ kind: 'missing-from-home', count: 0 }
		]);
	});

	it('renders every table the CSV downloads name, in order, the plans as on the page', () => {
		const tables = oversightTables(figures);
		expect(tables.map((t) => t.name)).toEqual([...tableNames]);
		// No foster carer review in this unit: said in words, never a row of noughts.
		const foster = tables.find((t) => t.name === 'foster-carer-reviews')!;
		expect(foster.rows).toEqual([]);
		expect(foster.empty).toMatch(/^No foster carer reviews/);
		const plans = tables.find((t) => t.name === 'plans')!;
		expect(plans.head).toEqual([
			'Month',
			'Subject to a plan at month end',
			'Plans started',
			'Plans ended'
		]);
		expect(plans.rows[1]).toEqual(['2026-11', '3', '1', '1']);
	});

	it('children subject to a plan month by month, new and ended', () => {
		// Subject at each month's end: Oct Amy, Ben, Cal; Nov Amy, Ben, Dee; Dec Amy, Ben, Dee,
		// Eve; Jan Amy, Ben, Eve.
		expect(figures.plans).toEqual([
			{ month: '2026-10', started: 2, ended: 0, subject: 3 },
			{ month: '2026-11', started: 1, ended: 1, subject: 3 },
			{ month: '2026-12', started: 1, ended: 0, subject: 4 },
			{ month: '2027-01', started: 0, ended: 1, subject: 3 }
		]);
	});

	it('24-hour plans out within one working day', () => {
		expect(figures.plansOut).toEqual({
			due: 2,
			onTime: 1,
			late: [
				{
					meetingId: ids.m2,
					kind: 'review-conference',
					day: '2026-12-10',
					dueBy: '2026-12-11',
					workingDaysLate: 1,
					done: true
				}
			]
		});
	});

	it('notes final within 15 working days, late ones counted across Christmas', () => {
		expect(figures.notesOnTime).toEqual({
			due: 3,
			onTime: 1,
			late: [
				{
					meetingId: ids.m3,
					kind: 'core-group',
					day: '2026-11-02',
					dueBy: '2026-11-23',
					workingDaysLate: 57,
					done: false
				},
				{
					meetingId: ids.m2,
					kind: 'review-conference',
					day: '2026-12-10',
					dueBy: '2027-01-05',
					workingDaysLate: 3,
					done: true
				}
			]
		});
	});

	it('child in care reviews within timescale, a slipped one, and one falling due within 30 days', () => {
		expect(figures.cicReviews).toEqual({
			held: 2,
			withinTimescale: 1,
			late: [{ meetingId: ids.r2, dueBy: '2027-01-12', heldOn: '2027-01-13', daysLate: 1 }],
			dueSoon: [{ childId: ids.lou, dueBy: '2027-02-23' }]
		});
	});

	it('attendance and reports by agency, a report received after the meeting', () => {
		expect(figures.agencies).toEqual([
			// Two invitations each: by name. Health's report at m2 came before the meeting but was
			// shared with the parents only after it.
			{
				agency: 'Health visiting',
				invited: 2,
				attended: 1,
				apologies: 1,
				reportsRequested: 2,
				reportsReceived: 2,
				reportsBefore: 1,
				reportsAfter: 1,
				sharedBefore: 0
			},
			{
				agency: 'Police',
				invited: 2,
				attended: 1,
				apologies: 1,
				reportsRequested: 2,
				reportsReceived: 1,
				reportsBefore: 1,
				reportsAfter: 0,
				sharedBefore: 1
			}
		]);
	});

	it('advocacy for children over 5 at conferences', () => {
		// Amy at m1 and m2; not Ben (4) nor Cy (5 years 4 months), though Ben was offered one.
		expect(figures.advocacy).toEqual({ eligible: 2, offered: 2, takenUp: 1, parentsOffered: 1 });
	});

	it('challenges by stage, and the resolved one after escalation', () => {
		expect(figures.challenges).toEqual({
			raised: 2,
			byStage: [
				{ stage: 'informal', count: 1 },
				{ stage: 'formal', count: 0 },
				{ stage: 'escalated', count: 0 },
				{ stage: 'resolved', count: 1 }
			],
			resolvedAfter: [
				{ stage: 'informal', count: 0 },
				{ stage: 'formal', count: 0 },
				{ stage: 'escalated', count: 1 }
			]
		});
	});

	it("each chair's caseload against their limit", () => {
		expect(figures.caseloads).toEqual([
			{ userId: chair1.id, name: 'Ann Chair', count: 3, limit: 70 },
			{ userId: chair2.id, name: 'Bea Chair', count: 2, limit: 40 }
		]);
	});
});

describe('londonDay', () => {
	it('is the London calendar day of every hour of 2026, both clock changes included', () => {
		for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 3_600_000) {
			if (londonDay(t) !== calendarDateOf(new Date(t))) expect(new Date(t).toISOString()).toBe('');
		}
	});
});

describe('GET /api/oversight', () => {
	async function ask(user: User, query: string) {
		const event = {
			locals: { user: sessionOf(user), sessionId: 'test' },
			url: new URL(`http://127.0.0.1:3000/api/oversight${query}`)
		} as never;
		try {
			const response = await (oversightApi as (e: never) => Promise<Response>)(event);
			return { status: response.status, body: await response.json() };
		} catch (thrown) {
			return { status: (thrown as { status: number }).status, body: null };
		}
	}

	it('managers and chairs of the unit; a chair sees only their own name; anyone else 404; bad dates 400', async () => {
		const asManager = await ask(manager, '?from=2026-10-01&to=2027-01-31');
		expect(asManager.status).toBe(200);
		expect(asManager.body.meetingsHeld).toEqual(figures.meetingsHeld);
		expect(asManager.body.caseloads.map((c: { name: string }) => c.name)).toEqual([
			'Ann Chair',
			'Bea Chair'
		]);
		const asChair = await ask(chair1, '?from=2026-10-01&to=2027-01-31');
		expect(asChair.body.caseloads.map((c: { name: string }) => c.name)).toEqual([
			'Ann Chair',
			'Another chair'
		]);
		expect((await ask(professional, '?from=2026-10-01&to=2027-01-31')).status).toBe(404);
		const bad = await ask(manager, '?from=2026-13-01&to=2027-01-31');
		expect(bad).toEqual({
			status: 400,
			body: { errors: { from: 'Give the first day as YYYY-MM-DD.' } }
		});
	});
});
