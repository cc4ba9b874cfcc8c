/**
 * Statutory and local timescales, in the unit's own words (see shared/domain/timescales-and-practice.md).
 *
 * Every due date is a working day. A rule counted in working days always lands on one; a rule
 * counted in months may land on a weekend or bank holiday, and then the *previous* working day
 * is proposed: a due date is a deadline ("within 3 months"), so it must never slip later.
 */
import { addMonths, compareDates, type CalendarDate } from './calendar-date';
import { addWorkingDays, workingDayOnOrBefore } from './working-days';

/** How long a timescale runs: a number of working days or of calendar months. */
export type TimescaleSpan = { workingDays: number } | { months: number };

/** One timescale rule, kept as data so a screen or report can say where it comes from. */
export type Timescale = {
	/** What falls due, in the unit's words. */
	label: string;
	/** What the time is counted from. */
	from: string;
	span: TimescaleSpan;
	/** Where the rule was found. */
	source: string;
};

/** The timescale rules the unit works to, by name. */
export const timescales = {
	icpc: {
		label: 'initial child protection conference',
		from: 'the (last) strategy discussion',
		span: { workingDays: 15 },
		source: 'Working Together; e.g. Solihull procedures'
	},
	firstCoreGroup: {
		label: 'first core group',
		from: 'the initial conference',
		span: { workingDays: 10 },
		source: 'e.g. Norfolk procedures'
	},
	firstReviewConference: {
		label: 'first review conference',
		from: 'the initial conference',
		span: { months: 3 },
		source: 'e.g. Leeds one-minute guide'
	},
	nextReviewConference: {
		label: 'next review conference',
		from: 'the last review conference',
		span: { months: 6 },
		source: 'e.g. Leeds one-minute guide'
	},
	decisionLetter: {
		label: "chair's decision letter and recommendations",
		from: 'the meeting',
		span: { workingDays: 1 },
		source: 'North Yorkshire and Sussex standards; the unit\'s report says "within 24 hours"'
	},
	notes: {
		label: 'full record of the meeting',
		from: 'the meeting',
		span: { workingDays: 15 },
		source: "North Yorkshire standards; the unit's report"
	},
	firstCicReview: {
		label: 'first review of a child in care',
		from: 'the day the child became looked after',
		span: { workingDays: 20 },
		source: 'Care Planning Regulations 2010, reg. 33'
	},
	secondCicReview: {
		label: 'second review of a child in care',
		from: 'the first review',
		span: { months: 3 },
		source: 'Care Planning Regulations 2010, reg. 33'
	},
	laterCicReview: {
		label: 'later review of a child in care',
		from: 'the previous review',
		span: { months: 6 },
		source: 'Care Planning Regulations 2010, reg. 33'
	}
} as const satisfies Record<string, Timescale>;

/**
 * The due date of a timescale counted from a date. Month spans clamp to the month's end and
 * then fall back to the previous working day if they land on a weekend or bank holiday.
 */
export function dueDate(span: TimescaleSpan, from: CalendarDate): CalendarDate {
	if ('workingDays' in span) return addWorkingDays(from, span.workingDays);
	return workingDayOnOrBefore(addMonths(from, span.months));
}

/** True when something done on `doneOn` met its due date (done on or before it). */
export function isWithinTimescale(due: CalendarDate, doneOn: CalendarDate): boolean {
	return compareDates(doneOn, due) <= 0;
}

/** Initial child protection conference: within 15 working days of the strategy discussion. */
export function icpcDue(strategyDiscussionDate: CalendarDate): CalendarDate {
	return dueDate(timescales.icpc.span, strategyDiscussionDate);
}

/** First core group: within 10 working days of the initial conference. */
export function firstCoreGroupDue(conferenceDate: CalendarDate): CalendarDate {
	return dueDate(timescales.firstCoreGroup.span, conferenceDate);
}

/** First review conference: within 3 months of the initial conference (previous working day if needed). */
export function firstReviewConferenceDue(initialConferenceDate: CalendarDate): CalendarDate {
	return dueDate(timescales.firstReviewConference.span, initialConferenceDate);
}

/** Next review conference: within 6 months of the last review (previous working day if needed). */
export function nextReviewConferenceDue(reviewConferenceDate: CalendarDate): CalendarDate {
	return dueDate(timescales.nextReviewConference.span, reviewConferenceDate);
}

/** Chair's decision letter / recommendations: within 1 working day of the meeting. */
export function decisionLetterDue(meetingDate: CalendarDate): CalendarDate {
	return dueDate(timescales.decisionLetter.span, meetingDate);
}

/** Full record (notes) of the meeting: within 15 working days. */
export function notesDueDate(meetingDate: CalendarDate): CalendarDate {
	return dueDate(timescales.notes.span, meetingDate);
}

/** First CIC review: within 20 working days of the child becoming looked after. */
export function firstCicReviewDue(lookedAfterDate: CalendarDate): CalendarDate {
	return dueDate(timescales.firstCicReview.span, lookedAfterDate);
}

/** Second CIC review: within 3 months of the first (previous working day if needed). */
export function secondCicReviewDue(firstReviewDate: CalendarDate): CalendarDate {
	return dueDate(timescales.secondCicReview.span, firstReviewDate);
}

/** Each later CIC review: within 6 months of the previous one (previous working day if needed). */
export function laterCicReviewDue(previousReviewDate: CalendarDate): CalendarDate {
	return dueDate(timescales.laterCicReview.span, previousReviewDate);
}
