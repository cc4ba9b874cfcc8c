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
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
	return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
	// Day 0 of the next month is the last day of this one.
	return new Date(Date.UTC(year, month, 0)).getUTCDate();
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

/** Returns the date unchanged, or throws an error naming the bad value. */
export function assertCalendarDate(value: unknown): CalendarDate {
	validParts(value);
	return value as CalendarDate;
}

function validParts(value: unknown): Parts {
	const p = typeof value === 'string' ? parts(value) : null;
	if (!p) throw new RangeError(`Not a calendar date: ${JSON.stringify(value)} (expected YYYY-MM-DD)`);
	return p;
}

/** Days since 1970-01-01, for arithmetic that cannot be moved by a time zone. */
export function toDayNumber(date: CalendarDate): number {
	const { year, month, day } = validParts(date);
	return Date.UTC(year, month - 1, day) / MS_PER_DAY;
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

/**
 * The calendar date an instant falls on in a time zone (England by default), so a meeting
 * stored as a timestamp at 23:30 UTC in summer is dated the next day, as people in the room see it.
 */
export function calendarDateOf(instant: Date, timeZone = 'Europe/London'): CalendarDate {
	// en-CA formats dates as YYYY-MM-DD.
	return new Intl.DateTimeFormat('en-CA', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(instant);
}

/** The date in words, as a family reads it: 'Wednesday 6 January 2027'. */
export function formatCalendarDate(date: CalendarDate): string {
	const p = validParts(date);
	return `${WEEKDAYS[dayOfWeek(date)]} ${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
}
