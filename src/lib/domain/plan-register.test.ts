import { describe, expect, it } from 'vitest';
import { planClockEvents, planRegister, runsOn, type PlanPeriod } from './plan-register';

const plan = (p: Partial<PlanPeriod> & Pick<PlanPeriod, 'startedOn'>): PlanPeriod => ({
	id: p.startedOn,
	category: 'neglect',
	endedOn: null,
	endReason: null,
	...p
});

describe('the plan register', () => {
	it('a new plan: first review within three months (falling back off a weekend), no core group yet', () => {
		const [entry] = planRegister({ plans: [plan({ startedOn: '2026-09-19' })], held: [] });
		// 19 December 2026 is a Saturday: the Friday before.
		expect(entry.nextReviewBy).toBe('2026-12-18');
		expect(entry.coreGroupsHeld).toEqual([]);
	});

	it('after a review the next is at most six months from it; core groups within the plan are listed', () => {
		const [entry] = planRegister({
			plans: [plan({ startedOn: '2026-06-01' })],
			held: [
				{ kind: 'core-group', date: '2026-06-12' },
				{ kind: 'review-conference', date: '2026-08-27' },
				{ kind: 'core-group', date: '2026-09-10' },
				{ kind: 'core-group', date: '2026-05-01' }, // before the plan: not its own
				{ kind: 'cic-review', date: '2026-07-01' }
			]
		});
		expect(entry.nextReviewBy).toBe('2027-02-26');
		expect(entry.reviewsHeld).toEqual(['2026-08-27']);
		expect(entry.coreGroupsHeld).toEqual(['2026-06-12', '2026-09-10']);
	});

	it('an ended plan has no review due; plans are listed newest first', () => {
		const entries = planRegister({
			plans: [
				plan({ startedOn: '2025-01-06', endedOn: '2025-07-01', endReason: 'Safe enough' }),
				plan({ startedOn: '2026-03-02' })
			],
			held: [{ kind: 'review-conference', date: '2025-07-01' }]
		});
		expect(entries.map((e) => [e.startedOn, e.nextReviewBy])).toEqual([
			['2026-03-02', '2026-06-02'],
			['2025-01-06', null]
		]);
		// The review that ended the plan is held on its last day, not within it.
		expect(entries[1].reviewsHeld).toEqual([]);
	});

	it('a plan runs from its start up to the day before its end, and makes the clocks’ events', () => {
		const p = plan({ startedOn: '2026-01-05', endedOn: '2026-04-01' });
		expect([runsOn(p, '2026-01-04'), runsOn(p, '2026-01-05'), runsOn(p, '2026-04-01')]).toEqual([
			false,
			true,
			false
		]);
		expect(planClockEvents([p])).toEqual([
			{ kind: 'plan-started', date: '2026-01-05' },
			{ kind: 'plan-ended', date: '2026-04-01' }
		]);
	});
});
