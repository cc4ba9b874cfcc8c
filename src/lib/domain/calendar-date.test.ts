import { afterEach, describe, expect, it } from 'vitest';
import {
	addDays,
	addMonths,
	assertCalendarDate,
	calendarDateOf,
	compareDates,
	dayOfWeek,
	formatCalendarDate,
	isCalendarDate
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
