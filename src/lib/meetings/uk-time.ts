/** The UK wall-clock reader lives with the strict date-time reader (src/lib/domain/date-time.ts). */
export { ukInstant } from '../domain/date-time';

/** The UK calendar day of an instant, as YYYY-MM-DD. */
export function ukDay(instant: Date): string {
	return new Intl.DateTimeFormat('en-CA', {
		timeZone: 'Europe/London',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(instant);
}

/** "Thursday 26 November 2026, 10:00" in UK time, whatever the server's zone. */
export function formatMeetingTime(iso: string): string {
	return new Intl.DateTimeFormat('en-GB', {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'Europe/London'
	}).format(new Date(iso));
}
