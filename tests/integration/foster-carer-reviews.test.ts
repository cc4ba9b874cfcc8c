/**
 * Foster carer reviews (issue 25), through the route handlers on the real database. Done when a
 * foster carer review's reports are asked in order: business support records a carer with two
 * children placed and schedules the review (`POST /api/meetings`, `kind: 'foster-carer-review'`,
 * `carerId`); the supervising social worker's report is refused (409) while the children's social
 * workers' reports are missing, naming the children; once both are in it is asked, and its mail
 * shows them. A report past its due date is listed late and chased (a chaser in the outbox, the
 * chase counted). Birth parents are never invited. Another unit's chair, a parent and a
 * professional are answered 404; bad input is a 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { useSharedDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import {
	fosterCarers,
	fosterReviewReports,
	meetingParticipants,
	outbox,
	type User
} from '../../src/lib/server/db/schema';
import { POST as carerApi } from '../../src/routes/api/foster-carers/+server';
import { POST as meetingsApi } from '../../src/routes/api/meetings/+server';
import { POST as requestApi } from '../../src/routes/api/foster-reviews/[id]/reports/[reportId]/request/+server';
import { POST as receiveApi } from '../../src/routes/api/foster-reviews/[id]/reports/[reportId]/receive/+server';
import { POST as chaseApi } from '../../src/routes/api/foster-reviews/[id]/reports/[reportId]/chase/+server';
import { POST as recommendationApi } from '../../src/routes/api/foster-reviews/[id]/recommendation/+server';
import { GET as reviewApi } from '../../src/routes/api/foster-reviews/[id]/+server';
import { unitCarers } from '../../src/lib/server/foster-carers/list';
import { addDays, todayIn } from '../../src/lib/domain/calendar-date';
import { createTestDatabase, makeFamily, makeUnit, makeUser, sessionOf } from '../factories';
import { askRoute } from '../fixtures/ask-route';

let handle: DatabaseHandle;
let chair: User, admin: User, parent: User, professional: User, otherChair: User;
let kayleigh: string, sam: string, theirChild: string;

type Report = {
	id: string;
	kind: string;
	childName: string | null;
	state: string;
	mayRequest: boolean;
};
type Answer = Record<string, unknown> & {
	id?: string;
	message?: string;
	errors?: Record<string, string>;
	missing?: { childName: string }[];
	reports?: Report[];
};

/** Each of these routes is a POST: an empty body where none is given. */
const ask = (...[handler, user, url, props = {}]: Parameters<typeof askRoute>) =>
	askRoute<Answer>(handler, user, url, { ...props, body: props.body ?? {} });

const today = todayIn();
const step =
	(handler: unknown, name: string) => (user: User, id: string, reportId: string, body?: unknown) =>
		ask(handler, user, `/api/foster-reviews/${id}/reports/${reportId}/${name}`, {
			params: { id, reportId },
			body
		});
const request = step(requestApi, 'request');
const receive = step(receiveApi, 'receive');
const chase = step(chaseApi, 'chase');
const recordCarer = (user: User, body: unknown) =>
	ask(carerApi, user, '/api/foster-carers', { body });

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	const otherUnit = await makeUnit(db, 'Another unit');
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	professional = await makeUser(db, { role: 'professional', unitId: unit.id });
	parent = await makeUser(db, { role: 'parent' });
	otherChair = await makeUser(db, { role: 'chair', unitId: otherUnit.id });
	const { children: kids } = await makeFamily(db, {
		unitId: unit.id,
		children: ['Kayleigh Price', 'Sam Price'],
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
	[kayleigh, sam] = kids.map((k) => k.id);
	const { children: theirs } = await makeFamily(db, { unitId: otherUnit.id, children: ['Jo'] });
	theirChild = theirs[0].id;
});

afterAll(async () => {
	await handle?.close();
});

describe('a foster carer review’s reports are asked in order', () => {
	let carerId: string;
	let meetingId: string;
	let reports: Report[];
	const reportOf = (kind: string, childName: string | null = null) =>
		reports.find((r) => r.kind === kind && r.childName === childName)!;

	it('business support records a carer with two children placed', async () => {
		const recorded = await recordCarer(admin, {
			names: 'Alex and Sam Reid',
			approvedOn: '2023-01-10',
			supervisingSocialWorkerName: 'Dee Walsh',
			supervisingSocialWorkerEmail: 'dee.walsh@fostering.example',
			lastReviewOn: '2026-01-05',
			children: [
				{
					childId: kayleigh,
					socialWorkerName: 'Priya Shah',
					socialWorkerEmail: 'priya@sw.example'
				},
				{ childId: sam, socialWorkerName: 'Tom Hale', socialWorkerEmail: 'tom@sw.example' }
			]
		});
		expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
		carerId = recorded.body.id!;
	});

	it('the review is scheduled for the carer, about the children placed, without the birth parent', async () => {
		const scheduled = await ask(meetingsApi, admin, '/api/meetings', {
			body: {
				kind: 'foster-carer-review',
				carerId,
				chairId: chair.id,
				scheduledAt: `${addDays(today, 14)}T10:00:00Z`
			}
		});
		expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
		meetingId = scheduled.body.id!;
		const people = await handle.db
			.select({ role: meetingParticipants.role })
			.from(meetingParticipants)
			.where(eq(meetingParticipants.meetingId, meetingId));
		expect(people.map((p) => p.role)).toEqual(['chair']);
		const listed = await unitCarers({ db: handle.db, user: sessionOf(admin), today });
		// Approved 2023-01-10 and never seen face to face: this review is the face-to-face one.
		expect(listed?.[0]).toMatchObject({ names: 'Alex and Sam Reid', faceToFace: true });
		expect(listed?.[0].review?.meetingId).toBe(meetingId);
	});

	it('refuses the supervising social worker’s report while the children’s reports are missing, naming them', async () => {
		const [first] = await handle.db
			.select()
			.from(fosterReviewReports)
			.where(eq(fosterReviewReports.meetingId, meetingId));
		const asked = await request(chair, meetingId, first.id, { dueBy: addDays(today, 7) });
		expect(asked.status).toBe(200);
		reports = asked.body.reports!;
		expect(reports.map((r) => `${r.kind} ${r.childName ?? ''}`.trim())).toEqual([
			'child-social-worker Kayleigh Price',
			'child-social-worker Sam Price',
			'supervising-social-worker',
			'carer-view',
			'child-view Kayleigh Price',
			'child-view Sam Price'
		]);
		expect(reportOf('supervising-social-worker').mayRequest).toBe(false);
		const refused = await request(chair, meetingId, reportOf('supervising-social-worker').id, {
			dueBy: addDays(today, 10)
		});
		expect(refused.status).toBe(409);
		expect(refused.body.message).toContain('Kayleigh Price');
		expect(refused.body.message).toContain('Sam Price');
		expect(refused.body.missing?.map((m) => m.childName)).toEqual(['Kayleigh Price', 'Sam Price']);
		const ssw = await handle.db
			.select()
			.from(outbox)
			.where(eq(outbox.recipientEmail, 'dee.walsh@fostering.example'));
		expect(ssw).toEqual([]);
	});

	it('asks it once both are in, and its request shows them', async () => {
		const kayleighSw = reportOf('child-social-worker', 'Kayleigh Price');
		const samSw = reportOf('child-social-worker', 'Sam Price');
		expect(
			(await receive(admin, meetingId, kayleighSw.id, { text: 'Settled at school.' })).status
		).toBe(200);
		// Still one missing: Sam's.
		const stillRefused = await request(chair, meetingId, reportOf('supervising-social-worker').id, {
			dueBy: addDays(today, 10)
		});
		expect(stillRefused.status).toBe(409);
		expect(stillRefused.body.message).toContain('Sam Price');
		expect(stillRefused.body.message).not.toContain('Kayleigh Price');
		const received = await receive(admin, meetingId, samSw.id, { byPost: true });
		expect(received.status).toBe(200);
		reports = received.body.reports!;
		expect(reportOf('supervising-social-worker').mayRequest).toBe(true);
		const asked = await request(chair, meetingId, reportOf('supervising-social-worker').id, {
			dueBy: addDays(today, 10)
		});
		expect(asked.status, JSON.stringify(asked.body)).toBe(200);
		const [mail] = await handle.db
			.select()
			.from(outbox)
			.where(eq(outbox.recipientEmail, 'dee.walsh@fostering.example'));
		expect(mail.purpose).toBe('report-request');
		expect(mail.textBody).toContain('reports are in (2)');
		expect(mail.textBody).toContain('(on paper)');
		// Names no one.
		expect(mail.textBody).not.toMatch(/Kayleigh|Sam|Reid/);
		// Received twice: 409.
		expect((await receive(admin, meetingId, samSw.id, { text: 'Again' })).status).toBe(409);
	});

	it('lists a report past its due date late, carers with late reports first, and chases it', async () => {
		const carerView = reportOf('carer-view');
		const notAsked = await chase(admin, meetingId, carerView.id);
		expect(notAsked.status).toBe(409);
		expect((await request(admin, meetingId, carerView.id, { dueBy: today })).status).toBe(200);
		expect((await chase(admin, meetingId, carerView.id)).status).toBe(409);
		// The due date passes.
		await handle.db
			.update(fosterReviewReports)
			.set({ dueBy: addDays(today, -1) })
			.where(eq(fosterReviewReports.id, carerView.id));
		const other = await recordCarer(chair, {
			names: 'Pat Jones',
			approvedOn: '2025-06-01',
			supervisingSocialWorkerName: 'Dee Walsh',
			supervisingSocialWorkerEmail: 'dee.walsh@fostering.example'
		});
		expect(other.status).toBe(201);
		const listed = await unitCarers({ db: handle.db, user: sessionOf(chair), today });
		// Pat's review (due 2026-06-01) falls due first, but the Reids' late report comes first.
		expect(listed?.map((c) => [c.names, c.lateReports])).toEqual([
			['Alex and Sam Reid', 1],
			['Pat Jones', 0]
		]);
		const chased = await chase(admin, meetingId, carerView.id);
		expect(chased.status).toBe(200);
		expect(chased.body.reports?.find((r) => r.id === carerView.id)?.state).toBe('late');
		const chasers = await handle.db
			.select()
			.from(outbox)
			.where(and(eq(outbox.purpose, 'report-chaser'), eq(outbox.meetingId, meetingId)));
		expect(chasers.map((m) => m.recipientEmail)).toEqual(['dee.walsh@fostering.example']);
		const [row] = await handle.db
			.select()
			.from(fosterReviewReports)
			.where(eq(fosterReviewReports.id, carerView.id));
		expect(row.chaseCount).toBe(1);
		expect(row.lastChasedAt).not.toBeNull();
	});

	it('refuses the recommendation before the review is held', async () => {
		const early = await ask(
			recommendationApi,
			chair,
			`/api/foster-reviews/${meetingId}/recommendation`,
			{
				params: { id: meetingId },
				body: { recommendation: 'continue', reasons: 'Good year.' }
			}
		);
		expect(early.status).toBe(409);
		const [carer] = await handle.db.select().from(fosterCarers).where(eq(fosterCarers.id, carerId));
		expect(carer.lastReviewOn).toBe('2026-01-05');
	});

	it('answers 404 to another unit’s chair, a parent and a professional', async () => {
		const reportId = reportOf('carer-view').id;
		const read = (user: User) =>
			ask(reviewApi, user, `/api/foster-reviews/${meetingId}`, { params: { id: meetingId } });
		const ours = await read(admin);
		expect(ours.status).toBe(200);
		expect(ours.body).toMatchObject({ carerId, faceToFace: true });
		expect(ours.body.reports?.map((r) => r.state)).toEqual([
			'received',
			'received',
			'requested',
			'late',
			'not-yet-requested',
			'not-yet-requested'
		]);
		for (const stranger of [otherChair, parent, professional]) {
			expect((await read(stranger)).status).toBe(404);
			expect((await request(stranger, meetingId, reportId, { dueBy: today })).status).toBe(404);
			expect((await receive(stranger, meetingId, reportId, { text: 'x' })).status).toBe(404);
			expect((await chase(stranger, meetingId, reportId)).status).toBe(404);
			const recommended = await ask(
				recommendationApi,
				stranger,
				`/api/foster-reviews/${meetingId}/recommendation`,
				{ params: { id: meetingId }, body: { recommendation: 'continue', reasons: 'x' } }
			);
			expect(recommended.status).toBe(404);
			expect(await unitCarers({ db: handle.db, user: sessionOf(stranger), today })).not.toEqual(
				expect.arrayContaining([expect.objectContaining({ id: carerId })])
			);
		}
		expect((await recordCarer(parent, {})).status).toBe(404);
		expect((await recordCarer(professional, {})).status).toBe(404);
		// Another unit cannot schedule a review of this unit's carer.
		const theirs = await ask(meetingsApi, otherChair, '/api/meetings', {
			body: {
				kind: 'foster-carer-review',
				carerId,
				chairId: otherChair.id,
				scheduledAt: `${addDays(today, 14)}T10:00:00Z`
			}
		});
		expect(theirs.status).toBe(400);
		expect(theirs.body.errors?.carerId).toBeTruthy();
	});

	it('answers bad input with a 400 naming the field', async () => {
		const cases: [unknown, string][] = [
			[{}, 'names'],
			[{ names: 'A', approvedOn: '2026-02-30' }, 'approvedOn'],
			[
				{ names: 'A', approvedOn: '2024-01-01', supervisingSocialWorkerName: 'B' },
				'supervisingSocialWorkerEmail'
			],
			[
				{
					names: 'A',
					approvedOn: '2024-01-01',
					supervisingSocialWorkerName: 'B',
					supervisingSocialWorkerEmail: 'b@example.org',
					children: [
						{ childId: theirChild, socialWorkerName: 'C', socialWorkerEmail: 'c@example.org' }
					]
				},
				'children'
			]
		];
		for (const [body, field] of cases) {
			const answer = await recordCarer(chair, body);
			expect(answer.status, field).toBe(400);
			expect(Object.keys(answer.body.errors ?? {})).toEqual([field]);
		}
		const childView = reportOf('child-view', 'Sam Price');
		const badDue = await request(chair, meetingId, childView.id, { dueBy: 'soon' });
		expect(badDue.status).toBe(400);
		expect(badDue.body.errors?.dueBy).toBeTruthy();
		const empty = await receive(chair, meetingId, childView.id, {});
		expect(empty.status).toBe(400);
		expect(empty.body.errors?.text).toBeTruthy();
		const noCarer = await ask(meetingsApi, admin, '/api/meetings', {
			body: {
				kind: 'foster-carer-review',
				chairId: chair.id,
				scheduledAt: `${addDays(today, 14)}T10:00:00Z`
			}
		});
		expect(noCarer.status).toBe(400);
		expect(noCarer.body.errors?.carerId).toBe('Choose the foster carer this review is about.');
		const wrongKind = await ask(meetingsApi, admin, '/api/meetings', {
			body: {
				kind: 'core-group',
				carerId,
				childIds: [kayleigh],
				chairId: chair.id,
				scheduledAt: `${addDays(today, 14)}T10:00:00Z`
			}
		});
		expect(wrongKind.status).toBe(400);
		expect(wrongKind.body.errors?.carerId).toBeTruthy();
	});
});
