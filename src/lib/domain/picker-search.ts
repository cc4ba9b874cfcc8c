/**
 * What the people and agency pickers show and how a query is read (issue 28): each person with
 * what tells two of one name apart (their role, agency and email address), each agency with its
 * kind and team mailbox. Pure, so the search endpoints and their tests read a query alike.
 */
import type { MeetingRole, UserRole } from './vocabulary';

/** One person as a picker shows them. */
export interface PersonChoice {
	id: string;
	name: string;
	role: UserRole;
	/** Their agency's name, for a professional who has one. */
	agency: string | null;
	email: string;
}

/** A person the invite picker offers, with the meeting roles that fit their account (the usual first). */
export interface InviteeChoice extends PersonChoice {
	roles: readonly MeetingRole[];
}

/** One agency as a picker shows it. */
export interface AgencyChoice {
	id: string;
	name: string;
	kindLabel: string;
	/** The agency's team mailbox, if it has one. */
	email: string | null;
}

/** The longest query a picker's search takes. */
export const PICKER_QUERY_MAX = 100;

/** Reads a query: its words (at most six), each of which must match somewhere. */
export function pickerWords(q: string): string[] {
	return q
		.slice(0, PICKER_QUERY_MAX)
		.trim()
		.split(/[\s,]+/)
		.filter(Boolean)
		.slice(0, 6);
}

/** A word as an `ilike` pattern matching it anywhere, its own `%`, `_` and `\` taken literally. */
export function containsPattern(word: string): string {
	return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
