/**
 * A meeting document as a PDF, with pdfkit on the server: the same model the HTML page renders,
 * in the standard Helvetica fonts (no font files to ship), with the document's title, language
 * and author in its metadata. Tables become labelled lines so they read well on a phone.
 */
import PDFDocument from 'pdfkit';
import type { Block, MeetingDocument } from '../../documents/model';
import { describeConcern } from '../../risk/describe';

const margin = 56;
const colours = { text: '#1a1a1a', muted: '#444444', restricted: '#8a1c1c' };

function riskLines(block: Extract<Block, { type: 'risk-plot' }>): string[] {
	// The risk plot's text alternative: the same words the HTML figure's caption says.
	return block.concerns.map((c, i) => {
		const history = block.history?.[i];
		if (history) {
			const who = block.plain || !c.scores.length ? '' : ` This meeting: ${c.scores.map((s) => `${s.name} ${s.score}`).join(', ')}.`;
			return `${describeConcern(history, { plain: block.plain })} (${c.childName})${who}`;
		}
		const range = c.lowest === null || c.highest === null ? 'not scored' : c.lowest === c.highest ? `${c.lowest} out of 10` : `from ${c.lowest} to ${c.highest} out of 10`;
		const who = block.plain || !c.scores.length ? '' : ` (${c.scores.map((s) => `${s.name} ${s.score}`).join(', ')})`;
		return `${c.title} — ${c.childName}: scores ${range}${who}.`;
	});
}

function writeBlock(pdf: PDFKit.PDFDocument, block: Block): void {
	const width = pdf.page.width - margin * 2;
	switch (block.type) {
		case 'paragraph':
			if (block.author) pdf.font('Helvetica-Bold').text(`${block.author}: `, { continued: true, width });
			pdf.font('Helvetica').text(block.text, { width });
			break;
		case 'restricted':
			pdf.fillColor(colours.restricted).font('Helvetica-Bold').text(`RESTRICTED — not to be shared with the family. From ${block.author}:`, { width });
			pdf.font('Helvetica');
			for (const p of block.paragraphs) pdf.text(p, { width, indent: 12 });
			pdf.fillColor(colours.text);
			break;
		case 'list':
			pdf.font('Helvetica').list(block.items, { width, bulletRadius: 2, textIndent: 12 });
			break;
		case 'facts':
			for (const item of block.items) {
				pdf.font('Helvetica-Bold').text(`${item.term}: `, { continued: true, width });
				pdf.font('Helvetica').text(item.value, { width });
			}
			break;
		case 'table':
			pdf.font('Helvetica-Bold').text(block.caption, { width });
			pdf.font('Helvetica');
			for (const row of block.rows) {
				const line = row.map((cell, i) => (i === 0 ? cell : `${block.head[i]}: ${cell}`)).join(' · ');
				pdf.text(`• ${line}`, { width, indent: 0 });
			}
			break;
		case 'risk-plot':
			pdf.font('Helvetica-Bold').text(block.plain ? 'How safe things are (0 = the child will be hurt, 10 = no one needs to worry)' : 'Risk scores (0 = sure to be harmed, 10 = safe enough)', { width });
			pdf.font('Helvetica');
			for (const line of riskLines(block)) pdf.text(`• ${line}`, { width });
			break;
	}
	pdf.moveDown(0.4);
}

/** Renders the document to PDF bytes. */
export function renderDocumentPdf(doc: MeetingDocument): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const pdf = new PDFDocument({
			size: 'A4',
			margin,
			lang: 'en-GB',
			displayTitle: true,
			bufferPages: true,
			info: { Title: doc.title, Subject: doc.subtitle, Author: 'Roundtable', Creator: `${doc.generator.name} ${doc.generator.version}` }
		});
		const chunks: Buffer[] = [];
		pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
		pdf.on('end', () => resolve(Buffer.concat(chunks)));
		pdf.on('error', reject);
		try {
			pdf.fillColor(colours.text).font('Helvetica-Bold').fontSize(18).text(doc.title);
			pdf.font('Helvetica').fontSize(11).fillColor(colours.muted).text(doc.subtitle).fillColor(colours.text);
			if (doc.containsRestricted) {
				pdf.moveDown(0.5).fillColor(colours.restricted).font('Helvetica-Bold').text('Contains restricted information. Not for the family: remove the marked passages before sharing.').fillColor(colours.text);
			}
			for (const section of doc.sections) {
				pdf.moveDown(0.8).font('Helvetica-Bold').fontSize(14).text(section.heading);
				pdf.moveDown(0.2).fontSize(11);
				for (const block of section.blocks) writeBlock(pdf, block);
			}
			// Page numbers (and the restricted marking) on every page.
			const range = pdf.bufferedPageRange();
			for (let i = range.start; i < range.start + range.count; i++) {
				pdf.switchToPage(i);
				const label = `${doc.containsRestricted ? 'RESTRICTED · ' : ''}${doc.title} · page ${i + 1} of ${range.count}`;
				pdf.font('Helvetica').fontSize(8).fillColor(colours.muted).text(label, margin, pdf.page.height - margin + 16, { width: pdf.page.width - margin * 2, align: 'center', lineBreak: false });
			}
			pdf.end();
		} catch (error) {
			reject(error);
		}
	});
}
