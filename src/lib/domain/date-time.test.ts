import { describe, expect, it } from 'vitest';
import { readDateTime, typedTimeProblem } from './date-time';

const at = (value: string) => {
	const read = readDateTime(value);
	return read.ok ? read.at.toISOString() : read.problem;
};

describe('reading a date-time strictly', () => {
	it('reads a real date-time with Z, an offset, seconds and milliseconds', () => {
		expect(at('2027-02-28T10:00:00Z')).toBe('2027-02-28T10:00:00.000Z');
		expect(at('2027-02-28T10:00Z')).toBe('2027-02-28T10:00:00.000Z');
		expect(at('2027-02-28T10:00:00.5Z')).toBe('2027-02-28T10:00:00.500Z');
		expect(at('2027-07-01T10:00:00+01:00')).toBe('2027-07-01T09:00:00.000Z');
		expect(at('2027-07-01T10:00:00-05:30')).toBe('2027-07-01T15:30:00.000Z');
		expect(at('2028-02-29T23:59:59Z')).toBe('2028-02-29T23:59:59.000Z');
	});

	it('reads a time without a zone as UK time (GMT in winter, BST in summer)', () => {
		expect(at('2026-12-18T10:00')).toBe('2026-12-18T10:00:00.000Z');
		expect(at('2027-07-01T10:00:00')).toBe('2027-07-01T09:00:00.000Z');
	});

	it('refuses a day that does not exist, never moving it to the next month', () => {
		expect(at('2027-02-30T10:00:00Z')).toBe(
			'February 2027 has 28 days, so there is no 30 February: enter a real date.'
		);
		expect(at('2027-02-29T10:00:00Z')).toMatch(/no 29 February/);
		expect(at('2027-13-01T10:00:00Z')).toMatch(/no month 13/);
		expect(at('2027-04-00T10:00:00Z')).toMatch(/no day 0/);
		expect(at('1999-12-31T10:00:00Z')).toBe('Enter a year from 2000 to 2100.');
	});

	it('refuses an hour, minute or second that is not on a clock, never the next day', () => {
		expect(at('2027-02-11T24:00:00Z')).toBe('There is no hour 24: enter an hour from 00 to 23.');
		expect(at('2027-02-11T10:60Z')).toMatch(/no minute 60/);
		expect(at('2027-02-11T10:00:60Z')).toMatch(/no second 60/);
		expect(at('2027-02-11T10:00:00+15:00')).toMatch(/is not a time zone/);
	});

	it('refuses anything that is not written as a date-time', () => {
		for (const value of [
			'',
			'tomorrow',
			'2027-02-11',
			'2027-02-11 10:00',
			'2027-2-11T10:00Z',
			'2027-02-11T10:00:00ZZ',
			'1e12',
			'+2027-02-11T10:00Z'
		])
			expect(at(value)).toBe('Enter the date and time, for example 2026-12-03T10:00:00Z.');
		for (const value of [null, 1_800_000_000_000, undefined, {}])
			expect(readDateTime(value).ok).toBe(false);
	});
});

describe('a time typed into a form', () => {
	it('is HH:MM on a clock', () => {
		expect(typedTimeProblem('10:00')).toBeNull();
		expect(typedTimeProblem('00:00')).toBeNull();
		expect(typedTimeProblem('23:59')).toBeNull();
		expect(typedTimeProblem('24:00')).toBe('There is no hour 24: enter an hour from 00 to 23.');
		expect(typedTimeProblem('10:75')).toMatch(/no minute 75/);
		expect(typedTimeProblem('10')).toBe('Enter the time, for example 10:00.');
		expect(typedTimeProblem('9:00')).toBe('Enter the time, for example 10:00.');
	});
});
