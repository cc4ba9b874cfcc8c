/**
 * A meeting document as accessible HTML: one article, headings in order, tables with captions
 * and header cells, restricted passages marked in words (not colour alone), and a print
 * stylesheet. Every piece of text is escaped: the record is typed by people.
 */
import type { Block, MeetingDocument, RiskConcern } from './model';
import { describeConcern, scaleCaption } from '../risk/describe';
import { riskLegendSvg, riskPlotSvg } from '../risk/svg';

const entities: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => entities[c]);
}

function scoreWords(c: RiskConcern, plain: boolean): string {
	if (c.lowest === null || c.highest === null)
		return plain ? 'No one gave a score yet.' : 'Not scored.';
	const range =
		c.lowest === c.highest ? `${c.lowest} out of 10` : `from ${c.lowest} to ${c.highest} out of 10`;
	return `Scores ${range}.`;
}

/**
 * The risk plot slot: for each concern, its SVG plot over the child's meetings (the same plot
 * the app draws) in a figure whose caption says the same in words; this meeting's scores by
 * name follow for professionals. Without a history, the text summary alone.
 */
export function renderRiskPlot(block: Extract<Block, { type: 'risk-plot' }>): string {
	if (!block.concerns.length) return '<p>No concerns were recorded.</p>';
	const caption = scaleCaption(block.plain);
	const items = block.concerns
		.map((c, i) => {
			const history = block.history?.[i];
			const scores =
				block.plain || !c.scores.length
					? ''
					: `<ul class="scores">${c.scores.map((s) => `<li>${escapeHtml(s.name)}: ${s.score}</li>`).join('')}</ul>`;
			if (!history)
				return `<li><strong>${escapeHtml(c.title)}</strong> (${escapeHtml(c.childName)}). ${escapeHtml(scoreWords(c, block.plain))}${scores}</li>`;
			const svg = riskPlotSvg(history, {
				plain: block.plain,
				idPrefix: `doc-${i}`,
				decorative: true
			});
			const words = describeConcern(history, { plain: block.plain });
			return `<li><figure class="risk-plot-figure"><strong>${escapeHtml(c.title)}</strong> (${escapeHtml(c.childName)})${svg}<figcaption>${escapeHtml(words)}</figcaption></figure>${scores}</li>`;
		})
		.join('');
	const legend = block.history ? riskLegendSvg({ plain: block.plain }) : '';
	return `<figure class="risk-plot" data-slot="risk-plot"><figcaption>${escapeHtml(caption)}</figcaption>${legend}<ul class="risk-summary">${items}</ul></figure>`;
}

function renderBlock(block: Block): string {
	switch (block.type) {
		case 'paragraph':
			return block.author
				? `<p class="authored"><span class="author">${escapeHtml(block.author)}:</span> ${escapeHtml(block.text)}</p>`
				: `<p>${escapeHtml(block.text)}</p>`;
		case 'restricted':
			return `<aside class="restricted" aria-label="Restricted information from ${escapeHtml(block.author)}"><p class="restricted-label"><strong>Restricted — not to be shared with the family.</strong> From ${escapeHtml(block.author)}:</p>${block.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</aside>`;
		case 'list':
			return `<ul>${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
		case 'facts':
			return `<dl class="facts">${block.items.map((i) => `<div><dt>${escapeHtml(i.term)}</dt><dd>${escapeHtml(i.value)}</dd></div>`).join('')}</dl>`;
		case 'table':
			return `<div class="table-wrap" tabindex="0" role="region" aria-label="${escapeHtml(block.caption)}"><table><caption>${escapeHtml(block.caption)}</caption><thead><tr>${block.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${block.rows
				.map(
					(r) =>
						`<tr>${r.map((cell, i) => (i === 0 ? `<th scope="row">${escapeHtml(cell)}</th>` : `<td data-label="${escapeHtml(block.head[i] ?? '')}">${escapeHtml(cell)}</td>`)).join('')}</tr>`
				)
				.join('')}</tbody></table></div>`;
		case 'risk-plot':
			return renderRiskPlot(block);
	}
}

/**
 * The document as one accessible HTML article (no page chrome; the route adds it). Its title is
 * an h1 and its sections h2, as on its own page; inside another page (a child's letter in their
 * space) `headingLevel` moves the title down to fit that page's outline, the sections one below.
 */
export function renderDocumentHtml(
	doc: MeetingDocument,
	options: { headingLevel?: 1 | 2 | 3 | 4 | 5 } = {}
): string {
	const title = options.headingLevel ?? 1;
	const section = title + 1;
	const banner = doc.containsRestricted
		? '<p class="restricted-banner" role="note"><strong>Contains restricted information.</strong> Not for the family: remove the marked passages before sharing.</p>'
		: '';
	const sections = doc.sections
		.map(
			(s, i) =>
				`<section aria-labelledby="doc-s${i}"${s.key ? ` data-section="${escapeHtml(s.key)}"` : ''}><h${section} id="doc-s${i}">${escapeHtml(s.heading)}</h${section}>${s.blocks.map(renderBlock).join('')}</section>`
		)
		.join('');
	return `<article class="meeting-document" data-kind="${doc.kind}" data-audience="${doc.audience}" lang="en-GB"><header><h${title}>${escapeHtml(doc.title)}</h${title}><p class="subtitle">${escapeHtml(doc.subtitle)}</p>${banner}</header>${sections}<footer><p class="generator">Made by ${escapeHtml(doc.generator.name)} ${escapeHtml(doc.generator.version)}.</p></footer></article>`;
}

/** Screen styles for a document page (readable on a phone). */
export const documentStyles = `
.meeting-document { max-width: 46rem; margin: 0 auto; font-size: 1.05rem; line-height: 1.55; color: #1a1a1a; }
.meeting-document h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
.meeting-document h2 { font-size: 1.2rem; margin: 1.6rem 0 .5rem; border-bottom: 1px solid #bbb; padding-bottom: .2rem; }
.meeting-document .subtitle { color: #3b3b3b; margin: 0 0 1rem; }
.meeting-document .author { font-weight: 600; }
/* One fact a row, the term beside its value: the app's own .facts card (several facts a row) must
   not apply here, or "The meeting" box is squeezed into narrow columns of a dozen lines. */
.meeting-document dl.facts { display: grid; grid-template-columns: 1fr; gap: .25rem; margin: .5rem 0; padding: 0; border: 0; border-radius: 0; background: none; }
.meeting-document dl.facts dt { color: inherit; font-size: inherit; }
.meeting-document dl.facts dd { font-weight: normal; }
.meeting-document dl.facts div { display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: .75rem; }
.meeting-document dt { font-weight: 600; }
.meeting-document dd { margin: 0; }
.meeting-document .table-wrap { overflow-x: auto; }
.meeting-document table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
.meeting-document caption { text-align: left; font-weight: 600; padding: .25rem 0; }
.meeting-document th, .meeting-document td { border: 1px solid #999; padding: .35rem .5rem; text-align: left; vertical-align: top; }
.meeting-document thead th { background: #eef1f5; }
.meeting-document .restricted { border: 3px double #8a1c1c; background: #fff4f4; padding: .5rem .75rem; margin: .5rem 0; }
.meeting-document .restricted-label, .meeting-document .restricted-banner { color: #8a1c1c; }
.meeting-document .restricted-banner { border: 2px solid #8a1c1c; padding: .5rem; }
.meeting-document .risk-summary { list-style: none; padding: 0; }
.meeting-document .risk-summary > li { margin: 0 0 1rem; }
.meeting-document .risk-plot-figure { margin: .25rem 0; }
.meeting-document .risk-plot-figure svg { display: block; margin: .25rem 0; }
.meeting-document .generator { color: #4a4a4a; font-size: .85rem; margin-top: 2rem; }
@media (max-width: 40rem) {
  .meeting-document dl.facts div { grid-template-columns: 1fr; gap: 0; }
  .meeting-document { font-size: 1.1rem; }
}
`;

/** Print styles: no page chrome, black on white, sections kept together where they fit. */
export const documentPrintStyles = `
@media print {
  @page { margin: 18mm 16mm; }
  body { background: #fff; }
  header.site-header, nav, .no-print, .document-tools, .readability-panel { display: none !important; }
  .meeting-document { max-width: none; font-size: 11pt; color: #000; }
  .meeting-document h2 { break-after: avoid; }
  .meeting-document table, .meeting-document .restricted, .meeting-document dl.facts div, .meeting-document figure { break-inside: avoid; }
  .meeting-document thead th { background: none; }
  .meeting-document .restricted { background: none; }
  .meeting-document a[href]::after { content: " (" attr(href) ")"; }
}
`;
