/**
 * The memory book of a Life Appreciation Day, for the adopters: the child's journey in the
 * contributors' own words, in time order. No restricted text.
 */
import { roots } from '../collab/roots';
import { dateInWords, firstName } from '../domain';
import {
	childNames,
	generatorName,
	generatorVersion,
	paragraphsOf,
	type DocumentInput
} from './input';
import { documentFileName, type Block, type DocumentSection, type MeetingDocument } from './model';
import { documentSection, type DocumentSectionKey } from '../domain/templates/document-sections';

/** The year a memory is about, from the first year written in it ("In 2016 …"), if any. */
export function memoryYear(text: string): number | null {
	const match = /\b(19|20)\d{2}\b/.exec(text);
	return match ? Number(match[0]) : null;
}

export function memoryBook(input: DocumentInput): MeetingDocument {
	const { meeting } = input;
	const names = meeting.children.map((c) => firstName(c.name));
	const memories = input.participants.flatMap((p, order) =>
		paragraphsOf(input, roots.contribution(p.id)).map((paragraph, i) => ({
			text: paragraph.text,
			author: p.name,
			year: memoryYear(paragraph.text),
			order: order * 1000 + i
		}))
	);
	// Dated memories in time order; undated ones keep their place among themselves, after the dated.
	memories.sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity) || a.order - b.order);
	const fromSection = (key: DocumentSectionKey, heading: string): DocumentSection | null => {
		const blocks: Block[] = paragraphsOf(input, roots.section(documentSection(key))).map((p) => ({
			type: 'paragraph',
			text: p.text
		}));
		return blocks.length ? { heading, key, blocks } : null;
	};
	const sections = [
		fromSection('story-so-far', 'The journey so far'),
		{
			heading: 'Memories along the way',
			key: 'memories',
			blocks: memories.length
				? memories.map((m): Block => ({ type: 'paragraph', text: m.text, author: m.author }))
				: [{ type: 'paragraph', text: 'No memories were written down.' } as Block]
		},
		fromSection('adopters-questions', 'Your questions, and the answers'),
		fromSection('closing', 'To finish')
	].filter((s): s is DocumentSection => s !== null);
	return {
		kind: 'memory-book',
		audience: 'family',
		title: `${names.join(' and ')}'s memory book`,
		subtitle: `Shared on ${dateInWords(meeting.date)} by the people who know ${childNames(input)}`,
		fileName: documentFileName({
			children: meeting.children,
			meetingTitle: meeting.title,
			date: meeting.date,
			kind: 'memory-book'
		}),
		containsRestricted: false,
		sections,
		generator: { name: generatorName, version: generatorVersion }
	};
}
