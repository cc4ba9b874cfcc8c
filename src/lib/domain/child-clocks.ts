/**
 * A child's clocks: the events that start a statutory timescale (docs/timescales.md), the
 * meetings they make due and by when, and a child's age on a day. The arithmetic is the
 * timescale rules' own (./timescales.ts, in working days with bank holidays, or months).
 */
import {
	compareDates,
	formatCalendarDate,
	isCalendarDate,
	toDayNumber,
	type CalendarDate
} from './calendar-date';
import {
	firstCicReviewDue,
	firstCoreGroupDue,
	firstReviewConferenceDue,
	icpcDue,
	laterCicReviewDue,
	nextReviewConferenceDue,
	secondCicReviewDue
} from './timescales';
import type { MeetingKind } from './vocabulary';

/** What happened to a child that starts a clock. Stored as these values. */
export const childEventKinds = [
	'strategy-discussion',
	'came-into-care',
	'plan-started',
	'plan-ended'
] as const;
export type ChildEventKind = (typeof childEventKinds)[number];

/** The event in words, for forms and lists. */
export const childEventLabel: Record<ChildEventKind, string> = {
	'strategy-discussion': 'Strategy discussion',
	'came-into-care': 'Came into care',
	'plan-started': 'Child protection plan started',
	'plan-ended': 'Child protection plan ended'
};

/** The meeting kinds a clock makes due. */
export type DueMeetingKind = Extract<
	MeetingKind,
	'initial-conference' | 'core-group' | 'review-conference' | 'cic-review'
>;

/** How a due meeting is named in a sentence ("The initial conference is due by …"). */
export const dueMeetingWords: Record<DueMeetingKind, string> = {
	'initial-conference': 'initial conference',
	'core-group': 'core group',
	'review-conference': 'review conference',
	'cic-review': 'child in care review'
};

export interface ClockEvent {
	kind: ChildEventKind;
	date: CalendarDate;
}

/** A meeting about the child that has been held (ended), on its calendar date. */
export interface HeldMeeting {
	kind: MeetingKind;
	date: CalendarDate;
}

export interface DueMeeting {
	kind: DueMeetingKind;
	dueBy: CalendarDate;
	/**
	 * True for a later date in the chain, counted as if the one before it were held on its due
	 * date (holding it earlier brings the next one forward).
	 */
	projected: boolean;
}

/**
 * The meetings an event makes due, in order: a strategy discussion the initial conference
 * (15 working days); coming into care the first review (20 working days), the second (3
 * months after) and then one every 6 months; a plan starting the first core group (10 working
 * days) and the review conference (3 months), then every 6 months.
 */
export function dueFromEvent(event: ClockEvent): DueMeeting[] {
	const { date } = event;
	switch (event.kind) {
		case 'strategy-discussion':
			return [{ kind: 'initial-conference', dueBy: icpcDue(date), projected: false }];
		case 'came-into-care': {
			const first = firstCicReviewDue(date);
			const second = secondCicReviewDue(first);
			return [
				{ kind: 'cic-review', dueBy: first, projected: false },
				{ kind: 'cic-review', dueBy: second, projected: true },
				{ kind: 'cic-review', dueBy: laterCicReviewDue(second), projected: true }
			];
		}
		case 'plan-started': {
			const review = firstReviewConferenceDue(date);
			return [
				{ kind: 'core-group', dueBy: firstCoreGroupDue(date), projected: false },
				{ kind: 'review-conference', dueBy: review, projected: false },
				{ kind: 'review-conference', dueBy: nextReviewConferenceDue(review), projected: true }
			];
		}
		case 'plan-ended':
			return [];
	}
}

function latest(events: readonly ClockEvent[], kind: ChildEventKind): CalendarDate | null {
	const dates = events.filter((e) => e.kind === kind).map((e) => e.date);
	return dates.length ? dates.sort(compareDates).at(-1)! : null;
}

function heldSince(held: readonly HeldMeeting[], kind: MeetingKind, since: CalendarDate) {
	return held
		.filter((m) => m.kind === kind && compareDates(m.date, since) >= 0)
		.map((m) => m.date)
		.sort(compareDates);
}

/**
 * The next meeting of each kind that is due for a child, and by when, from the child's events
 * and the meetings already held: each clock counts from its latest event, and a review from the
 * last review held since then. A kind with nothing due is left out.
 */
export function nextDueMeetings(props: {
	events: readonly ClockEvent[];
	held: readonly HeldMeeting[];
}): Partial<Record<DueMeetingKind, CalendarDate>> {
	const { events, held } = props;
	const due: Partial<Record<DueMeetingKind, CalendarDate>> = {};
	const strategy = latest(events, 'strategy-discussion');
	if (strategy && heldSince(held, 'initial-conference', strategy).length === 0)
		due['initial-conference'] = icpcDue(strategy);
	const care = latest(events, 'came-into-care');
	if (care) {
		const reviews = heldSince(held, 'cic-review', care);
		due['cic-review'] =
			reviews.length === 0
				? firstCicReviewDue(care)
				: reviews.length === 1
					? secondCicReviewDue(reviews[0])
					: laterCicReviewDue(reviews.at(-1)!);
	}
	const plan = latest(events, 'plan-started');
	const ended = latest(events, 'plan-ended');
	// A plan that has ended since it started makes nothing due.
	if (plan && !(ended && compareDates(ended, plan) >= 0)) {
		if (heldSince(held, 'core-group', plan).length === 0)
			due['core-group'] = firstCoreGroupDue(plan);
		const reviews = heldSince(held, 'review-conference', plan);
		due['review-conference'] =
			reviews.length === 0
				? firstReviewConferenceDue(plan)
				: nextReviewConferenceDue(reviews.at(-1)!);
	}
	return due;
}

/** The earliest due date among several children's (a sibling group's meeting is due by the first). */
export function earliestDue(dates: readonly (CalendarDate | undefined)[]): CalendarDate | null {
	const known = dates.filter((d): d is CalendarDate => d !== undefined);
	return known.length ? known.sort(compareDates)[0] : null;
}

/** The message when a meeting is scheduled after its due date without a reason. */
export function lateDateMessage(kind: DueMeetingKind, dueBy: CalendarDate): string {
	return `The ${dueMeetingWords[kind]} is due by ${formatCalendarDate(dueBy)}; give a reason for a later date.`;
}

/** True when the meeting kind is one a clock makes due. */
export function isDueMeetingKind(kind: MeetingKind): kind is DueMeetingKind {
	return kind in dueMeetingWords;
}

/**
 * A child's age in whole years on a day: the birthday itself counts (a child born on 5 March
 * 2018 is 8 on 5 March 2026). Someone born on 29 February has their birthday on 1 March in a
 * year without one. Null when the date of birth is unknown or after the day.
 */
export function ageOn(dateOfBirth: CalendarDate | null, on: CalendarDate): number | null {
	if (!dateOfBirth || !isCalendarDate(dateOfBirth)) return null;
	if (toDayNumber(on) < toDayNumber(dateOfBirth)) return null;
	const [by, bm, bd] = dateOfBirth.split('-').map(Number);
	const [y, m, d] = on.split('-').map(Number);
	const hadBirthday = m > bm || (m === bm && d >= bd);
	return y - by - (hadBirthday ? 0 : 1);
}
