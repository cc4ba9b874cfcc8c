/**
 * The child's own words for the family's plan: what the child said about each worry (the
 * concern card's "What the child says"), quoted, and anything the child wrote in their own
 * contribution when they took part in the meeting.
 *
 * Only the open record is read: concern cards and the contributions of participants whose role
 * is `child`. Restricted passages live in a separate document the generators' input keeps
 * apart (`input.restricted`) and are never read here; nor are professionals' contributions or
 * the notes others wrote in the "child's wishes and feelings" section (their words, not the
 * child's).
 */
import { roots } from '../collab/roots';
import { firstName, listInWords } from '../domain';
import { paragraphsOf, type DocumentInput } from './input';
import { replaceJargon } from './jargon';
import type { Block, DocumentSection } from './model';

/** The words without quotation marks someone typed around them, and trimmed. */
export function unquoted(words: string): string {
	return words
		.trim()
		.replace(/^["“”‘'](.*)["“”’']$/s, '$1')
		.trim();
}

const para = (text: string): Block => ({ type: 'paragraph', text });
const sentence = (text: string) => (/[.!?…]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/**
 * Whether the card's words are somebody's account of the child rather than the child speaking
 * ("Leo is too young to say; he points…"): they name the child.
 */
function isAccount(words: string, name: string): boolean {
	const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
	return new RegExp(`(^|[^\\p{L}])${escaped}([^\\p{L}]|$)`, 'u').test(words);
}

/** One worry's words: the line the plan prints, and whether it quotes the child. */
export interface WorryWords {
	childName: string;
	/** The child's own words, quoted; false for an account of the child ("We wrote down: …"). */
	quoted: boolean;
	line: string;
}

/**
 * One line per worry the child spoke about: "Chrissie is often an hour late for school.
 * Chrissie said: “I hate walking in when everyone is already sitting down.”" Words that are an
 * account of the child rather than a quote are given as "We wrote down: …" in plain words.
 */
export function childWordsAboutWorries(input: DocumentInput): WorryWords[] {
	const out: WorryWords[] = [];
	for (const concern of input.record.concerns) {
		const words = unquoted(concern.childSays);
		if (!words) continue;
		const child = input.meeting.children.find((c) => c.id === concern.childId);
		const childName = firstName(child?.name ?? '') || 'Your child';
		const worry = sentence(concern.title);
		const quoted = !isAccount(words, childName);
		out.push({
			childName,
			quoted,
			line: quoted
				? `${worry} ${childName} said: “${words}”`
				: `${worry} We wrote down: ${sentence(replaceJargon(words).text)}`
		});
	}
	return out;
}

/** What each child who took part wrote in their own contribution, quoted, by first name. */
export function childContributions(input: DocumentInput): { name: string; words: string[] }[] {
	return input.participants
		.filter((p) => p.role === 'child')
		.map((p) => ({
			name: firstName(p.name),
			words: paragraphsOf(input, roots.contribution(p.id))
				.map((para) => unquoted(para.text))
				.filter(Boolean)
		}))
		.filter((c) => c.words.length > 0);
}

/**
 * The family plan's sections of what the children said: "What Chrissie told us" for a child's
 * own words (quoted), and "What we wrote down about Leo" for a worker's account of a child who
 * cannot speak for themselves yet — never one under the other's heading. None when the record
 * holds no words.
 */
export function childWordsSections(input: DocumentInput): DocumentSection[] {
	const worries = childWordsAboutWorries(input);
	const own = childContributions(input);
	const sections: DocumentSection[] = [];
	const quoted = worries.filter((w) => w.quoted);
	const told = [...new Set([...quoted.map((w) => w.childName), ...own.map((c) => c.name)])];
	if (told.length) {
		const blocks: Block[] = [];
		if (quoted.length) blocks.push({ type: 'list', items: quoted.map((w) => w.line) });
		for (const child of own)
			for (const words of child.words)
				blocks.push({ type: 'paragraph', text: `${child.name} wrote: “${words}”` });
		sections.push({ heading: `What ${listInWords(told)} told us`, blocks });
	}
	const accounts = worries.filter((w) => !w.quoted);
	if (accounts.length) {
		const about = listInWords([...new Set(accounts.map((w) => w.childName))]);
		sections.push({
			heading: `What we wrote down about ${about}`,
			blocks: [
				para(`These are what workers saw and heard, in their words, not ${about}’s own.`),
				{ type: 'list', items: accounts.map((w) => w.line) }
			]
		});
	}
	return sections;
}
