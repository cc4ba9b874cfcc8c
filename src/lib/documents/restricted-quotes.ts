/**
 * Where the professionals' notes quote restricted (third-party) information: business support
 * is warned, so they know that paragraph must never reach the family (the family's copy is made
 * from the open record only, so it never does). A notes paragraph quotes a restricted passage
 * when it holds a run of six words of it in a row (the whole passage if it is shorter).
 */

/** One restricted passage: who gave it and what it says. */
export interface RestrictedPassage {
	author: string;
	text: string;
}

/** One warning: the notes paragraph (0-based, as `notesParagraphs` lists them) and the passage it quotes. */
export interface RestrictedQuote {
	paragraph: number;
	/** The start of the notes paragraph, to find it by. */
	excerpt: string;
	author: string;
}

const RUN = 6;

function words(text: string): string[] {
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/** The runs of words that mark a quote of the passage. */
function runsOf(passage: string): string[] {
	const list = words(passage);
	if (list.length === 0) return [];
	if (list.length <= RUN) return [list.join(' ')];
	const runs: string[] = [];
	for (let i = 0; i + RUN <= list.length; i++) runs.push(list.slice(i, i + RUN).join(' '));
	return runs;
}

/** Every notes paragraph that quotes a restricted passage, in order, each once. */
export function restrictedQuotes(props: {
	paragraphs: string[];
	passages: RestrictedPassage[];
}): RestrictedQuote[] {
	const passages = props.passages
		.map((p) => ({ author: p.author, runs: runsOf(p.text) }))
		.filter((p) => p.runs.length > 0);
	const quotes: RestrictedQuote[] = [];
	props.paragraphs.forEach((text, paragraph) => {
		const haystack = ` ${words(text).join(' ')} `;
		const found = passages.find((p) => p.runs.some((run) => haystack.includes(` ${run} `)));
		if (found) {
			const excerpt = text.length > 80 ? `${text.slice(0, 77)}…` : text;
			quotes.push({ paragraph, excerpt, author: found.author });
		}
	});
	return quotes;
}
