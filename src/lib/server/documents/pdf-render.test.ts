import { describe, expect, it } from 'vitest';
import { generateDocument } from '../../documents';
import { fixtureInput } from '../../documents/fixture';
import type { Block, MeetingDocument } from '../../documents/model';
import { documentKinds } from '../../domain/vocabulary';
import {
	pdfInfo,
	pdfPageContents,
	pdfPageTexts,
	pdfPagesText as pdfText
} from '../../../../tests/pdf-pages-text';
import { breakLongWords, longRunLength, renderPdfBytes } from './pdf-render';

function documentWith(blocks: Block[]): MeetingDocument {
	return {
		kind: 'notes',
		audience: 'professionals',
		title: 'Draft notes',
		subtitle: 'Initial child protection conference · Chrissie Walker · 6 January 2027',
		fileName: 'chrissie-walker-draft-notes',
		containsRestricted: true,
		sections: [{ heading: 'Contributions', blocks }],
		generator: { name: 'notes', version: '1' }
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

describe('print that holds up', () => {
	const kinds = documentKinds;
	const footer = /page (\d+) of (\d+)$/;

	/** Each page's text without its footer line ("… · page 2 of 3"). */
	function bodies(pages: string[]): string[] {
		return pages.map((page) =>
			page
				.split('\n')
				.filter((line) => !footer.test(line))
				.join('\n')
				.trim()
		);
	}

	it('prints the 24-hour plan on exactly the pages its text needs, none of them blank', async () => {
		const doc = generateDocument('plan-24h', fixtureInput());
		const pdf = await renderPdfBytes(doc);
		const pages = pdfPageTexts(pdf);
		// The fixture's plan fills one page and part of the next (it printed as 4 pages, 2 blank).
		expect(pages).toHaveLength(2);
		expect(pdf.toString('latin1')).toMatch(/\/Type \/Pages\s*\/Count 2\b/);
		expect(pages.map((page) => page.split('\n').at(-1))).toEqual([
			expect.stringMatching(/page 1 of 2$/),
			expect.stringMatching(/page 2 of 2$/)
		]);
		for (const body of bodies(pages)) expect(body.length).toBeGreaterThan(200);
		// Everything is there, in order: the first heading on page 1, the last words on page 2.
		expect(bodies(pages)[0]).toMatch(/^24-hour plan: /);
		expect(bodies(pages)[1]).toContain('How to complain');
	});

	it.each(kinds)('prints a %s with text on every page and no page left over', async (kind) => {
		const doc = generateDocument(kind, fixtureInput());
		const pages = pdfPageTexts(await renderPdfBytes(doc));
		expect(pages.length).toBeGreaterThan(0);
		pages.forEach((page, i) =>
			expect(page.split('\n').at(-1)).toMatch(new RegExp(`page ${i + 1} of ${pages.length}$`))
		);
		for (const body of bodies(pages)) expect(body).not.toBe('');
	});

	it('keeps a long document to its pages too: 40 paragraphs, every page with text', async () => {
		const paragraph = 'The family has engaged well with the plan and attendance is up. '.repeat(12);
		const pages = pdfPageTexts(
			await renderPdfBytes(
				documentWith(Array.from({ length: 40 }, () => ({ type: 'paragraph', text: paragraph })))
			)
		);
		expect(pages.length).toBeGreaterThan(4);
		for (const body of bodies(pages)) expect(body).not.toBe('');
	});

	it.each(kinds)(
		'tags a %s for screen readers, with its title, language and headings',
		async (kind) => {
			const doc = generateDocument(kind, fixtureInput());
			const pdf = await renderPdfBytes(doc);
			const raw = pdf.toString('latin1');
			expect(raw).toMatch(/^%PDF-1\.7/);
			expect(raw).toMatch(/\/StructTreeRoot \d+ 0 R/);
			expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
			expect(raw).toMatch(/\/Marked true/);
			expect(raw).toContain('/Lang (en-GB)');
			expect(raw).toMatch(/\/DisplayDocTitle true/);
			expect(pdfInfo(pdf).Title).toBe(doc.title);
			// The structure: the title is the one H1, each section an H2, its text in paragraphs.
			expect(raw.match(/\/S \/H1\b/g)).toHaveLength(1);
			expect(raw.match(/\/S \/H2\b/g)).toHaveLength(doc.sections.length);
			expect(raw).toMatch(/\/S \/P\b/);
			expect(raw).toMatch(/\/S \/Sect\b/);
			if (doc.sections.some((s) => s.blocks.some((b) => b.type === 'list')))
				expect(raw).toMatch(/\/S \/LI\b/);
			// The footers are pagination artifacts, not content a screen reader reads on every page.
			for (const content of pdfPageContents(pdf))
				expect(content).toMatch(/\/Artifact <<\s*\/Type \/Pagination[^]*?\bTJ\b[^]*?EMC\s*$/);
		}
	);
});

describe('headings', () => {
	it('never leaves a section heading at the foot of a page without the lines that follow it', async () => {
		let broke = 0;
		for (let n = 26; n <= 40; n++) {
			const doc = documentWith([]);
			doc.sections = [
				{
					heading: 'Contributions',
					blocks: Array.from({ length: n }, (_, i) => ({
						type: 'paragraph',
						text: `Line ${i + 1}.`
					}))
				},
				{
					heading: 'The plan',
					blocks: [{ type: 'list', items: ['Walk Chrissie to school', 'Breakfast club', 'Visit'] }]
				}
			];
			const pages = pdfPageTexts(await renderPdfBytes(doc));
			const page = pages.find((p) => p.split('\n').includes('The plan'))!;
			const lines = page.split('\n').filter((line) => !/page \d+ of \d+$/.test(line));
			expect(
				lines.length - lines.indexOf('The plan') - 1,
				`${n} paragraphs`
			).toBeGreaterThanOrEqual(2);
			if (pages.length > 1 && lines[0] === 'The plan') broke++;
		}
		expect(broke).toBeGreaterThan(0); // some of these lengths put the heading at a page's foot
	});
});
