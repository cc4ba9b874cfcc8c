/**
 * The chair's check before a family document goes out: reading ease and reading age of the
 * whole and of each section, the sentences that are too hard, jargon still in it (and what was
 * replaced), sentences that read wrongly, and any capitals-only word that may be an unexplained acronym.
 */
import { findJargon, type JargonFound } from './jargon';
import type { Block, MeetingDocument } from './model';
import {
	checkSentences,
	readability,
	type ReadabilityScore,
	type SentenceCheck,
	wordingProblems,
	type WordingProblem
} from './readability';

export interface DocumentReadability {
	overall: ReadabilityScore;
	sections: { heading: string; score: ReadabilityScore }[];
	tooHard: (SentenceCheck & { section: string })[];
	/** Sentences that read wrongly: a subject said twice, a name after "will", a dangling count. */
	wording: (WordingProblem & { section: string })[];
	jargonLeft: JargonFound[];
	jargonReplaced: JargonFound[];
	acronyms: string[];
}

/** The readable text of a block, as sentences (a list item or fact is a sentence of its own). */
export function blockText(block: Block): string[] {
	switch (block.type) {
		case 'paragraph':
			return [block.text];
		case 'restricted':
			return block.paragraphs;
		case 'list':
			return block.items;
		case 'facts':
			return block.items.map((i) => `${i.term}: ${i.value}`);
		case 'table':
			return block.rows.map((r) => r.join(', '));
		case 'risk-plot':
			return block.concerns.map((c) => c.title);
	}
}

const endSentence = (t: string) => (/[.!?]$/.test(t.trim()) ? t.trim() : `${t.trim()}.`);

/** Scores a document for the chair's readability panel. */
export function documentReadability(doc: MeetingDocument): DocumentReadability {
	const sections = doc.sections.map((s) => ({
		heading: s.heading,
		text: s.blocks.flatMap(blockText).map(endSentence).join('\n')
	}));
	const all = sections.map((s) => s.text).join('\n');
	const acronyms = [...new Set(all.match(/\b[A-Z]{2,}s?\b/g) ?? [])];
	return {
		overall: readability(all),
		sections: sections.map((s) => ({ heading: s.heading, score: readability(s.text) })),
		tooHard: sections.flatMap((s) =>
			checkSentences(s.text)
				.filter((c) => c.tooHard)
				.map((c) => ({ ...c, section: s.heading }))
		),
		wording: sections.flatMap((s) =>
			wordingProblems(s.text).map((w) => ({ ...w, section: s.heading }))
		),
		jargonLeft: findJargon(all),
		jargonReplaced: doc.jargonReplaced ?? [],
		acronyms
	};
}
