/**
 * When reminders and report requests fall due (DESIGN §7, issue 11), counted in working days
 * (England and Wales bank holidays skipped, ./working-days.ts) back from the meeting's date.
 * Plain arithmetic on calendar dates: the scheduler (src/lib/server/mail/scheduler.ts) asks
 * these functions what is due today, the meeting page and the late-reports list what state a
 * report request is in.
 */
import { compareDates, type CalendarDate } from './calendar-date';
import { addWorkingDays } from './working-days';

/** The unit's set numbers of working days. */
export const mailTiming = {
	/** Everyone invited is reminded this many working days before the meeting. */
	reminderWorkingDays: 2,
	/** An agency's report is due this many working days before the meeting, so it can reach the parents first. */
	reportDeadlineWorkingDays: 3,
	/** An agency that has not sent its report is reminded this many working days before it is due. */
	reportReminderWorkingDays: 2
} as const;

/** The day everyone invited is reminded of the meeting. */
export function reminderDate(meetingDate: CalendarDate): CalendarDate {
	return addWorkingDays(meetingDate, -mailTiming.reminderWorkingDays);
}

/**
 * The last day an agency's report is on time: `dueDays` working days before the meeting (the
 * unit's `reportDueWorkingDays`, 3 unless the unit set another; bank holidays skipped).
 */
export function reportDeadline(
	meetingDate: CalendarDate,
	dueDays: number = mailTiming.reportDeadlineWorkingDays
): CalendarDate {
	return addWorkingDays(meetingDate, -dueDays);
}

/** The day an agency that has not sent its report is reminded. */
export function reportReminderDate(
	meetingDate: CalendarDate,
	dueDays: number = mailTiming.reportDeadlineWorkingDays
): CalendarDate {
	return addWorkingDays(
		reportDeadline(meetingDate, dueDays),
		-mailTiming.reportReminderWorkingDays
	);
}

/** The first day a report is late: the working day after its deadline, when it is chased. */
export function reportChaseDate(
	meetingDate: CalendarDate,
	dueDays: number = mailTiming.reportDeadlineWorkingDays
): CalendarDate {
	return addWorkingDays(reportDeadline(meetingDate, dueDays), 1);
}

const onOrAfter = (a: CalendarDate, b: CalendarDate) => compareDates(a, b) >= 0;
const before = (a: CalendarDate, b: CalendarDate) => compareDates(a, b) < 0;

/**
 * Is a person's reminder of the meeting due today? From the reminder date until the meeting's
 * day (the scheduler also stops at the meeting's start), and only if the last email telling them
 * the date (their invitation, or the update when the meeting moved) went before the reminder
 * date: someone invited or told of a move since then has just been told.
 */
export function reminderDue(props: {
	meetingDate: CalendarDate;
	today: CalendarDate;
	lastToldOn: CalendarDate | null;
}): boolean {
	const { meetingDate, today, lastToldOn } = props;
	const remindOn = reminderDate(meetingDate);
	if (!onOrAfter(today, remindOn) || before(meetingDate, today)) return false;
	return lastToldOn === null || before(lastToldOn, remindOn);
}

/** The follow-up emails of a report request. */
export type ReportFollowUp = 'report-reminder' | 'report-chaser';

/**
 * Which follow-up of a report request is due today, if any. Nothing once the report has
 * arrived, or after the meeting's day. Past the deadline: a chaser, once, if the request went
 * on or before the deadline (a request sent later already asks for it as soon as possible).
 * Before that, from the reminder date: a reminder, once, if the request went before the
 * reminder date.
 */
export function reportFollowUpDue(props: {
	meetingDate: CalendarDate;
	today: CalendarDate;
	askedOn: CalendarDate;
	reminded: boolean;
	chased: boolean;
	received: boolean;
	/** The unit's working days before the meeting a report is due (3 by default). */
	dueDays?: number;
}): ReportFollowUp | null {
	const { meetingDate, today, askedOn } = props;
	if (props.received || before(meetingDate, today)) return null;
	const deadline = reportDeadline(meetingDate, props.dueDays);
	if (before(deadline, today)) {
		return !props.chased && !before(deadline, askedOn) ? 'report-chaser' : null;
	}
	const remindOn = reportReminderDate(meetingDate, props.dueDays);
	if (onOrAfter(today, remindOn) && !props.reminded && before(askedOn, remindOn))
		return 'report-reminder';
	return null;
}

/**
 * Where a report request stands, as the meeting page and the late-reports list show it:
 * not asked by email (no address to write to, or asked only once the meeting had begun), asked, reminded, late (chased or not), received, or
 * received and shared with the parents.
 */
export type ReportRequestState =
	'not-asked' | 'asked' | 'reminded' | 'late' | 'received' | 'shared';

export interface ReportRequestStatus {
	state: ReportRequestState;
	deadline: CalendarDate;
	/** Past its deadline and not received (whatever else is true). */
	late: boolean;
}

/** The state of one report request on a day. */
export function reportRequestStatus(props: {
	meetingDate: CalendarDate;
	today: CalendarDate;
	asked: boolean;
	reminded: boolean;
	received: boolean;
	sharedWithParents: boolean;
	dueDays?: number;
}): ReportRequestStatus {
	const deadline = reportDeadline(props.meetingDate, props.dueDays);
	const late = !props.received && before(deadline, props.today);
	const state: ReportRequestState = props.received
		? props.sharedWithParents
			? 'shared'
			: 'received'
		: late
			? 'late'
			: props.reminded
				? 'reminded'
				: props.asked
					? 'asked'
					: 'not-asked';
	return { state, deadline, late };
}
