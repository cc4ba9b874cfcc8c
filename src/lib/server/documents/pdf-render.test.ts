import { describe, expect, it } from 'vitest';
import type { Block, MeetingDocument } from '../../documents/model';
import { pdfPagesText as pdfText } from '../../../../tests/pdf-pages-text';
import { breakLongWords, longRunLength, renderPdfBytes } from './pdf-render';

function documentWith(blocks: Block[]): MeetingDocument {
	return {
		kind: 'draft-notes',
		audience: 'professionals',
		title: 'Draft notes',
		subtitle: 'Initial child protection conference · Chrissie Walker · 6 January 2027',
		fileName: 'chrissie-walker-draft-notes',
		containsRestricted: true,
		sections: [{ heading: 'Contributions', blocks }],
		generator: { name: 'draft-notes', version: '1' }
	};
}

/** The lines of the PDF's text that `line` matches, each reduced to its first group, joined. */
function laidOutWord(text: string, line: RegExp): string {
	return text
		.split('\n')
		.map((l) => line.exec(l)?.[1])
		.filter((piece) => piece !== undefined)
		.join('');
}

describe('breakLongWords', () => {
	const oneEach = () => 1;

	it('leaves ordinary text, and long words that fit, exactly as they are', () => {
		const ordinary = 'Dawn said Chrissie has been happier at school since the half-term holiday.';
		expect(breakLongWords(ordinary, 10, oneEach)).toBe(ordinary);
		const url = `see https://example.gov.uk/${'reports/'.repeat(10)}x`;
		expect(breakLongWords(url, 200, oneEach)).toBe(url);
	});

	it('cuts a run wider than the room into pieces that fit, keeping every character', () => {
		const word = 'x'.repeat(250);
		const broken = breakLongWords(`before ${word} after`, 100, oneEach);
		expect(broken).toBe(`before ${'x'.repeat(100)}\n${'x'.repeat(100)}\n${'x'.repeat(50)} after`);
		expect(broken.replaceAll('\n', '')).toBe(`before ${word} after`);
	});

	it(`measures only runs longer than ${longRunLength} characters`, () => {
		const measured: string[] = [];
		breakLongWords(
			`${'a'.repeat(longRunLength)} ${'b'.repeat(longRunLength + 1)}`,
			1000,
			(char) => (measured.push(char), 1)
		);
		expect(measured).toEqual(['b']); // each character is measured once, and only in the long run
	});

	it('is linear: a 2,000,000-letter word is cut in well under a second', () => {
		const started = performance.now();
		const broken = breakLongWords('ab'.repeat(1_000_000), 480, () => 6);
		expect(performance.now() - started).toBeLessThan(1000);
		expect(broken.split('\n')).toHaveLength(Math.ceil(2_000_000 / 80));
	});
});

describe('renderPdfBytes', () => {
	it('lays out a 40,000-letter word as full lines, quickly, with all of it in the PDF', async () => {
		const word = 'abcdefghij'.repeat(4000);
		const started = performance.now();
		const pdf = await renderPdfBytes(
			documentWith([{ type: 'paragraph', author: 'Kim Lee', text: `I saw ${word} twice.` }])
		);
		const elapsed = performance.now() - started;
		const text = pdfText(pdf);
		expect(laidOutWord(text, /^([a-j]+)(?: twice\.)?$/)).toBe(word);
		expect(text).toMatch(/Kim Lee: \n?I saw \n/); // the word starts on a line of its own
		expect(text).toContain('twice.');
		// pdfkit alone needs over a second here (3 s on the machine), growing with the square
		expect(elapsed).toBeLessThan(800);
	});

	it('cuts over-long words in every kind of block, in bold and in lists too', async () => {
		const word = (letter: string) => letter.repeat(5000);
		const pdf = await renderPdfBytes(
			documentWith([
				{ type: 'restricted', author: 'PC Jo Reid', paragraphs: [word('k')] },
				{ type: 'list', items: [word('l')] },
				{ type: 'facts', items: [{ term: word('m'), value: word('n') }] },
				{ type: 'table', caption: word('o'), head: ['Action', 'Who'], rows: [[word('p'), 'Sam']] }
			])
		);
		const text = pdfText(pdf);
		for (const letter of 'klmnop')
			expect(laidOutWord(text, new RegExp(`^(?:• )?(${letter}+)(?:: | · Who: Sam)?$`))).toBe(
				word(letter)
			);
	});

	it('stops at the text limit with a marked note, so a huge record still makes a PDF', async () => {
		const paragraph =
			'The family has engaged well with the plan and school attendance is up. '.repeat(100);
		const blocks: Block[] = Array.from({ length: 40 }, () => ({
			type: 'paragraph',
			text: paragraph
		}));
		const pdf = await renderPdfBytes(documentWith(blocks), { maxChars: 20_000 });
		const text = pdfText(pdf);
		expect(text).toContain('This PDF stops here');
		expect(text.replace(/\s+/g, ' ')).toContain(
			`first 20,000 of ${(paragraph.length * 40).toLocaleString('en-GB')} characters`
		);
		const full = pdfText(await renderPdfBytes(documentWith(blocks)));
		expect(full).not.toContain('This PDF stops here');
		expect(full.length).toBeGreaterThan(text.length * 5);
	});
});
