/**
 * The child protection plan register (issue 26): a child's plans, each from the conference that
 * started it to the one that ended it, with its category, the review cycle it runs on (the first
 * review conference within three months of the start, then at most every six months after the
 * last review held) and the core groups held while it ran. The clocks and the figures read a
 * child's plans from here (`planClockEvents`), so there is one record of when a plan ran.
 */
import { compareDates, type CalendarDate } from './calendar-date';
import type { ClockEvent, HeldMeeting } from './child-clocks';
import type { ChildProtectionCategory } from './decisions';
import { firstReviewConferenceDue, nextReviewConferenceDue } from './timescales';

/** One plan as the register keeps it. */
export interface PlanPeriod {
	id: string;
	startedOn: CalendarDate;
	category: ChildProtectionCategory | null;
	endedOn: CalendarDate | null;
	endReason: string | null;
}

/** A plan with what its clocks and the meetings held make of it. */
export interface PlanEntry extends PlanPeriod {
	/** The review conference the plan is due by (an open plan only). */
	nextReviewBy: CalendarDate | null;
	/** The review conferences and core groups held while the plan ran, oldest first. */
	reviewsHeld: CalendarDate[];
	coreGroupsHeld: CalendarDate[];
}

/** Whether a plan is running on a day: started on or before it, not ended by it. */
export function runsOn(plan: Pick<PlanPeriod, 'startedOn' | 'endedOn'>, day: CalendarDate) {
	return (
		compareDates(plan.startedOn, day) <= 0 &&
		(plan.endedOn === null || compareDates(plan.endedOn, day) > 0)
	);
}

/** The clock events a child's plans make: a start, and an end for a plan that has ended. */
export function planClockEvents(plans: readonly PlanPeriod[]): ClockEvent[] {
	return plans.flatMap((p): ClockEvent[] => [
		{ kind: 'plan-started', date: p.startedOn },
		...(p.endedOn ? [{ kind: 'plan-ended' as const, date: p.endedOn }] : [])
	]);
}

function heldWithin(held: readonly HeldMeeting[], kind: string, plan: PlanPeriod) {
	return held
		.filter(
			(m) =>
				m.kind === kind &&
				compareDates(m.date, plan.startedOn) >= 0 &&
				(plan.endedOn === null || compareDates(m.date, plan.endedOn) < 0)
		)
		.map((m) => m.date)
		.sort(compareDates);
}

/**
 * A child's register, newest plan first: each plan with the reviews and core groups held while
 * it ran and, while it runs, the date its next review conference is due by.
 */
export function planRegister(props: {
	plans: readonly PlanPeriod[];
	held: readonly HeldMeeting[];
}): PlanEntry[] {
	return [...props.plans]
		.sort((a, b) => compareDates(b.startedOn, a.startedOn))
		.map((plan) => {
			const reviewsHeld = heldWithin(props.held, 'review-conference', plan);
			const nextReviewBy =
				plan.endedOn !== null
					? null
					: reviewsHeld.length === 0
						? firstReviewConferenceDue(plan.startedOn)
						: nextReviewConferenceDue(reviewsHeld.at(-1)!);
			return {
				...plan,
				nextReviewBy,
				reviewsHeld,
				coreGroupsHeld: heldWithin(props.held, 'core-group', plan)
			};
		});
}
