/**
 * The demo's foster carers (server/seed/demo-foster-carers.ts, issue 25): the Carters first, their
 * review arranged with Tyler's social worker's report late and the supervising social worker's
 * waiting for it; Pat Jones's review, the face-to-face one, next. The oversight figures count
 * the reports asked and late; seeding twice adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { fosterCarers, users } from '../../src/lib/server/db/schema';
import { sessionOf } from '../factories';
import { seedDemo } from '../../server/seed/demo';
import { demoIds, demoUserIds } from '../../server/seed/demo-ids';
import { demoFosterIds } from '../../server/seed/demo-foster-carers';
import { carerPage, unitCarers } from '../../src/lib/server/foster-carers/list';
import { oversightFigures } from '../../src/lib/server/oversight/figures';
import { addDays, calendarDateOf } from '../../src/lib/domain/calendar-date';
import { createTestDatabase } from '../factories';

const now = new Date('2026-12-03T08:00:00Z');
const today = calendarDateOf(now);
let handle: DatabaseHandle;

beforeAll(async () => {
	handle = await createTestDatabase();
	await seedDemo({ db: handle.db, today: now });
	await seedDemo({ db: handle.db, today: now });
});

afterAll(async () => {
	await handle?.close();
});

describe('the demo’s foster carers', () => {
	it('are two, the Carters first with a late report, Pat Jones’s face-to-face review next', async () => {
		const [{ n }] = await handle.db.select({ n: count() }).from(fosterCarers);
		expect(n).toBe(2);
		const [row] = await handle.db.select().from(users).where(eq(users.id, demoUserIds.admin));
		const admin = sessionOf(row);
		const listed = await unitCarers({ db: handle.db, user: admin, today });
		expect(listed?.map((c) => [c.names, c.lateReports, c.faceToFace])).toEqual([
			['Alex and Sam Carter', 1, false],
			['Pat Jones', 0, true]
		]);
		const page = await carerPage({ db: handle.db, user: admin, id: demoFosterIds.reids, today });
		expect(page?.children.map((c) => c.childId)).toEqual([demoIds.tyler]);
		expect(page?.review?.reports.map((r) => [r.kind, r.state, r.mayRequest])).toEqual([
			['child-social-worker', 'late', false],
			['supervising-social-worker', 'not-yet-requested', false],
			['carer-view', 'requested', false],
			['child-view', 'not-yet-requested', true]
		]);
	});

	it('are counted in the oversight figures', async () => {
		const figures = await oversightFigures({
			db: handle.db,
			unitId: demoIds.unit,
			from: addDays(today, -30),
			to: today,
			asOf: today
		});
		expect(figures.fosterCarerReviews).toEqual({
			held: 0,
			faceToFace: 0,
			recommended: 0,
			asked: 2,
			late: 1,
			chased: 0
		});
	});
});
