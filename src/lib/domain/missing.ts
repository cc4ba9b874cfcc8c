/**
 * Missing-from-home episodes (issue 25): the two clocks an episode runs. While the young person
 * is missing, the escalation clock: past the time agreed for this episode (in hours, set when it
 * is recorded or by the missing-from-home meeting's plan) the episode is to be escalated to a
 * strategy discussion or a child protection conference, as agreed. Once found, the return
 * interview clock: the interview is due within 72 hours of the young person being found
 * (statutory guidance on children who run away or go missing from home or care, DfE 2014).
 * Pure: instants in, flags out; hours are clock hours, not working days.
 */
import type { MissingEscalation } from './vocabulary';

/** The return interview is due within this many hours of the young person being found. */
export const RETURN_INTERVIEW_WITHIN_HOURS = 72;

/** The agreed time before escalating: a whole number of hours from 1 to 30 days' worth. */
export const AGREED_HOURS_MIN = 1;
export const AGREED_HOURS_MAX = 720;

const HOUR = 3_600_000;

/** What an episode's clocks are worked out from, as the episode holds them. */
export interface EpisodeFacts {
	wentMissingAt: Date;
	/** Hours the young person may be missing before the episode is escalated. */
	agreedHours: number;
	/** What the episode is escalated to when the agreed time passes. */
	escalateTo: MissingEscalation;
	foundAt: Date | null;
	returnInterviewAt: Date | null;
	escalatedAt: Date | null;
}

export interface EpisodeClocks {
	/** When the agreed time runs out: went missing + the agreed hours. */
	escalationDueAt: Date;
	/** Still missing past the agreed time and not escalated yet: escalate to `escalateTo`. */
	toEscalate: boolean;
	escalateTo: MissingEscalation;
	/** 72 hours after found; null while still missing. */
	returnInterviewDueAt: Date | null;
	/** Found more than 72 hours ago and no return interview recorded. */
	returnInterviewOverdue: boolean;
	/** Still missing, or found with the return interview still to do. */
	open: boolean;
}

/** When the agreed time runs out for an episode. */
export function escalationDueAt(wentMissingAt: Date, agreedHours: number): Date {
	return new Date(wentMissingAt.getTime() + agreedHours * HOUR);
}

/** When the return interview is due: 72 hours after the young person was found. */
export function returnInterviewDueAt(foundAt: Date): Date {
	return new Date(foundAt.getTime() + RETURN_INTERVIEW_WITHIN_HOURS * HOUR);
}

/** Is the escalation due at `now`: still missing, not escalated, and the agreed time has run out? */
export function escalationDue(facts: EpisodeFacts, now: Date): boolean {
	if (facts.foundAt !== null || facts.escalatedAt !== null) return false;
	return now.getTime() >= escalationDueAt(facts.wentMissingAt, facts.agreedHours).getTime();
}

/** An episode's clocks at `now`. */
export function episodeClocks(facts: EpisodeFacts, now: Date): EpisodeClocks {
	const interviewDue = facts.foundAt === null ? null : returnInterviewDueAt(facts.foundAt);
	return {
		escalationDueAt: escalationDueAt(facts.wentMissingAt, facts.agreedHours),
		toEscalate: escalationDue(facts, now),
		escalateTo: facts.escalateTo,
		returnInterviewDueAt: interviewDue,
		returnInterviewOverdue:
			interviewDue !== null &&
			facts.returnInterviewAt === null &&
			now.getTime() > interviewDue.getTime(),
		open: facts.foundAt === null || facts.returnInterviewAt === null
	};
}

/** What in an episode needs doing first: an escalation due, then a return interview overdue. */
function urgency(clocks: EpisodeClocks): number {
	if (clocks.toEscalate) return 0;
	if (clocks.returnInterviewOverdue) return 1;
	return 2;
}

/** The clock an episode is ordered by within its urgency: the next time something is due. */
function nextDue(clocks: EpisodeClocks): number {
	return (clocks.returnInterviewDueAt ?? clocks.escalationDueAt).getTime();
}

/**
 * The unit's open episodes in the order to work them: escalations due first (the longest
 * overdue first), then overdue return interviews, then the rest by what falls due next.
 */
export function byUrgency<T extends { clocks: EpisodeClocks }>(episodes: readonly T[]): T[] {
	return [...episodes].sort(
		(a, b) => urgency(a.clocks) - urgency(b.clocks) || nextDue(a.clocks) - nextDue(b.clocks)
	);
}
