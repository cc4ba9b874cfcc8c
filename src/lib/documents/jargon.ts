/**
 * Child-protection jargon → plain words, from the glossary kept as data (glossary.json).
 * Used on every family document and by the chair's readability panel.
 */
import glossary from './glossary.json';

export interface GlossaryTerm {
	term: string;
	plain: string;
	/** Matched in capitals only ("CP", not "cp"), so ordinary words are never touched. */
	acronym?: boolean;
}

/** The glossary's terms, longest first, so "child protection plan" wins over "child protection". */
export const glossaryTerms: readonly GlossaryTerm[] = [...(glossary.terms as GlossaryTerm[])].sort(
	(a, b) => b.term.length - a.term.length
);

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// JavaScript has no inline (?-i:) groups, so acronyms and words are matched separately.
const wordTerms = glossaryTerms.filter((t) => !t.acronym);
const acronymTerms = glossaryTerms.filter((t) => t.acronym);
const wordPattern = new RegExp(
	`(?<![\\w-])(?:${wordTerms.map((t) => escape(t.term)).join('|')})(?![\\w-])`,
	'gi'
);
const acronymPattern = new RegExp(
	`(?<![\\w-])(?:${acronymTerms.map((t) => escape(t.term)).join('|')})s?(?![\\w-])`,
	'g'
);

const byLowerTerm = new Map(glossaryTerms.map((t) => [t.term.toLowerCase(), t]));

export interface JargonFound {
	term: string;
	plain: string;
	count: number;
}

function record(found: Map<string, JargonFound>, term: GlossaryTerm): void {
	const entry = found.get(term.term) ?? { term: term.term, plain: term.plain, count: 0 };
	entry.count++;
	found.set(term.term, entry);
}

/** The jargon in a text, each term with its plain words and how often it appears. */
export function findJargon(text: string): JargonFound[] {
	return replaceJargon(text).found;
}

/**
 * Replaces every glossary term with its plain words, keeping a capital letter where the term
 * started a sentence. Returns the new text and the terms found.
 */
export function replaceJargon(text: string): { text: string; found: JargonFound[] } {
	const found = new Map<string, JargonFound>();
	const startsSentence = (offset: number, whole: string) =>
		offset === 0 || /[.!?:]\s+$/.test(whole.slice(0, offset));
	const capitalise = (words: string) => words[0].toUpperCase() + words.slice(1);
	const first = text.replace(acronymPattern, (match, offset: number, whole: string) => {
		const term =
			byLowerTerm.get(match.toLowerCase()) ?? byLowerTerm.get(match.slice(0, -1).toLowerCase());
		if (!term) return match;
		record(found, term);
		return startsSentence(offset, whole) ? capitalise(term.plain) : term.plain;
	});
	const out = first.replace(wordPattern, (match, offset: number, whole: string) => {
		const term = byLowerTerm.get(match.toLowerCase());
		if (!term) return match;
		record(found, term);
		return startsSentence(offset, whole) ? capitalise(term.plain) : term.plain;
	});
	return { text: out, found: [...found.values()] };
}
