/**
 * Date-times people and clients send (issue 20): one strict reader for the API's
 * `scheduledAt` and the forms' date and time fields, so `2027-02-30T10:00:00Z` and `T24:00`
 * are refused with why, never moved to 2 March or the next day as `new Date()` would.
 */
import { isCalendarDate, typedDateProblem } from './calendar-date';

/** `YYYY-MM-DDTHH:MM`, optional `:SS` and `.sss`, optional `Z` or `±HH:MM`. */
const DATE_TIME =
	/^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?$/;
const TIME = /^(\d{2}):(\d{2})$/;

/** The example every message about a date-time gives. */
export const DATE_TIME_EXAMPLE = '2026-12-03T10:00:00Z';

function clockProblem(hours: number, minutes: number, seconds = 0): string | null {
	if (hours > 23) return `There is no hour ${hours}: enter an hour from 00 to 23.`;
	if (minutes > 59) return `There is no minute ${minutes}: enter minutes from 00 to 59.`;
	if (seconds > 59) return `There is no second ${seconds}: enter seconds from 00 to 59.`;
	return null;
}

/** What is wrong with a time typed as `HH:MM` (a form's time field), or null. */
export function typedTimeProblem(value: string): string | null {
	const match = TIME.exec(value.trim());
	if (!match) return 'Enter the time, for example 10:00.';
	return clockProblem(Number(match[1]), Number(match[2]));
}

/**
 * The instant of a wall-clock time on a calendar day in the UK (GMT or BST), whatever the
 * server's zone. A day that does not exist (2026-02-30, month 13) is an invalid Date, never
 * moved to another day.
 */
export function ukInstant(ymd: string, hours: number, minutes = 0, seconds = 0, ms = 0): Date {
	if (!isCalendarDate(ymd)) return new Date(NaN);
	const [y, m, d] = ymd.split('-').map(Number);
	const guess = new Date(0);
	guess.setUTCFullYear(y, m - 1, d); // not Date.UTC, which reads years 0–99 as 1900–1999
	guess.setUTCHours(hours, minutes, seconds, ms);
	const offset = new Intl.DateTimeFormat('en-GB', {
		timeZone: 'Europe/London',
		timeZoneName: 'shortOffset'
	})
		.formatToParts(guess)
		.find((p) => p.type === 'timeZoneName')?.value;
	const hoursAhead = Number(offset?.replace('GMT', '') || 0);
	return new Date(guess.getTime() - hoursAhead * 3_600_000);
}

export type TypedDateTime = { ok: true; at: Date } | { ok: false; problem: string };

/**
 * Reads a date-time strictly: the calendar day must exist (and fall from 2000 to 2100, as
 * typed dates must), hours 00–23, minutes and seconds 00–59, an offset no more than 14 hours.
 * Without `Z` or an offset it is a time in the UK (GMT or BST), as the forms' fields are.
 */
export function readDateTime(value: unknown): TypedDateTime {
	const format = `Enter the date and time, for example ${DATE_TIME_EXAMPLE}.`;
	if (typeof value !== 'string') return { ok: false, problem: format };
	const match = DATE_TIME.exec(value.trim());
	if (!match) return { ok: false, problem: format };
	const [, date, hh, mm, ss, fraction, zone] = match;
	const dateProblem = typedDateProblem(date);
	if (dateProblem) return { ok: false, problem: dateProblem };
	const [hours, minutes, seconds] = [Number(hh), Number(mm), Number(ss ?? 0)];
	const ms = fraction ? Number(fraction.padEnd(3, '0')) : 0;
	const clock = clockProblem(hours, minutes, seconds);
	if (clock) return { ok: false, problem: clock };
	if (!zone) return { ok: true, at: ukInstant(date, hours, minutes, seconds, ms) };
	let offsetMinutes = 0;
	if (zone !== 'Z') {
		const [oh, om] = zone.slice(1).split(':').map(Number);
		if (oh > 14 || om > 59)
			return { ok: false, problem: `${zone} is not a time zone: use Z or an offset like +01:00.` };
		offsetMinutes = (zone.startsWith('-') ? -1 : 1) * (oh * 60 + om);
	}
	const utc = new Date(0);
	const [y, m, d] = date.split('-').map(Number);
	utc.setUTCFullYear(y, m - 1, d);
	utc.setUTCHours(hours, minutes, seconds, ms);
	return { ok: true, at: new Date(utc.getTime() - offsetMinutes * 60_000) };
}
