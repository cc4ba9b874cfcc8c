import { describe, expect, it } from 'vitest';
import { addDays, addMonths } from './calendar-date';
import {
	decisionLetterDue,
	dueDate,
	firstCicReviewDue,
	firstCoreGroupDue,
	firstReviewConferenceDue,
	icpcDue,
	isWithinTimescale,
	laterCicReviewDue,
	nextReviewConferenceDue,
	notesDueDate,
	secondCicReviewDue,
	timescales
} from './timescales';
import { isWorkingDay } from './working-days';

describe('timescales', () => {
	it('first core group: 10 working days after the initial conference', () => {
		expect(firstCoreGroupDue('2026-12-18')).toBe('2027-01-06');
	});

	it('initial conference: 15 working days after the strategy discussion', () => {
		expect(icpcDue('2026-12-18')).toBe('2027-01-13');
	});

	it("chair's decision letter: 1 working day, over Christmas", () => {
		expect(decisionLetterDue('2026-12-24')).toBe('2026-12-29');
		expect(decisionLetterDue('2026-11-13')).toBe('2026-11-16');
	});

	it('notes: 15 working days', () => {
		expect(notesDueDate('2026-12-18')).toBe('2027-01-13');
		expect(notesDueDate('2026-11-02')).toBe('2026-11-23');
	});

	it('first CIC review: 20 working days after becoming looked after', () => {
		expect(firstCicReviewDue('2026-12-10')).toBe('2027-01-12');
	});

	it('month timescales keep the day of the month when it is a working day', () => {
		expect(firstReviewConferenceDue('2026-12-18')).toBe('2027-03-18');
		expect(nextReviewConferenceDue('2027-03-18')).toBe('2027-09-17'); // 18 Sep 2027 is a Saturday
		expect(secondCicReviewDue('2027-11-30')).toBe('2028-02-29');
	});

	it('a month timescale landing on a weekend moves to the previous working day, never later', () => {
		expect(firstReviewConferenceDue('2027-03-19')).toBe('2027-06-18'); // 19 June 2027 is a Saturday
	});

	it('a month timescale landing on a bank holiday moves to the previous working day', () => {
		expect(nextReviewConferenceDue('2026-11-30')).toBe('2027-05-28'); // 31 May 2027 is a bank holiday
	});

	it('month timescales clamp to the end of a short month first', () => {
		// 31 Aug + 6 months = 28 Feb 2027, a Sunday → Friday 26 February.
		expect(laterCicReviewDue('2026-08-31')).toBe('2027-02-26');
		expect(secondCicReviewDue('2026-11-30')).toBe('2027-02-26');
	});

	it('every due date is a working day and never after the plain calendar date', () => {
		for (let from = '2026-01-01'; from < '2028-06-30'; from = addDays(from, 3)) {
			for (const [name, rule] of Object.entries(timescales)) {
				const due = dueDate(rule.span, from);
				expect(isWorkingDay(due), `${name} from ${from}`).toBe(true);
				expect(due > from, `${name} from ${from}`).toBe(true);
				if ('months' in rule.span) expect(due <= addMonths(from, rule.span.months)).toBe(true);
			}
		}
	});

	it('says whether something was done within its timescale', () => {
		expect(isWithinTimescale('2027-01-13', '2027-01-13')).toBe(true);
		expect(isWithinTimescale('2027-01-13', '2027-01-12')).toBe(true);
		expect(isWithinTimescale('2027-01-13', '2027-01-14')).toBe(false);
	});
});
