import { afterEach, describe, expect, it } from 'vitest';
import {
	addDays,
	addMonths,
	assertCalendarDate,
	calendarDateOf,
	compareDates,
	dayOfWeek,
	formatCalendarDate,
	isCalendarDate,
	toDayNumber,
	typedDateProblem
} from './calendar-date';

describe('calendar dates', () => {
	const originalTz = process.env.TZ;
	afterEach(() => {
		process.env.TZ = originalTz;
	});

	it('accepts only real dates written YYYY-MM-DD', () => {
		expect(isCalendarDate('2026-12-18')).toBe(true);
		expect(isCalendarDate('2028-02-29')).toBe(true);
		expect(isCalendarDate('2027-02-29')).toBe(false);
		expect(isCalendarDate('2026-02-30')).toBe(false);
		expect(isCalendarDate('2026-13-01')).toBe(false);
		expect(isCalendarDate('2026-1-5')).toBe(false);
		expect(isCalendarDate('18/12/2026')).toBe(false);
		expect(isCalendarDate(null)).toBe(false);
		expect(() => assertCalendarDate('2026-02-30')).toThrow(/Not a calendar date: "2026-02-30"/);
	});

	it('has no year 0000 and does not move years 1 to 99 into the 1900s', () => {
		expect(isCalendarDate('0000-01-01')).toBe(false);
		expect(isCalendarDate('0000-02-29')).toBe(false);
		expect(() => assertCalendarDate('0000-01-01')).toThrow(/Not a calendar date/);
		expect(isCalendarDate('0004-02-29')).toBe(true); // AD 4 was a leap year; 1904 was too, 1900 was not
		expect(isCalendarDate('0100-02-29')).toBe(false);
		expect(toDayNumber('0050-01-01')).toBeLessThan(toDayNumber('1900-01-01'));
		expect(formatCalendarDate('0050-01-01')).toMatch(/ 1 January 50$/);
		expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
	});

	it('refuses a typed date that does not exist or is out of range, and says why', () => {
		expect(typedDateProblem('2026-12-18')).toBeNull();
		expect(typedDateProblem('2028-02-29')).toBeNull();
		expect(typedDateProblem('2000-01-01')).toBeNull();
		expect(typedDateProblem('2100-12-31')).toBeNull();
		expect(typedDateProblem('2026-02-30')).toBe(
			'February 2026 has 28 days, so there is no 30 February: enter a real date.'
		);
		expect(typedDateProblem('2027-02-29')).toBe(
			'February 2027 has 28 days, so there is no 29 February: enter a real date.'
		);
		expect(typedDateProblem('2026-04-31')).toBe(
			'April 2026 has 30 days, so there is no 31 April: enter a real date.'
		);
		expect(typedDateProblem('2026-01-00')).toBe('There is no day 0: enter a day from 1.');
		expect(typedDateProblem('2026-13-01')).toBe(
			'There is no month 13: enter a month from 1 to 12.'
		);
		expect(typedDateProblem('2026-00-10')).toBe('There is no month 0: enter a month from 1 to 12.');
		expect(typedDateProblem('0000-01-01')).toBe('Enter a year from 2000 to 2100.');
		expect(typedDateProblem('1999-12-31')).toBe('Enter a year from 2000 to 2100.');
		expect(typedDateProblem('2101-01-01')).toBe('Enter a year from 2000 to 2100.');
		expect(typedDateProblem('18/12/2026')).toBe('Enter the date, for example 18/12/2026.');
		expect(typedDateProblem('')).toBe('Enter the date, for example 18/12/2026.');
		expect(typedDateProblem('+02026-01-01')).toBe('Enter the date, for example 18/12/2026.');
	});

	it('knows the day of the week', () => {
		expect(dayOfWeek('2026-12-18')).toBe(5); // Friday
		expect(dayOfWeek('2027-01-06')).toBe(3); // Wednesday
		expect(dayOfWeek('1969-12-31')).toBe(3); // before the epoch too
	});

	it('adds days across month, year and clock-change boundaries', () => {
		expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
		expect(addDays('2026-03-28', 2)).toBe('2026-03-30'); // clocks go forward on 29 March 2026
		expect(addDays('2026-10-24', 2)).toBe('2026-10-26'); // and back on 25 October
		expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
	});

	it('clamps month arithmetic to the end of the month', () => {
		expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
		expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
		expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
		expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
		expect(addMonths('2026-12-18', 3)).toBe('2027-03-18');
		expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
		expect(addMonths('2026-01-15', -1)).toBe('2025-12-15');
		expect(addMonths('2026-05-10', 24)).toBe('2028-05-10');
	});

	it('gives the same answers whatever the machine time zone is', () => {
		const answers = () => [
			addDays('2026-03-28', 1),
			addMonths('2026-10-31', 1),
			dayOfWeek('2026-03-29'),
			formatCalendarDate('2026-10-25')
		];
		process.env.TZ = 'UTC';
		const utc = answers();
		for (const tz of ['Europe/London', 'America/Los_Angeles', 'Pacific/Kiritimati']) {
			process.env.TZ = tz;
			expect(answers()).toEqual(utc);
		}
	});

	it('dates an instant as people in England see it', () => {
		expect(calendarDateOf(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02'); // BST
		expect(calendarDateOf(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01'); // GMT
		expect(calendarDateOf(new Date('2026-07-01T23:30:00Z'), 'UTC')).toBe('2026-07-01');
	});

	it('compares and formats dates', () => {
		expect(compareDates('2026-12-18', '2027-01-06')).toBeLessThan(0);
		expect(compareDates('2027-01-06', '2027-01-06')).toBe(0);
		expect(formatCalendarDate('2027-01-06')).toBe('Wednesday 6 January 2027');
	});
});
