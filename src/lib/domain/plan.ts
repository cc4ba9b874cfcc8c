/**
 * The plan a meeting writes: outcomes for the child, each with actions (what, who, by when),
 * the core group, the dates it meets and is reviewed, and what happens if things do not change.
 */
import { compareDates, isCalendarDate, type CalendarDate } from './calendar-date';
import { nonSpaceLength, text, type Checked, type Problem } from './problems';
import { templateFor } from './templates/index';
import type { MeetingKind } from './vocabulary';
import {
	decisionLetterDue,
	firstCoreGroupDue,
	firstReviewConferenceDue,
	laterCicReviewDue,
	nextReviewConferenceDue,
	notesDueDate,
	secondCicReviewDue
} from './timescales';

/** One thing to be done: what, by whom, by when, and the concern it answers if any. */
export type PlanAction = {
	what: string;
	/** A named person where possible ("Mum", "Sam, the health visitor"), not only an agency. */
	who: string;
	byWhen: CalendarDate;
	/** The concern card (child's journey) this action addresses. */
	concernId?: string;
};

/** What needs to be different for the child, and the actions that will get there. */
export type PlanOutcome = {
	/** The outcome in the child's terms: "Chrissie gets to school on time every day". */
	outcome: string;
	concernId?: string;
	actions: PlanAction[];
};

/** A member of the core group that carries out the plan between meetings. */
export type CoreGroupMember = {
	name: string;
	/** Their part: "Mum", "social worker", "health visitor", "school". */
	role: string;
	/** The meeting participant, when they have one. */
	participantId?: string;
};

/** One child's plan (each child in a sibling group has their own). */
export type ChildPlan = {
	childId: string;
	outcomes: PlanOutcome[];
	coreGroup: CoreGroupMember[];
	leadSocialWorker?: string;
	firstCoreGroupDate: CalendarDate | null;
	reviewDate: CalendarDate | null;
	/** What happens if the plan's outcomes are not achieved. */
	contingency: string;
};

/** The dates a meeting's plan proposes; null where the kind does not set that date. */
export type ProposedPlanDates = {
	/** First core group: set by an initial conference. */
	firstCoreGroup: CalendarDate | null;
	/** The next review meeting (conference or CIC review). */
	review: CalendarDate | null;
	/** The 24-hour plan / decision letter, when the kind makes one. */
	decisionLetter: CalendarDate | null;
	/** The full notes. */
	notes: CalendarDate;
};

/**
 * The dates a plan should propose, from the timescale rules. A CIC review's next review is 3
 * months after the first review and 6 after later ones; without `reviewNumber` the 3-month date
 * is proposed, because proposing the earlier date can never make a review late.
 */
export function proposePlanDates({
	kind,
	meetingDate,
	reviewNumber
}: {
	kind: MeetingKind;
	meetingDate: CalendarDate;
	/** For a CIC review: 1 for the first review, 2 or more for later ones. */
	reviewNumber?: number;
}): ProposedPlanDates {
	const makesDecisionLetter = templateFor(kind).outputs.includes('plan-24h');
	const dates: ProposedPlanDates = {
		firstCoreGroup: null,
		review: null,
		decisionLetter: makesDecisionLetter ? decisionLetterDue(meetingDate) : null,
		notes: notesDueDate(meetingDate)
	};
	switch (kind) {
		case 'initial-conference':
			return {
				...dates,
				firstCoreGroup: firstCoreGroupDue(meetingDate),
				review: firstReviewConferenceDue(meetingDate)
			};
		case 'review-conference':
			return { ...dates, review: nextReviewConferenceDue(meetingDate) };
		case 'cic-review':
			return {
				...dates,
				review:
					reviewNumber !== undefined && reviewNumber >= 2
						? laterCicReviewDue(meetingDate)
						: secondCicReviewDue(meetingDate)
			};
		default:
			// Core groups, CIN reviews, LADs and disruption meetings have no statutory next date here.
			return dates;
	}
}

/** Input as it arrives from a form or the live record: any field may be missing or mistyped. */
type Draft<T> = { [K in keyof T]?: unknown };

/** Checks one action: what, who and by when are all required; by when must not be before the meeting. */
export function checkAction(
	input: Draft<PlanAction>,
	context: { meetingDate?: CalendarDate } = {}
): Checked<'action', PlanAction> {
	const problems: Problem[] = [];
	const what = text(input.what);
	const who = text(input.who);
	const byWhen = text(input.byWhen);
	const concernId = text(input.concernId);
	if (nonSpaceLength(what) === 0)
		problems.push({ field: 'what', message: 'Say what will be done.' });
	if (nonSpaceLength(who) === 0) {
		problems.push({
			field: 'who',
			message: 'Say who will do it — a named person, like "Mum" or "Sam, the health visitor".'
		});
	}
	if (!byWhen) {
		problems.push({ field: 'byWhen', message: 'Say by when it will be done (a date).' });
	} else if (!isCalendarDate(byWhen)) {
		problems.push({
			field: 'byWhen',
			message: `"${byWhen}" is not a date: give a real date, like 2027-01-06.`
		});
	} else if (context.meetingDate && compareDates(byWhen, context.meetingDate) < 0) {
		problems.push({
			field: 'byWhen',
			message: `By when is before the meeting (${context.meetingDate}): choose a later date.`
		});
	}
	if (problems.length > 0) return { ok: false, problems };
	return { ok: true, action: concernId ? { what, who, byWhen, concernId } : { what, who, byWhen } };
}

/**
 * Checks a whole child's plan before it is circulated: every outcome says what will be
 * different and has at least one valid action, and the plan names its contingency.
 * Fields are paths such as `outcomes[0].actions[1].who`, so a form can point at the right box.
 */
export function checkPlan(
	plan: ChildPlan,
	context: { meetingDate?: CalendarDate } = {}
): Checked<'plan', ChildPlan> {
	const problems: Problem[] = [];
	if (plan.outcomes.length === 0) {
		problems.push({
			field: 'outcomes',
			message: 'Add at least one outcome: what needs to be different for the child.'
		});
	}
	plan.outcomes.forEach((outcome, i) => {
		if (nonSpaceLength(text(outcome.outcome)) === 0) {
			problems.push({
				field: `outcomes[${i}].outcome`,
				message: 'Say what needs to be different for the child.'
			});
		}
		if (outcome.actions.length === 0) {
			problems.push({
				field: `outcomes[${i}].actions`,
				message: 'Add at least one action: who does what, by when.'
			});
		}
		outcome.actions.forEach((action, j) => {
			const checked = checkAction(action, context);
			if (!checked.ok) {
				for (const p of checked.problems)
					problems.push({ field: `outcomes[${i}].actions[${j}].${p.field}`, message: p.message });
			}
		});
	});
	if (nonSpaceLength(text(plan.contingency)) === 0) {
		problems.push({
			field: 'contingency',
			message: 'Say what will happen if things do not change (the contingency).'
		});
	}
	for (const [field, date] of [
		['firstCoreGroupDate', plan.firstCoreGroupDate],
		['reviewDate', plan.reviewDate]
	] as const) {
		if (date !== null && !isCalendarDate(date)) {
			problems.push({
				field,
				message: `"${date}" is not a date: give a real date, like 2027-01-06.`
			});
		}
	}
	return problems.length > 0 ? { ok: false, problems } : { ok: true, plan };
}

/** One choice for the plan's lead social worker: the name the plan keeps, and how it reads. */
export type LeadSocialWorkerChoice = { value: string; label: string; invited: boolean };

/**
 * The lead social worker is one of the professionals invited to the meeting (issue 28): each once,
 * by name, with their agency to tell them apart. The plan keeps the name, as it always has; a
 * name written before this was a choice (free text), or of someone no longer invited, stays
 * readable as a last choice marked as such, so opening the plan never loses it.
 */
export function leadSocialWorkerChoices(
	invited: readonly { name: string; role: string; agency: string | null }[],
	current: string
): LeadSocialWorkerChoice[] {
	const choices: LeadSocialWorkerChoice[] = [];
	for (const person of invited) {
		if (person.role !== 'professional' || choices.some((c) => c.value === person.name)) continue;
		choices.push({
			value: person.name,
			label: person.agency ? `${person.name}, ${person.agency}` : person.name,
			invited: true
		});
	}
	const kept = current.trim();
	if (kept && !choices.some((c) => c.value === current))
		choices.push({
			value: current,
			label: `${kept} (as written before; not invited)`,
			invited: false
		});
	return choices;
}
