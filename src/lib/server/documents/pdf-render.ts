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

function writeBlock(pdf: PDFKit.PDFDocument, block: Block, budget: TextBudget): void {
	const width = pdf.page.width - margin * 2;
	switch (block.type) {
		case 'paragraph': {
			const author = block.author ? budget.take(block.author) : '';
			if (author)
				pdf
					.font('Helvetica-Bold')
					.text(`${fitWords(pdf, author, width)}: `, { continued: true, width });
			say(pdf.font('Helvetica'), budget.take(block.text), { width });
			break;
		}
		case 'restricted': {
			const author = fitWords(pdf.font('Helvetica-Bold'), budget.take(block.author), width);
			pdf
				.fillColor(colours.restricted)
				.text(`RESTRICTED — not to be shared with the family. From ${author}:`, { width });
			pdf.font('Helvetica');
			for (const p of block.paragraphs) {
				if (budget.exhausted) break;
				say(pdf, budget.take(p), { width, indent: 12 });
			}
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
			pdf.list(items, { width, bulletRadius: 2, textIndent: 12 });
			break;
		}
		case 'facts':
			for (const item of block.items) {
				if (budget.exhausted) break;
				pdf
					.font('Helvetica-Bold')
					.text(`${fitWords(pdf, budget.take(item.term), width)}: `, { continued: true, width });
				say(pdf.font('Helvetica'), budget.take(item.value), { width });
			}
			break;
		case 'table':
			say(pdf.font('Helvetica-Bold'), budget.take(block.caption), { width });
			pdf.font('Helvetica');
			for (const row of block.rows) {
				if (budget.exhausted) break;
				const line = row
					.map((cell, i) => (i === 0 ? cell : `${block.head[i]}: ${cell}`))
					.join(' · ');
				say(pdf, budget.take(`• ${line}`), { width, indent: 0 });
			}
			break;
		case 'risk-plot':
			pdf
				.font('Helvetica-Bold')
				.text(
					block.plain
						? 'How safe things are (0 = the child will be hurt, 10 = no one needs to worry)'
						: 'Risk scores (0 = sure to be harmed, 10 = safe enough)',
					{ width }
				);
			pdf.font('Helvetica');
			for (const line of riskLines(block)) {
				if (budget.exhausted) break;
				say(pdf, budget.take(`• ${line}`), { width });
			}
			break;
	}
	pdf.moveDown(0.4);
}

export interface PdfRenderOptions {
	/** The most characters of record text to lay out (default `defaultMaxChars`). */
	maxChars?: number;
}

/** Renders the document to PDF bytes, in this thread. The server calls ./pdf.ts instead. */
export function renderPdfBytes(
	doc: MeetingDocument,
	options: PdfRenderOptions = {}
): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const pdf = new PDFDocument({
			size: 'A4',
			margin,
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
			pdf.fillColor(colours.text).font('Helvetica-Bold').fontSize(18);
			say(pdf, doc.title, { width });
			pdf.font('Helvetica').fontSize(11).fillColor(colours.muted);
			say(pdf, doc.subtitle, { width });
			pdf.fillColor(colours.text);
			if (doc.containsRestricted) {
				pdf
					.moveDown(0.5)
					.fillColor(colours.restricted)
					.font('Helvetica-Bold')
					.text(
						'Contains restricted information. Not for the family: remove the marked passages before sharing.'
					)
					.fillColor(colours.text);
			}
			for (const section of doc.sections) {
				if (budget.exhausted) break;
				pdf.moveDown(0.8).font('Helvetica-Bold').fontSize(14);
				say(pdf, section.heading, { width });
				pdf.moveDown(0.2).fontSize(11);
				for (const block of section.blocks) {
					if (budget.exhausted) break;
					writeBlock(pdf, block, budget);
				}
			}
			if (budget.exhausted) {
				const total = doc.sections.reduce(
					(n, s) => s.blocks.reduce((m, b) => m + blockTextLength(b), n),
					0
				);
				pdf
					.moveDown(0.8)
					.fillColor(colours.restricted)
					.font('Helvetica-Bold')
					.fontSize(11)
					.text(
						`This PDF stops here: the document is longer than a PDF can hold (it shows the first ${budget.max.toLocaleString('en-GB')} of ${total.toLocaleString('en-GB')} characters). Read the whole document on its page in Roundtable.`,
						{ width }
					)
					.fillColor(colours.text);
			}
			// Page numbers (and the restricted marking) on every page.
			const range = pdf.bufferedPageRange();
			const title = doc.title.length > 100 ? `${doc.title.slice(0, 99)}…` : doc.title;
			for (let i = range.start; i < range.start + range.count; i++) {
				pdf.switchToPage(i);
				const label = `${doc.containsRestricted ? 'RESTRICTED · ' : ''}${title} · page ${i + 1} of ${range.count}`;
				pdf
					.font('Helvetica')
					.fontSize(8)
					.fillColor(colours.muted)
					.text(label, margin, pdf.page.height - margin + 16, {
						width: pdf.page.width - margin * 2,
						align: 'center',
						lineBreak: false
					});
			}
			pdf.end();
		} catch (error) {
			reject(error);
		}
	});
}
