import { describe, expect, it } from 'vitest';
import { ageOn, dueFromEvent, earliestDue, lateDateMessage, nextDueMeetings } from './child-clocks';

describe('the meetings an event makes due', () => {
	it('a strategy discussion: the initial conference within 15 working days, over two weekends', () => {
		expect(dueFromEvent({ kind: 'strategy-discussion', date: '2026-11-12' })).toEqual([
			{ kind: 'initial-conference', dueBy: '2026-12-03', projected: false }
		]);
	});

	it('skips Christmas, the Boxing Day substitute and New Year', () => {
		// Friday 11 December 2026: 25 and 28 December and 1 January are bank holidays.
		expect(dueFromEvent({ kind: 'strategy-discussion', date: '2026-12-11' })[0].dueBy).toBe(
			'2027-01-06'
		);
	});

	it('coming into care: first review in 20 working days over Christmas, then 3 months, then 6', () => {
		expect(dueFromEvent({ kind: 'came-into-care', date: '2026-12-07' })).toEqual([
			{ kind: 'cic-review', dueBy: '2027-01-07', projected: false },
			{ kind: 'cic-review', dueBy: '2027-04-07', projected: true },
			{ kind: 'cic-review', dueBy: '2027-10-07', projected: true }
		]);
	});

	it('a plan starting before Easter: core group skips Good Friday and Easter Monday; reviews fall back off weekends', () => {
		// Good Friday 26 March, Easter Monday 29 March 2027.
		expect(dueFromEvent({ kind: 'plan-started', date: '2027-03-19' })).toEqual([
			{ kind: 'core-group', dueBy: '2027-04-06', projected: false },
			// 19 June 2027 is a Saturday: the Friday before.
			{ kind: 'review-conference', dueBy: '2027-06-18', projected: false },
			// 18 December 2027 is a Saturday too.
			{ kind: 'review-conference', dueBy: '2027-12-17', projected: true }
		]);
	});
});

describe("a child's next due meetings", () => {
	it('counts from the latest strategy discussion and stops once the conference is held', () => {
		const events = [
			{ kind: 'strategy-discussion', date: '2026-10-01' },
			{ kind: 'strategy-discussion', date: '2026-11-12' }
		] as const;
		expect(nextDueMeetings({ events, held: [] })).toEqual({ 'initial-conference': '2026-12-03' });
		expect(
			nextDueMeetings({ events, held: [{ kind: 'initial-conference', date: '2026-10-20' }] })
		).toEqual({ 'initial-conference': '2026-12-03' });
		expect(
			nextDueMeetings({ events, held: [{ kind: 'initial-conference', date: '2026-12-01' }] })
		).toEqual({});
	});

	it('counts each review of a child in care from the one before', () => {
		const events = [{ kind: 'came-into-care', date: '2026-12-07' }] as const;
		expect(nextDueMeetings({ events, held: [] })['cic-review']).toBe('2027-01-07');
		const first = { kind: 'cic-review', date: '2027-01-05' } as const;
		expect(nextDueMeetings({ events, held: [first] })['cic-review']).toBe('2027-04-05');
		const second = { kind: 'cic-review', date: '2027-03-30' } as const;
		// 30 September 2027 is a Thursday.
		expect(nextDueMeetings({ events, held: [first, second] })['cic-review']).toBe('2027-09-30');
	});

	it('a plan: the core group until one is held, the review conference every 6 months after the first', () => {
		const events = [{ kind: 'plan-started', date: '2027-03-19' }] as const;
		expect(nextDueMeetings({ events, held: [] })).toEqual({
			'core-group': '2027-04-06',
			'review-conference': '2027-06-18'
		});
		expect(
			nextDueMeetings({
				events,
				held: [
					{ kind: 'core-group', date: '2027-03-30' },
					{ kind: 'review-conference', date: '2027-06-14' }
				]
			})
		).toEqual({ 'review-conference': '2027-12-14' });
	});

	it('a plan that has ended makes nothing due; a new plan after it starts the clocks again', () => {
		const started = { kind: 'plan-started', date: '2027-03-19' } as const;
		const ended = { kind: 'plan-ended', date: '2027-06-14' } as const;
		expect(nextDueMeetings({ events: [started, ended], held: [] })).toEqual({});
		expect(dueFromEvent(ended)).toEqual([]);
		const again = { kind: 'plan-started', date: '2027-09-06' } as const;
		expect(nextDueMeetings({ events: [started, ended, again], held: [] })).toEqual({
			'core-group': '2027-09-20',
			'review-conference': '2027-12-06'
		});
	});

	it("a sibling group's meeting is due by the earliest child's date", () => {
		expect(earliestDue(['2027-01-07', undefined, '2026-12-03'])).toBe('2026-12-03');
		expect(earliestDue([undefined])).toBeNull();
	});

	it('says the due date in words when a later date has no reason', () => {
		expect(lateDateMessage('initial-conference', '2026-12-03')).toBe(
			'The initial conference is due by Thursday 3 December 2026; give a reason for a later date.'
		);
	});
});

describe("a child's age on the meeting's date", () => {
	it('counts the birthday itself', () => {
		expect(ageOn('2018-03-05', '2026-03-04')).toBe(7);
		expect(ageOn('2018-03-05', '2026-03-05')).toBe(8);
		expect(ageOn('2018-03-05', '2026-12-31')).toBe(8);
	});

	it('a leap-day birthday comes on 1 March in other years', () => {
		expect(ageOn('2016-02-29', '2025-02-28')).toBe(8);
		expect(ageOn('2016-02-29', '2025-03-01')).toBe(9);
		expect(ageOn('2016-02-29', '2024-02-29')).toBe(8);
	});

	it('is unknown without a date of birth or before the child was born', () => {
		expect(ageOn(null, '2026-03-05')).toBeNull();
		expect(ageOn('2027-01-01', '2026-03-05')).toBeNull();
		expect(ageOn('2026-03-05', '2026-03-05')).toBe(0);
	});
});
