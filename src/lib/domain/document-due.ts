/**
 * When a meeting's documents are due out, and how late one is, in working days (London
 * calendar, bank holidays skipped): the notes 15 working days after the meeting (`notesDueDate`),
 * the 24-hour plan one working day after (`decisionLetterDue`). Pure.
 */
import type { CalendarDate } from './calendar-date';
import { decisionLetterDue, notesDueDate } from './timescales';
import { addWorkingDays, workingDaysBetween } from './working-days';

/** The date a document of this kind is due out, or null when it has no due date. */
export function documentDueBy(kind: string, meetingDate: CalendarDate): CalendarDate | null {
	if (kind === 'notes' || kind === 'notes-family') return notesDueDate(meetingDate);
	if (kind === 'plan-24h') return decisionLetterDue(meetingDate);
	return null;
}

/**
 * How many working days late a document is today: 0 when it is final (out) or not yet past its
 * due date; otherwise the working days after the due date up to and including today.
 */
export function workingDaysLate(props: {
	dueBy: CalendarDate | null;
	today: CalendarDate;
	final: boolean;
}): number {
	if (props.final || props.dueBy === null || props.today <= props.dueBy) return 0;
	return Math.max(0, workingDaysBetween(props.dueBy, props.today));
}

/** "on time", "due today", "1 working day late", "3 working days late". */
export function lateInWords(props: {
	dueBy: CalendarDate | null;
	today: CalendarDate;
	final: boolean;
}): string {
	if (props.final) return 'done';
	if (props.dueBy === null) return 'no due date';
	const late = workingDaysLate(props);
	if (late === 1) return '1 working day late';
	if (late > 1) return `${late} working days late`;
	return props.today === props.dueBy ? 'due today' : 'on time';
}

/** The day the reminder goes to business support and the chair: two working days before it is due. */
export function documentReminderDay(dueBy: CalendarDate): CalendarDate {
	return addWorkingDays(dueBy, -2);
}
