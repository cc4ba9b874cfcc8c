/**
 * Working days: Monday to Friday, except England and Wales bank holidays. Statutory
 * timescales (first core group, notes, CIC reviews) are counted in these.
 */
import bankHolidays from './bank-holidays.json' with { type: 'json' };
import {
	addDays,
	assertCalendarDate,
	dayOfWeek,
	isCalendarDate,
	type CalendarDate
} from './calendar-date';

const holidays: ReadonlySet<CalendarDate> = new Set(bankHolidays.dates);

// Fail at load, not in a due date months later, if someone mistypes a date when extending the list.
for (const date of bankHolidays.dates) {
	if (!isCalendarDate(date)) throw new Error(`bank-holidays.json holds a bad date: ${date}`);
}

/** Every known England and Wales bank holiday, in order (substitute days already applied). */
export const bankHolidayDates: readonly CalendarDate[] = [...bankHolidays.dates].sort();

/**
 * The last date bank holidays are known for (31 December of the last year listed). Later
 * dates are counted as if they had no bank holidays, so a screen can warn that a far-off
 * date may need checking; extend bank-holidays.json as years are announced.
 */
export const holidaysKnownUntil: CalendarDate = `${bankHolidayDates.at(-1)!.slice(0, 4)}-12-31`;

/** True when the bank holidays for this date's year are in the list. */
export function holidaysKnownFor(date: CalendarDate): boolean {
	const year = assertCalendarDate(date).slice(0, 4);
	return year >= bankHolidayDates[0].slice(0, 4) && date <= holidaysKnownUntil;
}

/** True for an England and Wales bank holiday. */
export function isBankHoliday(date: CalendarDate): boolean {
	return holidays.has(assertCalendarDate(date));
}

/** True for Saturday and Sunday. */
export function isWeekend(date: CalendarDate): boolean {
	const day = dayOfWeek(date);
	return day === 0 || day === 6;
}

/** True for a weekday that is not a bank holiday. */
export function isWorkingDay(date: CalendarDate): boolean {
	return !isWeekend(date) && !isBankHoliday(date);
}

/**
 * The date n working days after `date` (before it for negative n). Counting starts the day
 * after, so 10 working days from Friday 18 December 2026 is Wednesday 6 January 2027.
 * With n = 0 the date itself is returned, working day or not.
 */
export function addWorkingDays(date: CalendarDate, n: number): CalendarDate {
	if (!Number.isInteger(n)) throw new RangeError(`Working days must be a whole number, not ${n}`);
	const step = n < 0 ? -1 : 1;
	let current = assertCalendarDate(date);
	for (let left = Math.abs(n); left > 0;) {
		current = addDays(current, step);
		if (isWorkingDay(current)) left--;
	}
	return current;
}

/**
 * How many working days from a to b: the working days after a up to and including b, so
 * workingDaysBetween(a, addWorkingDays(a, n)) === n. Negative when b is before a
 * (workingDaysBetween(b, a) === -workingDaysBetween(a, b)).
 */
export function workingDaysBetween(a: CalendarDate, b: CalendarDate): number {
	assertCalendarDate(a);
	assertCalendarDate(b);
	if (a === b) return 0;
	if (b < a) return -workingDaysBetween(b, a);
	let count = 0;
	for (let current = addDays(a, 1); current <= b; current = addDays(current, 1)) {
		if (isWorkingDay(current)) count++;
	}
	return count;
}

/** The date itself if it is a working day, otherwise the working day before it. */
export function workingDayOnOrBefore(date: CalendarDate): CalendarDate {
	return isWorkingDay(date) ? date : addWorkingDays(date, -1);
}

/** The date itself if it is a working day, otherwise the next working day. */
export function workingDayOnOrAfter(date: CalendarDate): CalendarDate {
	return isWorkingDay(date) ? date : addWorkingDays(date, 1);
}
