/**
 * Calendar dates as 'YYYY-MM-DD' strings. A due date is a day on a calendar, not an instant:
 * keeping it a string (and doing arithmetic on UTC day numbers) means no time zone or
 * daylight-saving change can move it by a day. ISO strings also sort and compare correctly.
 */

/** A calendar date written 'YYYY-MM-DD', e.g. '2027-01-06'. */
export type CalendarDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

type Parts = { year: number; month: number; day: number };

function parts(date: CalendarDate): Parts | null {
	const match = ISO_DATE.exec(date);
	if (!match) return null;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	// There is no year 0000 (1 BC is followed by AD 1).
	if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return { year, month, day };
}

/**
 * Milliseconds since the epoch of a UTC day. Date.UTC reads years 0–99 as 1900–1999, so the
 * year is set on its own: 0050-01-01 stays in AD 50.
 */
function utcDay(year: number, monthIndex: number, day: number): number {
	const d = new Date(0);
	d.setUTCFullYear(year, monthIndex, day);
	return d.getTime();
}

function daysInMonth(year: number, month: number): number {
	// Day 0 of the next month is the last day of this one.
	return new Date(utcDay(year, month, 0)).getUTCDate();
}

function pad(n: number, width: number): string {
	return String(n).padStart(width, '0');
}

function fromParts({ year, month, day }: Parts): CalendarDate {
	return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** True when the value is a real calendar date written 'YYYY-MM-DD' (so '2026-02-30' is not). */
export function isCalendarDate(value: unknown): value is CalendarDate {
	return typeof value === 'string' && parts(value) !== null;
}

/** The years a date typed into a form may fall in: anything else is a slip of the keyboard. */
export const EARLIEST_TYPED_YEAR = 2000;
export const LATEST_TYPED_YEAR = 2100;

/** A year out of the range people schedule in, in words; null when it is in range. */
export function typedYearProblem(
	year: number,
	years: { earliest: number; latest: number } = {
		earliest: EARLIEST_TYPED_YEAR,
		latest: LATEST_TYPED_YEAR
	}
): string | null {
	return Number.isInteger(year) && year >= years.earliest && year <= years.latest
		? null
		: `Enter a year from ${years.earliest} to ${years.latest}.`;
}

/**
 * What is wrong with a date a person typed (written 'YYYY-MM-DD', as date inputs send it), in
 * words they can act on; null when it is a real date from 2000 to 2100. A date that does not
 * exist is refused, never moved: 30 February is not 2 March, month 13 is not next January.
 */
export function typedDateProblem(
	value: string,
	years: { earliest: number; latest: number } = {
		earliest: EARLIEST_TYPED_YEAR,
		latest: LATEST_TYPED_YEAR
	}
): string | null {
	const match = ISO_DATE.exec(value.trim());
	if (!match) return 'Enter the date, for example 18/12/2026.';
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const yearProblem = typedYearProblem(year, years);
	if (yearProblem) return yearProblem;
	if (month < 1 || month > 12) return `There is no month ${month}: enter a month from 1 to 12.`;
	const days = daysInMonth(year, month);
	if (day < 1 || day > days) {
		return day < 1
			? 'There is no day 0: enter a day from 1.'
			: `${MONTHS[month - 1]} ${year} has ${days} days, so there is no ${day} ${MONTHS[month - 1]}: enter a real date.`;
	}
	return null;
}

/** Returns the date unchanged, or throws an error naming the bad value. */
export function assertCalendarDate(value: unknown): CalendarDate {
	validParts(value);
	return value as CalendarDate;
}

function validParts(value: unknown): Parts {
	const p = typeof value === 'string' ? parts(value) : null;
	if (!p)
		throw new RangeError(`Not a calendar date: ${JSON.stringify(value)} (expected YYYY-MM-DD)`);
	return p;
}

/** Days since 1970-01-01, for arithmetic that cannot be moved by a time zone. */
export function toDayNumber(date: CalendarDate): number {
	const { year, month, day } = validParts(date);
	return utcDay(year, month - 1, day) / MS_PER_DAY;
}

/** The calendar date of a day number (inverse of toDayNumber). */
export function fromDayNumber(dayNumber: number): CalendarDate {
	const d = new Date(dayNumber * MS_PER_DAY);
	return fromParts({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: CalendarDate): number {
	// 1970-01-01 was a Thursday (4).
	return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

/** The date n calendar days later (n may be negative). */
export function addDays(date: CalendarDate, n: number): CalendarDate {
	return fromDayNumber(toDayNumber(date) + n);
}

/**
 * The date n calendar months later (n may be negative). A day that does not exist in the
 * target month is clamped to its last day: 31 January + 1 month = 28 (or 29) February.
 */
export function addMonths(date: CalendarDate, n: number): CalendarDate {
	const p = validParts(date);
	const monthIndex = p.year * 12 + (p.month - 1) + n;
	const year = Math.floor(monthIndex / 12);
	const month = monthIndex - year * 12 + 1;
	return fromParts({ year, month, day: Math.min(p.day, daysInMonth(year, month)) });
}

/** Negative, zero or positive as a is before, the same as or after b. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
	return toDayNumber(a) - toDayNumber(b);
}

/** One formatter per time zone: making one costs about a millisecond, using it microseconds. */
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar date an instant falls on in a time zone (England by default), so a meeting
 * stored as a timestamp at 23:30 UTC in summer is dated the next day, as people in the room see it.
 */
export function calendarDateOf(instant: Date, timeZone = 'Europe/London'): CalendarDate {
	let format = dayFormats.get(timeZone);
	if (!format) {
		// en-CA formats dates as YYYY-MM-DD.
		format = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		});
		dayFormats.set(timeZone, format);
	}
	return format.format(instant);
}

/** Today's date in the given time zone (London by default). */
export function todayIn(timeZone = 'Europe/London'): CalendarDate {
	return calendarDateOf(new Date(), timeZone);
}

/** The date in words, as a family reads it: 'Wednesday 6 January 2027'. */
export function formatCalendarDate(date: CalendarDate): string {
	const p = validParts(date);
	return `${WEEKDAYS[dayOfWeek(date)]} ${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}
