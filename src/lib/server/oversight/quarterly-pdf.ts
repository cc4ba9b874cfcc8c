/**
 * The quarterly report as a PDF a board reads: a front page saying what went well and what did
 * not against last quarter (from the figures), then each table as a table and its chart as a
 * vector bar chart (pdfkit paths), the same tables and charts as the page. Tagged: a Document
 * with H1/H2/H3, L/LI for the summary, Figure (its alternative text the chart's numbers) and
 * Table/TR/TH/TD; page footers are pagination artifacts. Small and synchronous (a dozen
 * tables), so it renders in the request rather than the documents' worker pool.
 */
import PDFDocument from 'pdfkit';
import type { BarChart } from '../../oversight/bar-chart';
import type { FigureTable } from '../../oversight/tables';
import type { QuarterSummary } from '../../oversight/quarter-summary';

const margin = 50;
const ink = '#1a1a1a';
const muted = '#444444';
const brand = '#1d4f91';
const light = '#c9d6ea';

type Pdf = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** What the PDF shows: the report's words, its tables with their charts, and its summary. */
export interface QuarterlyPdfInput {
	title: string;
	subtitle: string;
	words: string;
	previousWords: string;
	tables: FigureTable[];
	summary: QuarterSummary;
}

function tag(pdf: Pdf, parent: Struct, type: string, draw: () => void, options = {}): void {
	parent.add(pdf.struct(type, options, draw));
}

function roomFor(pdf: Pdf, height: number): void {
	if (pdf.y + height > pdf.page.maxY()) pdf.addPage();
}

function summaryPage(pdf: Pdf, root: Struct, input: QuarterlyPdfInput, width: number): void {
	const sect = pdf.struct('Sect');
	root.add(sect);
	pdf.moveDown(0.8).font('Helvetica-Bold').fontSize(15).fillColor(ink);
	tag(pdf, sect, 'H2', () =>
		pdf.text(`Summary: ${input.words} against ${input.previousWords}`, { width })
	);
	const lists: [string, QuarterSummary['wentWell']][] = [
		['What went well', input.summary.wentWell],
		['What did not go well', input.summary.didNot],
		['No change', input.summary.unchanged]
	];
	for (const [heading, lines] of lists) {
		pdf.moveDown(0.6).font('Helvetica-Bold').fontSize(12);
		tag(pdf, sect, 'H3', () => pdf.text(heading, { width }));
		pdf.font('Helvetica').fontSize(11).moveDown(0.2);
		if (!lines.length) {
			tag(pdf, sect, 'P', () => pdf.text('Nothing this quarter.', { width }));
			continue;
		}
		const list = pdf.struct('L');
		sect.add(list);
		pdf.list(
			lines.map((l) => l.words),
			{
				width,
				bulletRadius: 2,
				textIndent: 12,
				structParent: list,
				structTypes: ['LI', 'Lbl', 'LBody']
			}
		);
		list.end();
	}
	pdf.moveDown(0.8).fontSize(10).fillColor(muted);
	tag(pdf, sect, 'P', () =>
		pdf.text(
			'Each line compares a figure in the tables that follow with the same figure last quarter.',
			{ width }
		)
	);
	pdf.fillColor(ink);
	sect.end();
}

/** The chart's numbers in words: its alternative text. */
function chartWords(chart: BarChart): string {
	const unit = chart.unit ?? '';
	const rows = chart.rows.map(
		(r) =>
			`${r.label}: ${r.values.map((v, i) => `${v}${unit}${chart.series.length > 1 ? ` (${chart.series[i]})` : ''}`).join(', ')}`
	);
	return `${chart.title}. ${rows.join('; ') || 'No figures for this period.'}`;
}

/** A horizontal bar chart: this quarter solid, last quarter light with an outline, numbers at each bar's end. */
function drawChart(pdf: Pdf, parent: Struct, chart: BarChart, width: number): void {
	const bar = 9;
	const rowHeight = chart.series.length * (bar + 2) + 6;
	const height = 18 + chart.rows.length * rowHeight;
	roomFor(pdf, height + 10);
	const top = pdf.y;
	const label = 170;
	const plot = width - label - 50;
	const max = Math.max(1, ...chart.rows.flatMap((r) => r.values.filter(Number.isFinite)));
	const unit = chart.unit ?? '';
	tag(
		pdf,
		parent,
		'Figure',
		() => {
			// The key: the two series by fill, and by word.
			let kx = margin;
			chart.series.forEach((name, i) => {
				pdf.rect(kx, top + 2, 10, 8).lineWidth(0.8);
				if (i === 0) pdf.fillAndStroke(brand, brand);
				else pdf.fillAndStroke(light, brand);
				pdf
					.fillColor(ink)
					.font('Helvetica')
					.fontSize(8)
					.text(name, kx + 14, top + 2, { lineBreak: false });
				kx += 24 + pdf.widthOfString(name);
			});
			chart.rows.forEach((row, r) => {
				const y = top + 18 + r * rowHeight;
				pdf
					.fillColor(ink)
					.fontSize(8)
					.text(row.label, margin, y, { width: label - 8, height: rowHeight, ellipsis: true });
				row.values.forEach((value, i) => {
					const by = y + i * (bar + 2);
					const w = Math.max(0.5, (value / max) * plot);
					pdf.rect(margin + label, by, w, bar).lineWidth(0.8);
					if (i === 0) pdf.fillAndStroke(brand, brand);
					else pdf.fillAndStroke(light, brand);
					pdf
						.fillColor(ink)
						.fontSize(7.5)
						.text(`${value}${unit}`, margin + label + w + 4, by + 1, { lineBreak: false });
				});
			});
			pdf
				.moveTo(margin + label, top + 16)
				.lineTo(margin + label, top + height)
				.lineWidth(0.8)
				.strokeColor(ink)
				.stroke();
		},
		{ alt: chartWords(chart) }
	);
	pdf.x = margin;
	pdf.y = top + height + 8;
}

/** The table itself: a header row, then each row, ruled, across the page. */
function drawTable(pdf: Pdf, parent: Struct, table: FigureTable, width: number): void {
	const columns = table.head.length;
	const first = columns > 3 ? width * 0.34 : width * 0.5;
	const rest = (width - first) / Math.max(1, columns - 1);
	const widthOf = (i: number) => (i === 0 ? first : rest);
	const xOf = (i: number) => margin + (i === 0 ? 0 : first + (i - 1) * rest);
	const element = pdf.struct('Table');
	parent.add(element);
	const row = (cells: string[], header: boolean) => {
		pdf.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(8);
		const height =
			Math.max(...cells.map((c, i) => pdf.heightOfString(c || ' ', { width: widthOf(i) - 6 }))) + 6;
		roomFor(pdf, height);
		const y = pdf.y;
		const tr = pdf.struct('TR');
		element.add(tr);
		cells.forEach((cell, i) => {
			tr.add(
				pdf.struct(header ? 'TH' : 'TD', {}, () => {
					pdf.fillColor(ink).text(cell, xOf(i) + 3, y + 3, {
						width: widthOf(i) - 6,
						align: i === 0 ? 'left' : 'right'
					});
				})
			);
		});
		tr.end();
		pdf.markContent('Artifact', { type: 'Layout' });
		pdf
			.moveTo(margin, y + height)
			.lineTo(margin + width, y + height)
			.lineWidth(header ? 1 : 0.4)
			.strokeColor(header ? ink : '#999999')
			.stroke();
		pdf.endMarkedContent();
		pdf.x = margin;
		pdf.y = y + height;
	};
	row(table.head, true);
	for (const cells of table.rows) row(cells, false);
	element.end();
	pdf.moveDown(0.6);
}

/** Writes each page's footer as a pagination artifact, with the bottom margin lifted. */
function footers(pdf: Pdf, title: string): void {
	const range = pdf.bufferedPageRange();
	for (let i = range.start; i < range.start + range.count; i++) {
		pdf.switchToPage(i);
		const bottom = pdf.page.margins.bottom;
		pdf.page.margins.bottom = 0;
		const y = pdf.page.height - margin + 16;
		pdf.markContent('Artifact', { type: 'Pagination' });
		pdf
			.font('Helvetica')
			.fontSize(8)
			.fillColor(muted)
			.text(`${title} · page ${i + 1} of ${range.count}`, margin, y, {
				width: pdf.page.width - margin * 2,
				align: 'center',
				lineBreak: false
			});
		pdf.endMarkedContent();
		pdf.page.margins.bottom = bottom;
	}
}

/** The report's PDF bytes. */
export function renderQuarterlyPdf(input: QuarterlyPdfInput): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const pdf = new PDFDocument({
			size: 'A4',
			margin,
			pdfVersion: '1.7',
			tagged: true,
			lang: 'en-GB',
			displayTitle: true,
			bufferPages: true,
			info: { Title: input.title, Subject: input.subtitle, Author: 'Roundtable' }
		});
		const chunks: Buffer[] = [];
		pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
		pdf.on('end', () => resolve(Buffer.concat(chunks)));
		pdf.on('error', reject);
		try {
			const width = pdf.page.width - margin * 2;
			const root = pdf.struct('Document');
			pdf.addStructure(root);
			pdf.fillColor(ink).font('Helvetica-Bold').fontSize(20);
			tag(pdf, root, 'H1', () => pdf.text(input.title, { width }));
			pdf.font('Helvetica').fontSize(11).fillColor(muted);
			tag(pdf, root, 'P', () => pdf.text(input.subtitle, { width }));
			pdf.fillColor(ink);
			summaryPage(pdf, root, input, width);
			pdf.addPage();
			for (const [index, table] of input.tables.entries()) {
				// Each table starts on the page it fits on, its heading never alone at the foot.
				if (index > 0) pdf.moveDown(1.2);
				roomFor(pdf, 160);
				const sect = pdf.struct('Sect');
				root.add(sect);
				pdf.font('Helvetica-Bold').fontSize(14).fillColor(ink);
				tag(pdf, sect, 'H2', () => pdf.text(table.heading, margin, pdf.y, { width }));
				pdf.font('Helvetica').fontSize(10).fillColor(muted);
				tag(pdf, sect, 'P', () => pdf.text(table.note, { width }));
				pdf.fillColor(ink).moveDown(0.5);
				if (table.chart && table.chart.rows.length) drawChart(pdf, sect, table.chart, width);
				if (table.rows.length) drawTable(pdf, sect, table, width);
				else
					tag(pdf, sect, 'P', () =>
						pdf
							.font('Helvetica')
							.fontSize(10)
							.text(table.empty ?? 'Nothing to count in this quarter.', { width })
					);
				sect.end();
			}
			root.end();
			footers(pdf, input.title);
			pdf.end();
		} catch (error) {
			reject(error);
		}
	});
}
