/**
 * The demo's generated year (server/seed/year.ts): about 1,500 ended meetings and 10,000
 * participants for the demo unit, the same year every time for the same day, believable in
 * the figures (notes late around Christmas, a child in care review that slipped a day), and
 * seeding it again adds nothing. The demo's own meetings are untouched: the year is only loaded
 * when asked for (`npm run demo`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { meetings, meetingParticipants } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../server/seed/demo';
import { seedYear } from '../../server/seed/year';
import { demoIds } from '../../server/seed/demo-ids';
import { oversightFigures, type OversightFigures } from '../../src/lib/server/oversight/figures';
import { createTestDatabase } from '../factories';

let handle: DatabaseHandle;
let demoMeetings: number;
let loaded: Awaited<ReturnType<typeof seedYear>>;
let figures: OversightFigures;
const today = new Date('2026-11-26T09:00:00Z');

beforeAll(async () => {
	handle = await createTestDatabase();
	await seedDemo({ db: handle.db, today });
	[{ n: demoMeetings }] = await handle.db.select({ n: count() }).from(meetings);
	loaded = await seedYear({ db: handle.db, today });
	figures = await oversightFigures({
		db: handle.db,
		unitId: demoIds.unit,
		from: '2025-11-26',
		to: '2026-11-25',
		asOf: '2026-11-26'
	});
}, 120_000);
afterAll(async () => {
	await handle?.close();
});

describe('the generated year', () => {
	it('is about 1,500 ended meetings and 10,000 participants, the same for the same day', async () => {
		expect(loaded).toMatchObject({ meetings: 1511, participants: 9820, children: 637 });
		const [{ n }] = await handle.db.select({ n: count() }).from(meetings);
		expect(n - demoMeetings).toBe(1511 + loaded!.earlierReviews);
		const [{ people }] = await handle.db
			.select({ people: count() })
			.from(meetingParticipants)
			.innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
			.where(eq(meetings.status, 'ended'));
		expect(people).toBeGreaterThanOrEqual(9820);
	});

	it('is believable: notes late mostly around Christmas, one review slipped by a day, caseloads near the limit', () => {
		const late = figures.notesOnTime.late.filter((l) => l.done);
		// The months with the most late notes are those whose notes fell due over Christmas.
		const byMonth = new Map<string, number>();
		for (const l of late)
			byMonth.set(l.dueBy.slice(5, 7), (byMonth.get(l.dueBy.slice(5, 7)) ?? 0) + 1);
		const [worst] = [...byMonth].sort((a, b) => b[1] - a[1]);
		expect(['12', '01']).toContain(worst[0]);
		expect(figures.cicReviews.late.some((r) => r.daysLate === 1)).toBe(true);
		expect(figures.meetingsHeld.reduce((sum, m) => sum + m.count, 0)).toBeGreaterThan(1400);
		expect(figures.caseloads.some((c) => c.count > c.limit)).toBe(true);
	});

	it('is loaded once: a second run adds nothing', async () => {
		expect(await seedYear({ db: handle.db, today })).toBeNull();
	});
});
