/**
 * Periods for the oversight figures: a from–to range from the query string, and quarters
 * ("2026-Q3": July to September) with the one before. Pure, browser-safe.
 */
import { addDays, addMonths, isCalendarDate, type CalendarDate } from '../../domain/calendar-date';

export interface Period {
	from: CalendarDate;
	to: CalendarDate;
}

/** The period asked for, or field errors; by default the 12 months up to `today`. */
export function periodFromQuery(
	query: URLSearchParams,
	today: CalendarDate
): { period: Period } | { errors: Record<string, string> } {
	const from = query.get('from') ?? addDays(addMonths(today, -12), 1);
	const to = query.get('to') ?? today;
	const errors: Record<string, string> = {};
	if (!isCalendarDate(from)) errors.from = 'Give the first day as YYYY-MM-DD.';
	if (!isCalendarDate(to)) errors.to = 'Give the last day as YYYY-MM-DD.';
	if (!errors.from && !errors.to && from > to)
		errors.to = 'The last day must be on or after the first.';
	if (!errors.from && !errors.to && addMonths(from, 37) < to)
		errors.to = 'Ask for at most three years.';
	return Object.keys(errors).length ? { errors } : { period: { from, to } };
}

const QUARTER = /^(\d{4})-Q([1-4])$/;

/** "2026-Q3" → 1 July to 30 September 2026; null when not a quarter. */
export function quarterPeriod(quarter: string): Period | null {
	const match = QUARTER.exec(quarter);
	if (!match) return null;
	const year = Number(match[1]);
	if (year < 2000 || year > 2100) return null;
	const firstMonth = (Number(match[2]) - 1) * 3 + 1;
	const from = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
	return { from, to: addDays(addMonths(from, 3), -1) };
}

/** The quarter before: "2026-Q1" → "2025-Q4". */
export function previousQuarter(quarter: string): string {
	const [, y, q] = QUARTER.exec(quarter)!;
	return q === '1' ? `${Number(y) - 1}-Q4` : `${y}-Q${Number(q) - 1}`;
}

/** The quarter a date falls in. */
export function quarterOf(date: CalendarDate): string {
	return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}

/** "July to September 2026". */
export function quarterWords(quarter: string): string {
	const period = quarterPeriod(quarter);
	if (!period) return quarter;
	const month = (d: string) =>
		new Date(`${d}T12:00:00Z`).toLocaleDateString('en-GB', { month: 'long', timeZone: 'UTC' });
	return `${month(period.from)} to ${month(period.to)} ${period.to.slice(0, 4)}`;
}
