/**
 * The demo's generated year (server/seed/year.ts), as a quarter-size slice (a smaller unit with
 * the same pressures, so the test takes seconds and not the 40 the full year does on PGlite
 * twice over in CI): the same year every time for the same day, believable in the figures
 * (notes late around Christmas, a child in care review that slipped a day, chairs over their
 * limit, plans started at initial conferences and ended at reviews), and seeding it again adds
 * nothing. The full year (about 1,500 meetings and 10,000 participants) is loaded once in CI,
 * on PostgreSQL, and timed by bench/oversight.ts. The demo's own meetings are untouched: the
 * year is only loaded when asked for (`npm run demo`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { meetings, meetingParticipants } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../server/seed/demo';
import { seedYear } from '../../server/seed/year';
import { demoIds } from '../../server/seed/demo-ids';
import { oversightFigures } from '../../src/lib/server/oversight/figures';
import type { OversightFigures } from '../../src/lib/oversight/figures-model';
import { meetingKinds } from '../../src/lib/domain';
import { createTestDatabase } from '../factories';

const today = new Date('2026-11-26T09:00:00Z');
const period = { from: '2025-11-26', to: '2026-11-25', asOf: '2026-11-26' } as const;

/** The demo, then the year at this scale; the figures for its twelve months. */
async function load(scale: number) {
	const handle = await createTestDatabase();
	await seedDemo({ db: handle.db, today });
	const [{ n: demoMeetings }] = await handle.db.select({ n: count() }).from(meetings);
	const loaded = await seedYear({ db: handle.db, today, scale });
	const figures = await oversightFigures({ db: handle.db, unitId: demoIds.unit, ...period });
	return { handle, demoMeetings, loaded: loaded!, figures };
}

/** What makes the year believable, at any scale. */
function expectBelievable(figures: OversightFigures) {
	const late = figures.notesOnTime.late.filter((l) => l.done);
	// The months with the most late notes are those whose notes fell due over Christmas.
	const byMonth = new Map<string, number>();
	for (const l of late)
		byMonth.set(l.dueBy.slice(5, 7), (byMonth.get(l.dueBy.slice(5, 7)) ?? 0) + 1);
	const [worst] = [...byMonth].sort((a, b) => b[1] - a[1]);
	expect(['12', '01']).toContain(worst[0]);
	expect(figures.cicReviews.late.some((r) => r.daysLate === 1)).toBe(true);
	expect(figures.caseloads.some((c) => c.count > c.limit)).toBe(true);
	// Plans start and end through the year; children stay subject to one from month to month.
	const started = figures.plans.reduce((sum, p) => sum + p.started, 0);
	const ended = figures.plans.reduce((sum, p) => sum + p.ended, 0);
	expect(started).toBeGreaterThan(0);
	expect(ended).toBeGreaterThan(0);
	for (const [i, p] of figures.plans.entries()) {
		if (i === 0) continue;
		// Each month's end: last month's children, plus new plans, less ended ones.
		expect(p.subject).toBe(figures.plans[i - 1].subject + p.started - p.ended);
	}
}

describe('a quarter of the generated year', () => {
	let year: Awaited<ReturnType<typeof load>>;
	beforeAll(async () => {
		year = await load(0.25);
	}, 60_000);
	afterAll(async () => {
		await year?.handle.close();
	});

	it('is the same slice for the same day, each meeting ended with its people', async () => {
		const { handle, demoMeetings, loaded } = year;
		expect(loaded).toMatchObject({ meetings: 376, participants: 2438, children: 164 });
		const [{ n }] = await handle.db.select({ n: count() }).from(meetings);
		expect(n - demoMeetings).toBe(loaded.meetings + loaded.earlierReviews);
		const [{ people }] = await handle.db
			.select({ people: count() })
			.from(meetingParticipants)
			.innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
			.where(eq(meetings.status, 'ended'));
		expect(people).toBeGreaterThanOrEqual(loaded.participants);
	});

	it('is believable: notes late mostly around Christmas, a review slipped by a day, chairs over their limit, plans that start and end', () => {
		const { figures } = year;
		expect(figures.meetingsHeld.reduce((sum, m) => sum + m.count, 0)).toBeGreaterThan(300);
		expectBelievable(figures);
	});

	it('counts every kind of meeting held, Life Appreciation Days and disruption meetings too (issue 21)', () => {
		const held = new Map(year.figures.meetingsHeld.map((m) => [m.kind, m.count]));
		expect(held.get('life-appreciation-day')).toBeGreaterThan(0);
		expect(held.get('disruption-meeting')).toBeGreaterThan(0);
		expect([...held.keys()].sort()).toEqual([...meetingKinds].sort());
	});

	it('is loaded once: a second run adds nothing', async () => {
		expect(await seedYear({ db: year.handle.db, today, scale: 0.25 })).toBeNull();
	});
});

// The whole year, once in CI (on PostgreSQL, where it loads in a few seconds).
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))('the whole generated year', () => {
	it('is about 1,500 ended meetings and 10,000 participants, believable', async () => {
		const year = await load(1);
		try {
			expect(year.loaded).toMatchObject({ meetings: 1527, participants: 9893, children: 637 });
			expect(year.figures.meetingsHeld.reduce((sum, m) => sum + m.count, 0)).toBeGreaterThan(1400);
			expectBelievable(year.figures);
		} finally {
			await year.handle.close();
		}
	}, 120_000);
});
