/**
 * The life of a child protection plan (issue 14): the chair records each child's outcome in the
 * live record (a stock client over the real collaboration server) and ends the conference with
 * the real End meeting command. A child who needs a plan has one started on the meeting's day,
 * once however often the end is retried; a child with "no plan" at an initial conference has
 * nothing; a review conference that decides "no plan" ends the plan; the unit's figures count
 * both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { childPlans, meetings, type User } from '../../src/lib/server/db/schema';
import { planRegisterFor } from '../../src/lib/server/families/plans';
import { dueMeetingsOf } from '../../src/lib/server/families/clocks';
import { recordChildEvent } from '../../src/lib/server/families/commands/record-child-event';
import { readRecord, recordOutcome } from '../../src/lib/collab/record-shape';
import type { ChairOutcome } from '../../src/lib/domain/decisions';
import { endMeeting } from '../../src/lib/server/meetings/commands/end-meeting';
import { planEventsOf } from '../../src/lib/server/plan-events';
import { readStoredRecord } from '../../src/lib/server/records';
import { oversightFigures } from '../../src/lib/server/oversight/figures';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	signIn,
	noRegister,
	sessionOf
} from '../factories';
import {
	clientPool,
	startCollabServer,
	synced,
	waitFor,
	type RunningServer
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();
let unitId: string;
let chair: User;
let amy: string, ben: string;
beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	unitId = unit.id;
	chair = await makeUser(db, { role: 'chair', unitId, name: 'Priya Shah' });
	const family = await makeFamily(db, { unitId, children: ['Amy Walker', 'Ben Walker'] });
	[amy, ben] = family.children.map((c) => c.id);
	server = await startCollabServer(db);
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

/** A live conference about both children on `day`, whose chair records these outcomes. */
async function conference(
	kind: 'initial-conference' | 'review-conference',
	day: string,
	outcomes: Omit<ChairOutcome, 'reason'>[]
): Promise<string> {
	const { db } = handle;
	const made = await makeMeeting(db, {
		unitId,
		kind,
		status: 'live',
		scheduledAt: new Date(`${day}T10:00:00Z`),
		childIds: [amy, ben],
		participants: [{ user: chair, role: 'chair' }]
	});
	const meetingId = made.meeting.id;
	const client = pool.open({ url: server.url, meetingId, token: await signIn(db, chair.id) });
	await synced(client);
	for (const outcome of outcomes)
		recordOutcome(client.doc, { ...outcome, reason: 'As the conference heard today.' });
	await waitFor('the outcomes on the server', async () => {
		const doc = await readStoredRecord({ db, meetingId });
		const n = Object.keys(readRecord(doc, []).outcomes).length;
		doc.destroy();
		return n === outcomes.length;
	});
	client.destroy();
	return meetingId;
}

describe('a plan starts and ends by the conference’s decision', () => {
	it('an initial conference deciding a plan starts one, once, however often it is ended', async () => {
		const { db } = handle;
		const meetingId = await conference('initial-conference', '2026-08-03', [
			{ childId: amy, outcome: 'plan', category: 'neglect' },
			{ childId: ben, outcome: 'no-plan' }
		]);
		await endMeeting({ db, user: sessionOf(chair), meetingId, confirmation: noRegister });
		// A second End is refused; a retry after a failed end (the meeting put back to live)
		// ends it again and records nothing more.
		await expect(
			endMeeting({ db, user: sessionOf(chair), meetingId, confirmation: noRegister })
		).rejects.toMatchObject({
			status: 409
		});
		await db
			.update(meetings)
			.set({ status: 'live', endedAt: null })
			.where(eq(meetings.id, meetingId));
		await endMeeting({ db, user: sessionOf(chair), meetingId, confirmation: noRegister });
		expect(await planEventsOf(db, [amy, ben])).toEqual([
			{ childId: amy, kind: 'plan-started', date: '2026-08-03' }
		]);
		// The register (issue 26): the conference that started it, its category, its first review
		// within three months; the clocks read the same plan.
		const [plan] = (await planRegisterFor({ db, user: sessionOf(chair), childId: amy }))!;
		expect(plan).toMatchObject({
			startedOn: '2026-08-03',
			category: 'neglect',
			nextReviewBy: '2026-11-03',
			endedOn: null
		});
		const [row] = await db.select().from(childPlans).where(eq(childPlans.childId, amy));
		expect(row.startMeetingId).toBe(meetingId);
		expect((await dueMeetingsOf(db, [amy])).due.get(amy)?.['review-conference']).toBe('2026-11-03');
		expect(await planRegisterFor({ db, user: sessionOf(chair), childId: ben })).toEqual([]);
	});

	it('business support cannot start a second plan by hand while one runs', async () => {
		const { db } = handle;
		await expect(
			recordChildEvent({
				db,
				user: sessionOf(chair),
				childId: amy,
				kind: 'plan-started',
				date: '2026-09-01'
			})
		).rejects.toMatchObject({ status: 400, field: 'kind' });
		expect(await planEventsOf(db, [amy])).toHaveLength(1);
	});

	it('a review conference deciding no plan ends it; a plan that continues records nothing', async () => {
		const { db } = handle;
		const meetingId = await conference('review-conference', '2026-10-27', [
			{ childId: amy, outcome: 'no-plan' },
			{ childId: ben, outcome: 'no-plan' }
		]);
		await endMeeting({ db, user: sessionOf(chair), meetingId, confirmation: noRegister });
		expect(await planEventsOf(db, [amy, ben])).toEqual([
			{ childId: amy, kind: 'plan-started', date: '2026-08-03' },
			{ childId: amy, kind: 'plan-ended', date: '2026-10-27' }
		]);
		const [plan] = (await planRegisterFor({ db, user: sessionOf(chair), childId: amy }))!;
		expect(plan).toMatchObject({
			endedOn: '2026-10-27',
			endReason: 'As the conference heard today.',
			nextReviewBy: null
		});
		expect((await dueMeetingsOf(db, [amy])).due.get(amy)).toEqual({});
		const figures = await oversightFigures({
			db,
			unitId,
			from: '2026-07-01',
			to: '2026-11-30',
			asOf: '2026-12-01'
		});
		expect(figures.plans).toEqual([
			{ month: '2026-07', started: 0, ended: 0, subject: 0 },
			{ month: '2026-08', started: 1, ended: 0, subject: 1 },
			{ month: '2026-09', started: 0, ended: 0, subject: 1 },
			{ month: '2026-10', started: 0, ended: 1, subject: 0 },
			{ month: '2026-11', started: 0, ended: 0, subject: 0 }
		]);
	});
});
