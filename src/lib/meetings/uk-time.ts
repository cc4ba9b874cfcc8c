import { isCalendarDate } from '../domain/calendar-date';

/**
 * The instant of a wall-clock time on a calendar day in the UK (GMT or BST), whatever the
 * server's zone. A day that does not exist (2026-02-30, month 13) is an invalid Date, never
 * moved to another day.
 */
export function ukInstant(ymd: string, hours: number, minutes = 0): Date {
	if (!isCalendarDate(ymd)) return new Date(NaN);
	const [y, m, d] = ymd.split('-').map(Number);
	const guess = new Date(0);
	guess.setUTCFullYear(y, m - 1, d); // not Date.UTC, which reads years 0–99 as 1900–1999
	guess.setUTCHours(hours, minutes, 0, 0);
	const offset = new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/London',
		timeZoneName: 'shortOffset'
	})
		.formatToParts(guess)
		.find((p) => p.type === 'timeZoneName')?.value;
	const hoursAhead = Number(offset?.replace('GMT', '') || 0);
	return new Date(guess.getTime() - hoursAhead * 3_600_000);
}

/** The UK calendar day of an instant, as YYYY-MM-DD. */
export function ukDay(instant: Date): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/London',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(instant);
}
