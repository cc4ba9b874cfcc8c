/**
 * "Decision, then why?": every voting professional records plan / no plan for each child and
 * their reason; no decision is recorded without its reason; the chair records the outcome and
 * the category; dissent is kept in the record.
 */
import { nonSpaceLength, text, type Checked, type Problem } from './problems';

/** The categories of a child protection plan, set by the chair. */
export const childProtectionCategories = [
	'neglect',
	'physical-abuse',
	'emotional-abuse',
	'sexual-abuse'
] as const;
/** One category of a child protection plan. */
export type ChildProtectionCategory = (typeof childProtectionCategories)[number];

/** The category in words, for the record and the family. */
export const categoryLabels: Record<ChildProtectionCategory, string> = {
	neglect: 'neglect',
	'physical-abuse': 'physical abuse',
	'emotional-abuse': 'emotional abuse',
	'sexual-abuse': 'sexual abuse'
};

/** Whether a child needs a child protection plan. */
export type PlanRecommendation = 'plan' | 'no-plan';

/** One professional's decision about one child, with the reason that must go with it. The
 *  recommendation is one of the template decision's option values ('plan' | 'no-plan' for a
 *  conference; e.g. 'continue' | 'close' | 'step-up' for a child in need review). */
export type ProfessionalDecision = {
	childId: string;
	recommendation: PlanRecommendation | (string & {});
	reason: string;
};

/** A professional decision with the meeting participant who recorded it. */
export type RecordedDecision = ProfessionalDecision & { participantId: string };

/**
 * The chair's outcome for one child, with its own "why"; a category is set exactly when the
 * child needs a plan. (An outcome recorded before issue 21 may have no reason: it reads as "".)
 */
export type ChairOutcome = {
	childId: string;
	outcome: PlanRecommendation;
	category?: ChildProtectionCategory;
	reason: string;
};

/** A reason shorter than this (counting letters, not spaces) says too little to be a reason. */
export const minimumReasonLength = 10;

/** Input as it arrives from a form or the live record: any field may be missing or mistyped. */
type Draft<T> = { [K in keyof T]?: unknown };

/** Optional context: the children the meeting is about, so a decision about another child is refused. */
export type DecisionContext = {
	childIds?: readonly string[];
	/** The option values the meeting's decision allows; plan / no plan when not given. */
	options?: readonly string[];
};

function isRecommendation(value: unknown): value is PlanRecommendation {
	return value === 'plan' || value === 'no-plan';
}

function isCategory(value: unknown): value is ChildProtectionCategory {
	return (childProtectionCategories as readonly unknown[]).includes(value);
}

function checkChild(childId: string, context: DecisionContext, problems: Problem[]): void {
	if (!childId) {
		problems.push({ field: 'childId', message: 'Choose which child this decision is about.' });
	} else if (context.childIds && !context.childIds.includes(childId)) {
		problems.push({
			field: 'childId',
			message:
				'This child is not part of this meeting: choose one of the children the meeting is about.'
		});
	}
}

function checkReason(reason: string, problems: Problem[], whose: 'decision' | 'outcome'): void {
	const what =
		whose === 'decision'
			? 'what you know and what it means for this child'
			: 'what the conference heard that led to this outcome for this child';
	if (nonSpaceLength(reason) === 0) {
		problems.push({
			field: 'reason',
			message: `Say why: ${whose === 'decision' ? 'a decision' : 'an outcome'} is only recorded with its reason — ${what}.`
		});
	} else if (nonSpaceLength(reason) < minimumReasonLength) {
		problems.push({
			field: 'reason',
			message: `Say why in a full sentence (at least ${minimumReasonLength} letters): ${what}.`
		});
	}
}

/** Checks one professional's decision: a child, plan or no plan, and a reason of at least 10 letters. */
export function checkDecision(
	input: Draft<ProfessionalDecision>,
	context: DecisionContext = {}
): Checked<'decision', ProfessionalDecision> {
	const problems: Problem[] = [];
	const childId = text(input.childId);
	const reason = text(input.reason);
	checkChild(childId, context, problems);
	const allowed = context.options;
	if (
		allowed
			? !allowed.includes(input.recommendation as string)
			: !isRecommendation(input.recommendation)
	) {
		problems.push({
			field: 'recommendation',
			message: allowed
				? 'Choose one of the options for this child.'
				: 'Choose "plan" or "no plan" for this child.'
		});
	}
	checkReason(reason, problems, 'decision');
	if (problems.length > 0) return { ok: false, problems };
	return {
		ok: true,
		decision: { childId, recommendation: input.recommendation as string, reason }
	};
}

/**
 * Checks the chair's outcome for one child: a category is required for a plan and refused
 * without one, and the outcome has its own reason, as a professional's view does.
 */
export function checkChairOutcome(
	input: Draft<ChairOutcome>,
	context: DecisionContext = {}
): Checked<'outcome', ChairOutcome> {
	const problems: Problem[] = [];
	const childId = text(input.childId);
	const reason = text(input.reason);
	checkChild(childId, context, problems);
	const outcome = input.outcome;
	const hasCategory =
		input.category !== undefined && input.category !== null && input.category !== '';
	if (!isRecommendation(outcome)) {
		problems.push({
			field: 'outcome',
			message: 'Choose the outcome for this child: "plan" or "no plan".'
		});
	} else if (outcome === 'plan' && !hasCategory) {
		problems.push({
			field: 'category',
			message:
				'Choose the category of the plan: neglect, physical abuse, emotional abuse or sexual abuse.'
		});
	} else if (outcome === 'no-plan' && hasCategory) {
		problems.push({
			field: 'category',
			message: 'Remove the category: a category is only set when the child needs a plan.'
		});
	}
	if (hasCategory && !isCategory(input.category)) {
		problems.push({
			field: 'category',
			message:
				'The category must be one of: neglect, physical abuse, emotional abuse or sexual abuse.'
		});
	}
	checkReason(reason, problems, 'outcome');
	if (problems.length > 0) return { ok: false, problems };
	return {
		ok: true,
		outcome:
			outcome === 'plan'
				? { childId, outcome, category: input.category as ChildProtectionCategory, reason }
				: { childId, outcome: 'no-plan', reason }
	};
}

/** The decisions about one child, counted, with every view that differs from the chair's outcome. */
export type ChildTally = {
	childId: string;
	plan: number;
	noPlan: number;
	/** The chair's outcome, or null while it is not yet recorded. */
	outcome: ChairOutcome | null;
	/** How many voting professionals were present (or gave a view, which only someone present can). */
	votersPresent: number;
	/** How many of them gave a view about this child. */
	gaveView: number;
	/** The voting professionals present who gave no view about this child (participant ids). */
	noView: string[];
	/**
	 * True only when every voting professional present gave a view and all agreed (and at least
	 * one did): "1 for, 0 against" from one of four is not unanimous.
	 */
	unanimous: boolean;
	/** Every decision about this child, in the order given. */
	decisions: RecordedDecision[];
	/** Decisions that differ from the chair's outcome, with their reasons; empty until the outcome is set. */
	dissent: RecordedDecision[];
};

/**
 * Counts the professionals' decisions per child and lists the dissent from the chair's outcome.
 * Dissent is never dropped: it goes into the record and the notes. If one participant recorded
 * twice about the same child only the later one counts, because it replaced the first
 * (the live record keeps one decision per child per participant, so this is only a guard).
 * `votersPresent` are the participant ids of the voting professionals the register says were
 * present: those of them who gave no view are named in `noView`, and a count is unanimous only
 * when none is missing. Anyone who gave a view counts as present (they were in the meeting).
 * Children appear in the order first met (decisions, then outcomes with no decisions yet).
 */
export function tallyDecisions(
	decisions: readonly RecordedDecision[],
	outcomes: readonly ChairOutcome[] = [],
	votersPresent: readonly string[] = []
): ChildTally[] {
	const latest = new Map<string, RecordedDecision>();
	for (const decision of decisions) {
		const key = JSON.stringify([decision.childId, decision.participantId]);
		latest.set(key, decision); // a Map keeps the first position of a replaced key
	}
	const byChild = new Map<string, RecordedDecision[]>();
	for (const decision of latest.values()) {
		const list = byChild.get(decision.childId) ?? [];
		list.push(decision);
		byChild.set(decision.childId, list);
	}
	for (const outcome of outcomes) {
		if (!byChild.has(outcome.childId)) byChild.set(outcome.childId, []);
	}
	return [...byChild].map(([childId, list]) => {
		const outcome = outcomes.find((o) => o.childId === childId) ?? null;
		const plan = list.filter((d) => d.recommendation === 'plan').length;
		const noPlan = list.length - plan;
		const gave = new Set(list.map((d) => d.participantId));
		const noView = [...new Set(votersPresent)].filter((id) => !gave.has(id));
		return {
			childId,
			plan,
			noPlan,
			outcome,
			votersPresent: gave.size + noView.length,
			gaveView: list.length,
			noView,
			unanimous: list.length > 0 && noView.length === 0 && (plan === 0 || noPlan === 0),
			decisions: list,
			dissent: outcome ? list.filter((d) => d.recommendation !== outcome.outcome) : []
		};
	});
}
