/**
 * A meeting document as a PDF, with pdfkit: the same model the HTML page renders, in the
 * standard Helvetica fonts (no font files to ship), with the document's title, language and
 * author in its metadata. Tables become labelled lines so they read well on a phone.
 *
 * This module does the layout itself, synchronously, so it runs in the PDF worker thread
 * (./pdf-worker.mjs loads it; ./pdf.ts is what the server calls). It imports nothing from
 * SvelteKit, only pdfkit and plain modules, so the worker can load it from the source tree.
 *
 * Two limits keep a hostile or enormous record from holding the worker: an unbroken run of
 * characters wider than the line is cut into line-wide pieces before pdfkit lays it out
 * (pdfkit's own breaking of such a word takes time growing with the square of its length),
 * and at most `maxChars` characters of the record's text are laid out, followed by a marked
 * note that the PDF stops there.
 */
import PDFDocument from 'pdfkit';
import type { Block, MeetingDocument } from '../../documents/model';
import { describeConcern } from '../../risk/describe';

const margin = 56;
const colours = { text: '#1a1a1a', muted: '#444444', restricted: '#8a1c1c' };

/** Unbroken runs longer than this are measured, and cut if wider than the line. */
export const longRunLength = 60;

/** The most characters of record text a PDF lays out (about 400 pages of A4). */
export const defaultMaxChars = 1_000_000;

const longRun = new RegExp(`\\S{${longRunLength + 1},}`, 'g');

/**
 * Cuts every unbroken run of more than `longRunLength` characters that is wider than
 * `maxWidth` into pieces no wider than `maxWidth`, one a line (joined by line breaks), so the
 * layout never has to split a word itself. `widthOf` measures one character in the current
 * font. Shorter words and anything that fits are returned unchanged. Linear in the text.
 */
export function breakLongWords(
	text: string,
	maxWidth: number,
	widthOf: (char: string) => number
): string {
	if (text.length <= longRunLength) return text;
	const widths = new Map<string, number>();
	const measure = (char: string): number => {
		let width = widths.get(char);
		if (width === undefined) widths.set(char, (width = widthOf(char)));
		return width;
	};
	return text.replace(longRun, (run) => {
		const pieces: string[] = [];
		let start = 0;
		let width = 0;
		let index = 0;
		for (const char of run) {
			const w = measure(char);
			if (width + w > maxWidth && index > start) {
				pieces.push(run.slice(start, index));
				start = index;
				width = 0;
			}
			width += w;
			index += char.length;
		}
		if (pieces.length === 0) return run;
		pieces.push(run.slice(start));
		return pieces.join('\n');
	});
}

/** The record text a PDF may still lay out: each piece of text takes from it. */
class TextBudget {
	left: number;
	exhausted = false;
	constructor(readonly max: number) {
		this.left = max;
	}
	/** The text, cut short (with an ellipsis) if it goes past what is left. */
	take(text: string): string {
		if (this.exhausted) return '';
		if (text.length <= this.left) {
			this.left -= text.length;
			return text;
		}
		this.exhausted = true;
		const cut = text.slice(0, this.left);
		this.left = 0;
		return `${cut}…`;
	}
}

function riskLines(block: Extract<Block, { type: 'risk-plot' }>): string[] {
	// The risk plot's text alternative: the same words the HTML figure's caption says.
	return block.concerns.map((c, i) => {
		const history = block.history?.[i];
		if (history) {
			const who =
				block.plain || !c.scores.length
					? ''
					: ` This meeting: ${c.scores.map((s) => `${s.name} ${s.score}`).join(', ')}.`;
			return `${describeConcern(history, { plain: block.plain })} (${c.childName})${who}`;
		}
		const range =
			c.lowest === null || c.highest === null
				? 'not scored'
				: c.lowest === c.highest
					? `${c.lowest} out of 10`
					: `from ${c.lowest} to ${c.highest} out of 10`;
		const who =
			block.plain || !c.scores.length
				? ''
				: ` (${c.scores.map((s) => `${s.name} ${s.score}`).join(', ')})`;
		return `${c.title} — ${c.childName}: scores ${range}${who}.`;
	});
}

/** Characters of text in the record's blocks (what the budget counts). */
function blockTextLength(block: Block): number {
	const sum = (texts: string[]) => texts.reduce((n, t) => n + t.length, 0);
	switch (block.type) {
		case 'paragraph':
			return block.text.length + (block.author?.length ?? 0);
		case 'restricted':
			return block.author.length + sum(block.paragraphs);
		case 'list':
			return sum(block.items);
		case 'facts':
			return block.items.reduce((n, item) => n + item.term.length + item.value.length, 0);
		case 'table':
			return block.caption.length + block.rows.reduce((n, row) => n + sum(row), 0);
		case 'risk-plot':
			return sum(riskLines(block));
	}
}

/** Writes text in the current font, its over-long words cut to fit `room` points. */
function say(
	pdf: PDFKit.PDFDocument,
	text: string,
	options: PDFKit.Mixins.TextOptions & { width: number },
	room = options.width - (options.indent ?? 0)
): void {
	pdf.text(fitWords(pdf, text, room), options);
}

/** The text with its over-long words cut to fit `room` points in the current font and size. */
function fitWords(pdf: PDFKit.PDFDocument, text: string, room: number): string {
	// A little slack: kerning is not counted when measuring one character at a time.
	return breakLongWords(text, room * 0.97 - 1, (char) => pdf.widthOfString(char));
}

type Pdf = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/**
 * Adds a structure element of `type` under `parent` whose content is what `draw` writes:
 * the tags a screen reader follows (H1, H2, P, L, LI…).
 */
function tagged(pdf: Pdf, parent: Struct, type: string, draw: () => void): void {
	parent.add(pdf.struct(type, {}, draw));
}

/** A list (L) under `parent`: one LI per item, its bullet an Lbl and its words an LBody. */
function taggedList(
	pdf: Pdf,
	parent: Struct,
	items: string[],
	options: PDFKit.Mixins.TextOptions & { width: number }
): void {
	if (!items.length) return;
	const list = pdf.struct('L');
	parent.add(list);
	pdf.list(items, { ...options, structParent: list, structTypes: ['LI', 'Lbl', 'LBody'] });
	list.end();
}

function writeBlock(pdf: Pdf, parent: Struct, block: Block, budget: TextBudget): void {
	const width = pdf.page.width - margin * 2;
	switch (block.type) {
		case 'paragraph': {
			const author = block.author ? budget.take(block.author) : '';
			const text = budget.take(block.text);
			tagged(pdf, parent, 'P', () => {
				if (author)
					pdf
						.font('Helvetica-Bold')
						.text(`${fitWords(pdf, author, width)}: `, { continued: true, width });
				say(pdf.font('Helvetica'), text, { width });
			});
			break;
		}
		case 'restricted': {
			const author = fitWords(pdf.font('Helvetica-Bold'), budget.take(block.author), width);
			const part = pdf.struct('Div');
			parent.add(part);
			tagged(pdf, part, 'P', () => {
				pdf
					.fillColor(colours.restricted)
					.text(`RESTRICTED — not to be shared with the family. From ${author}:`, { width });
			});
			pdf.font('Helvetica');
			for (const p of block.paragraphs) {
				if (budget.exhausted) break;
				const text = budget.take(p);
				tagged(pdf, part, 'P', () => say(pdf, text, { width, indent: 12 }));
			}
			part.end();
			pdf.fillColor(colours.text);
			break;
		}
		case 'list': {
			pdf.font('Helvetica');
			const items: string[] = [];
			for (const item of block.items) {
				if (budget.exhausted) break;
				items.push(fitWords(pdf, budget.take(item), width - 24));
			}
			taggedList(pdf, parent, items, { width, bulletRadius: 2, textIndent: 12 });
			break;
		}
		case 'facts':
			for (const item of block.items) {
				if (budget.exhausted) break;
				const term = budget.take(item.term);
				const value = budget.take(item.value);
				tagged(pdf, parent, 'P', () => {
					pdf
						.font('Helvetica-Bold')
						.text(`${fitWords(pdf, term, width)}: `, { continued: true, width });
					say(pdf.font('Helvetica'), value, { width });
				});
			}
			break;
		case 'table': {
			// A table on paper reads badly on a phone: each row is a labelled line, tagged as a
			// list under its caption.
			const caption = budget.take(block.caption);
			tagged(pdf, parent, 'P', () => say(pdf.font('Helvetica-Bold'), caption, { width }));
			pdf.font('Helvetica');
			if (!block.rows.length) break;
			const list = pdf.struct('L');
			parent.add(list);
			for (const row of block.rows) {
				if (budget.exhausted) break;
				const line = budget.take(
					`• ${row.map((cell, i) => (i === 0 ? cell : `${block.head[i]}: ${cell}`)).join(' · ')}`
				);
				tagged(pdf, list, 'LI', () => say(pdf, line, { width, indent: 0 }));
			}
			list.end();
			break;
		}
		case 'risk-plot': {
			tagged(pdf, parent, 'P', () =>
				pdf
					.font('Helvetica-Bold')
					.text(
						block.plain
							? 'How safe things are (0 = the child will be hurt, 10 = no one needs to worry)'
							: 'Risk scores (0 = sure to be harmed, 10 = safe enough)',
						{ width }
					)
			);
			pdf.font('Helvetica');
			const lines = riskLines(block);
			if (!lines.length) break;
			const list = pdf.struct('L');
			parent.add(list);
			for (const line of lines) {
				if (budget.exhausted) break;
				const text = budget.take(`• ${line}`);
				tagged(pdf, list, 'LI', () => say(pdf, text, { width }));
			}
			list.end();
			break;
		}
	}
	pdf.moveDown(0.4);
}

/**
 * Starts a new page when a heading would otherwise sit alone at the foot of this one: it needs
 * room for itself and about three lines of what follows.
 */
function keepWithNext(pdf: Pdf, headingHeight: number): void {
	const lines = 3 * pdf.currentLineHeight(true);
	if (pdf.y > pdf.page.margins.top && pdf.y + headingHeight + lines > pdf.page.maxY())
		pdf.addPage();
}

/**
 * Writes `label` in the foot of every page as a pagination artifact (not read out as content).
 * The bottom margin is lifted while it is written: text below the margin would otherwise make
 * pdfkit start a new, empty page for it (each page's footer used to spill onto a blank page).
 */
function writeFooters(pdf: Pdf, label: (page: number, count: number) => string): void {
	const range = pdf.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		pdf.switchToPage(i);
		const bottom = pdf.page.margins.bottom;
		pdf.page.margins.bottom = 0;
		const y = pdf.page.height - margin + 16;
		pdf.markContent('Artifact', {
			type: 'Pagination',
			bbox: [margin, y, pdf.page.width - margin, y + 10]
		});
		pdf
			.font('Helvetica')
			.fontSize(8)
			.fillColor(colours.muted)
			.text(label(i + 1, range.count), margin, y, {
				width: pdf.page.width - margin * 2,
				align: 'center',
				lineBreak: false
			});
		pdf.endMarkedContent();
		pdf.page.margins.bottom = bottom;
	}
}

export interface PdfRenderOptions {
	/** The most characters of record text to lay out (default `defaultMaxChars`). */
	maxChars?: number;
}

/**
 * Renders the document to PDF bytes, in this thread. The server calls ./pdf.ts instead.
 *
 * The PDF is tagged (PDF/UA-style structure for screen readers): a Document element holding
 * the title (H1), the subtitle (P) and one Sect per section with its heading (H2), paragraphs
 * (P) and lists (L, LI); page footers are pagination artifacts. The catalogue names the
 * language (en-GB) and asks viewers to show the title rather than the file name.
 */
export function renderPdfBytes(
	doc: MeetingDocument,
	options: PdfRenderOptions = {}
): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const pdf = new PDFDocument({
			size: 'A4',
			margin,
			pdfVersion: '1.7',
			tagged: true,
			lang: 'en-GB',
			displayTitle: true,
			bufferPages: true,
			info: {
				Title: doc.title,
				Subject: doc.subtitle,
				Author: 'Roundtable',
				Creator: `${doc.generator.name} ${doc.generator.version}`
			}
		});
		const chunks: Buffer[] = [];
		pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
		pdf.on('end', () => resolve(Buffer.concat(chunks)));
		pdf.on('error', reject);
		try {
			const width = pdf.page.width - margin * 2;
			const budget = new TextBudget(options.maxChars ?? defaultMaxChars);
			const root = pdf.struct('Document');
			pdf.addStructure(root);
			pdf.fillColor(colours.text).font('Helvetica-Bold').fontSize(18);
			tagged(pdf, root, 'H1', () => say(pdf, doc.title, { width }));
			pdf.font('Helvetica').fontSize(11).fillColor(colours.muted);
			tagged(pdf, root, 'P', () => say(pdf, doc.subtitle, { width }));
			pdf.fillColor(colours.text);
			if (doc.containsRestricted) {
				pdf.moveDown(0.5);
				tagged(pdf, root, 'P', () =>
					pdf
						.fillColor(colours.restricted)
						.font('Helvetica-Bold')
						.text(
							'Contains restricted information. Not for the family: remove the marked passages before sharing.',
							{ width }
						)
						.fillColor(colours.text)
				);
			}
			for (const section of doc.sections) {
				if (budget.exhausted) break;
				const sect = pdf.struct('Sect');
				root.add(sect);
				pdf.moveDown(0.8).font('Helvetica-Bold').fontSize(14);
				keepWithNext(pdf, pdf.heightOfString(section.heading, { width }));
				tagged(pdf, sect, 'H2', () => say(pdf, section.heading, { width }));
				pdf.moveDown(0.2).fontSize(11);
				for (const block of section.blocks) {
					if (budget.exhausted) break;
					writeBlock(pdf, sect, block, budget);
				}
				sect.end();
			}
			if (budget.exhausted) {
				const total = doc.sections.reduce(
					(n, s) => s.blocks.reduce((m, b) => m + blockTextLength(b), n),
					0
				);
				pdf.moveDown(0.8);
				tagged(pdf, root, 'P', () =>
					pdf
						.fillColor(colours.restricted)
						.font('Helvetica-Bold')
						.fontSize(11)
						.text(
							`This PDF stops here: the document is longer than a PDF can hold (it shows the first ${budget.max.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} characters). Read the whole document on its page in Roundtable.`,
							{ width }
						)
						.fillColor(colours.text)
				);
			}
			root.end();
			// Page numbers (and the restricted marking) on every page.
			const title = doc.title.length > 100 ? `${doc.title.slice(0, 99)}…` : doc.title;
			writeFooters(
				pdf,
				(page, count) =>
					`${doc.containsRestricted ? 'RESTRICTED · ' : ''}${title} · page ${page} of ${count}`
			);
			pdf.end();
		} catch (error) {
			reject(error);
		}
	});
}
