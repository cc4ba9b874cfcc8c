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
