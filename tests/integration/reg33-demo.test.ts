/**
 * The demo's Regulation 33 visits (issue 25, server/seed/demo-homes.ts): Inglefield and Edinburgh
 * Road, visited in alternate months as the annual report describes; Inglefield, not visited last
 * month, is overdue and listed first; Edinburgh Road's latest report is still to send, the
 * others were sent and recorded for Ofsted. Loading the demo again adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { reg33Visits } from '../../src/lib/server/db/schema';
import { homesOfUnit } from '../../src/lib/server/homes/homes';
import { seedDemo } from '../../server/seed/demo';
import { demoIds } from '../../server/seed/demo-ids';
import { demoHomeIds } from '../../server/seed/demo-homes';
import { createTestDatabase } from '../factories';

let handle: DatabaseHandle;
// Wednesday 2 December 2026.
const today = new Date('2026-12-02T08:00:00Z');

beforeAll(async () => {
	handle = await createTestDatabase();
	await seedDemo({ db: handle.db, today });
});

afterAll(async () => {
	await handle?.close();
});

describe('the demo’s children’s homes', () => {
	it('lists Inglefield first, overdue, and Edinburgh Road due this month', async () => {
		const homes = await homesOfUnit({ db: handle.db, unitId: demoIds.unit, today: '2026-12-02' });
		expect(homes.map((h) => [h.name, h.cadence.state, h.cadence.lastVisitOn])).toEqual([
			['Inglefield', 'overdue', '2026-10-10'],
			['Edinburgh Road', 'due', '2026-11-10']
		]);
		expect(homes[0].cadence.missedMonths).toEqual(['2026-07', '2026-09', '2026-11']);
	});

	it('has every report sent and on Ofsted’s record but Edinburgh Road’s latest', async () => {
		const visits = await handle.db.select().from(reg33Visits);
		expect(visits).toHaveLength(6);
		const unsent = visits.filter((v) => v.reportSentAt === null);
		expect(unsent.map((v) => [v.homeId, v.visitedOn])).toEqual([
			[demoHomeIds.edinburghRoad, '2026-11-10']
		]);
		expect(visits.filter((v) => v.recordedForOfstedAt !== null)).toHaveLength(5);
	});

	it('adds nothing when loaded again', async () => {
		await seedDemo({ db: handle.db, today });
		const visits = await handle.db
			.select()
			.from(reg33Visits)
			.where(eq(reg33Visits.homeId, demoHomeIds.inglefield));
		expect(visits).toHaveLength(3);
	});
});
