import { describe, expect, it } from 'vitest';
import { addDays, dayOfWeek } from './calendar-date';
import {
	addWorkingDays,
	bankHolidayDates,
	holidaysKnownFor,
	holidaysKnownUntil,
	isBankHoliday,
	isWorkingDay,
	workingDayOnOrAfter,
	workingDayOnOrBefore,
	workingDaysBetween
} from './working-days';

describe('working days (England and Wales)', () => {
	it('counts 10 working days from Friday 18 December 2026 to Wednesday 6 January 2027', () => {
		// Skips the weekends, Christmas Day (Fri 25), the Boxing Day substitute (Mon 28) and New Year's Day (Fri 1).
		expect(addWorkingDays('2026-12-18', 10)).toBe('2027-01-06');
		expect(workingDaysBetween('2026-12-18', '2027-01-06')).toBe(10);
	});

	it('treats weekends and bank holidays (with substitute days) as non-working', () => {
		expect(isWorkingDay('2026-12-24')).toBe(true);
		expect(isWorkingDay('2026-12-25')).toBe(false); // Christmas Day
		expect(isWorkingDay('2026-12-26')).toBe(false); // Saturday
		expect(isWorkingDay('2026-12-28')).toBe(false); // Boxing Day substitute
		expect(isWorkingDay('2026-12-29')).toBe(true);
		expect(isWorkingDay('2027-01-01')).toBe(false);
		expect(isBankHoliday('2027-03-26')).toBe(true); // Good Friday 2027
		expect(isBankHoliday('2027-03-27')).toBe(false); // a Saturday, but not a bank holiday
	});

	it('steps over Easter', () => {
		expect(addWorkingDays('2027-03-25', 1)).toBe('2027-03-30');
		expect(addWorkingDays('2027-03-30', -1)).toBe('2027-03-25');
	});

	it('starts counting the day after, from any day of the week', () => {
		expect(addWorkingDays('2026-11-13', 1)).toBe('2026-11-16'); // Friday → Monday
		expect(addWorkingDays('2026-11-14', 1)).toBe('2026-11-16'); // Saturday → Monday
		expect(addWorkingDays('2026-11-14', 0)).toBe('2026-11-14');
		expect(addWorkingDays('2026-11-14', -1)).toBe('2026-11-13');
		expect(() => addWorkingDays('2026-11-14', 1.5)).toThrow(/whole number/);
		expect(() => addWorkingDays('14/11/2026', 1)).toThrow(/Not a calendar date/);
	});

	it('counts back what addWorkingDays adds, and is antisymmetric', () => {
		for (let start = '2026-12-01'; start < '2027-01-20'; start = addDays(start, 1)) {
			for (const n of [0, 1, 2, 5, 10, 15, 20]) {
				const end = addWorkingDays(start, n);
				expect(isWorkingDay(end) || n === 0).toBe(true);
				expect(workingDaysBetween(start, end)).toBe(n);
				expect(workingDaysBetween(end, start)).toBe(-n || 0); // -0 is not 0 to toBe
			}
		}
	});

	it('moves a non-working day to the working day before or after', () => {
		expect(workingDayOnOrBefore('2026-12-28')).toBe('2026-12-24');
		expect(workingDayOnOrAfter('2026-12-25')).toBe('2026-12-29');
		expect(workingDayOnOrBefore('2026-12-29')).toBe('2026-12-29');
	});

	it('holds a clean holiday list: sorted, every date a weekday, eight a year', () => {
		expect([...bankHolidayDates].sort()).toEqual(bankHolidayDates);
		for (const date of bankHolidayDates) expect([0, 6]).not.toContain(dayOfWeek(date));
		const perYear = new Map<string, number>();
		for (const date of bankHolidayDates)
			perYear.set(date.slice(0, 4), (perYear.get(date.slice(0, 4)) ?? 0) + 1);
		for (const count of perYear.values()) expect(count).toBe(8);
	});

	it('treats years beyond the list as having no bank holidays, and says so', () => {
		expect(holidaysKnownUntil).toBe('2028-12-31');
		expect(holidaysKnownFor('2028-12-26')).toBe(true);
		expect(holidaysKnownFor('2029-01-01')).toBe(false);
		expect(holidaysKnownFor('2023-06-01')).toBe(false);
		expect(isWorkingDay('2029-12-25')).toBe(true); // a Tuesday; unknown, so counted as working
	});
});
