/**
 * The register and quorum (issue 21): who came, whether the register was taken, whether a
 * conference could decide, and what End meeting must ask before it freezes the record.
 * Plain TypeScript: the API, the pages, End meeting and the documents all ask these functions.
 */
import { agencyKindLabel, type AgencyKind } from './agencies';
import { nonSpaceLength, text, type Checked, type Problem } from './problems';
import { listInWords } from './plain-words';
import type { Attendance, MeetingRole } from './vocabulary';

/** A meeting's quorum: how many agencies must be present, and which kinds must be among them. */
export type QuorumRule = {
	minimumAgencies: number;
	requiredAgencyKinds: readonly AgencyKind[];
};

/** One person on the register, as the quorum and the End checks read it. */
export type RegisterPerson = {
	id: string;
	name: string;
	role: MeetingRole;
	/** The agency's name ("Northfield Police"), null for parents and the unit. */
	agency: string | null;
	/** The agency's kind (police, social-care…), null when it has none. */
	agencyKind: string | null;
	attendance: Attendance;
};

/** Whether the register says the person was in the meeting when it decided (room or online). */
export function isPresent(attendance: Attendance): boolean {
	return attendance === 'present' || attendance === 'present-online';
}

/** Whether the register says the person came at all (including someone who left early). */
export function cameToMeeting(attendance: Attendance): boolean {
	return isPresent(attendance) || attendance === 'left-early';
}

// The meeting roles that speak for an agency; the chair and minute-taker are the unit's own.
const agencyRoles: readonly MeetingRole[] = ['professional', 'advocate'];

const numberWords = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** 3 → "three" (up to nine), 12 → "12". */
export function numberInWords(n: number): string {
	return numberWords[n] ?? String(n);
}

/** The rule a meeting uses: the template's, with the unit's own minimum when it set one. */
export function quorumRuleFor(
	templateRule: QuorumRule | undefined,
	unitMinimum: number | null | undefined
): QuorumRule | null {
	if (!templateRule) return null;
	if (unitMinimum === null || unitMinimum === undefined) return templateRule;
	return { ...templateRule, minimumAgencies: unitMinimum };
}

/** "At least three agencies present, children's social care among them." */
export function quorumRuleWords(rule: QuorumRule): string {
	const kinds = rule.requiredAgencyKinds.map((k) => agencyKindLabel[k].toLowerCase());
	const among = kinds.length ? `, ${listInWords(kinds)} among them` : '';
	const agencies = rule.minimumAgencies === 1 ? 'agency' : 'agencies';
	return `At least ${numberInWords(rule.minimumAgencies)} ${agencies} present${among}.`;
}

/** Whether the meeting could decide, which agencies were present, and what was missing. */
export type QuorumVerdict = {
	quorate: boolean;
	/** The agencies present in the room or online, each once, in register order. */
	agenciesPresent: string[];
	/** The rule in words. */
	rule: string;
	/** What the meeting lacked, in words ("children's social care was not present"); empty when quorate. */
	lacking: string[];
};

/**
 * Checks the quorum from the register: an agency counts once however many of its people came,
 * and only while someone from it is present (in the room or online; someone who left early
 * no longer counts). The chair and minute-taker are the unit's, not an agency.
 */
export function checkQuorum(rule: QuorumRule, people: readonly RegisterPerson[]): QuorumVerdict {
	const present = new Map<string, string | null>();
	for (const person of people) {
		if (!agencyRoles.includes(person.role) || !isPresent(person.attendance)) continue;
		const name = person.agency ?? null;
		if (!name) continue;
		if (!present.has(name)) present.set(name, person.agencyKind);
	}
	const lacking: string[] = [];
	if (present.size < rule.minimumAgencies) {
		lacking.push(
			`${present.size === 0 ? 'no' : numberInWords(present.size)} ${present.size === 1 ? 'agency was' : 'agencies were'} present, fewer than ${numberInWords(rule.minimumAgencies)}`
		);
	}
	for (const kind of rule.requiredAgencyKinds) {
		if (![...present.values()].includes(kind))
			lacking.push(`${agencyKindLabel[kind].toLowerCase()} was not present`);
	}
	return {
		quorate: lacking.length === 0,
		agenciesPresent: [...present.keys()],
		rule: quorumRuleWords(rule),
		lacking
	};
}

/** The people for whom the register has not been taken (still "invited"). */
export function notOnRegister(people: readonly RegisterPerson[]): RegisterPerson[] {
	return people.filter((p) => p.attendance === 'invited');
}

/** What End meeting warns of before it freezes the record. */
export const endProblemKinds = ['register-not-taken', 'not-quorate'] as const;
export type EndProblemKind = (typeof endProblemKinds)[number];
export type EndProblem = { kind: EndProblemKind; message: string };

/**
 * What would make the record say something untrue or incomplete if the meeting ended now:
 * people with no register entry, and (for a meeting with a quorum) a quorum not met.
 */
export function endProblems(props: {
	people: readonly RegisterPerson[];
	rule: QuorumRule | null;
}): EndProblem[] {
	const problems: EndProblem[] = [];
	const missing = notOnRegister(props.people);
	if (missing.length) {
		problems.push({
			kind: 'register-not-taken',
			message: `The register has not been taken for ${listInWords(missing.map((p) => p.name))}: the documents will say "not recorded" for ${missing.length === 1 ? 'them' : 'each of them'}. Take the register in Welcome, or give your reason for ending without it.`
		});
	}
	if (props.rule) {
		const quorum = checkQuorum(props.rule, props.people);
		if (!quorum.quorate) {
			problems.push({
				kind: 'not-quorate',
				message: `The meeting is not quorate: ${listInWords(quorum.lacking)} (the rule: ${quorum.rule.replace(/\.$/, '').replace(/^A/, 'a')}). Its decision will be recorded as not quorate, with your reason and what happens next.`
			});
		}
	}
	return problems;
}

/** What happens next after a decision taken without a quorum. */
export const nextSteps = ['reconvene', 'ratify'] as const;
export type NextStep = (typeof nextSteps)[number];
export const nextStepWords: Record<NextStep, string> = {
	reconvene: 'The conference will be reconvened to take the decision again.',
	ratify: 'The decision is to be ratified by a quorate conference.'
};

/** The chair's reason for ending despite the problems, kept on the meeting and in the documents. */
export type EndConfirmation = {
	problems: EndProblem[];
	reason: string;
	nextStep: NextStep | null;
};

/** A reason shorter than this (letters, not spaces) says too little. */
export const minimumEndReasonLength = 10;

/**
 * Checks the chair's confirmation of an End with problems: a reason in a sentence, and for a
 * meeting that is not quorate, if given, what happens next (reconvene or ratify).
 */
export function checkEndConfirmation(
	input: { reason?: unknown; nextStep?: unknown },
	problems: readonly EndProblem[]
): Checked<'confirmation', EndConfirmation> {
	const found: Problem[] = [];
	const reason = text(input.reason);
	if (nonSpaceLength(reason) < minimumEndReasonLength) {
		found.push({
			field: 'reason',
			message: `Say why the meeting is ending like this, in a sentence (at least ${minimumEndReasonLength} letters): it goes into the notes and the 24-hour plan.`
		});
	}
	const rawNext = input.nextStep;
	let nextStep: NextStep | null = null;
	if (rawNext !== undefined && rawNext !== null && rawNext !== '') {
		if (!(nextSteps as readonly unknown[]).includes(rawNext)) {
			found.push({
				field: 'nextStep',
				message: 'What happens next must be "reconvene" or "ratify".'
			});
		} else nextStep = rawNext as NextStep;
	}
	if (found.length) return { ok: false, problems: found };
	return {
		ok: true,
		confirmation: {
			problems: [...problems],
			reason,
			nextStep: problems.some((p) => p.kind === 'not-quorate') ? nextStep : null
		}
	};
}
