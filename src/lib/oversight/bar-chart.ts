/**
 * A horizontal bar chart as SVG markup, for the oversight dashboard and the quarterly report:
 * one row per category, one bar per series (this period solid, the previous one hatched), the
 * number written at the end of every bar and an optional per-row mark (a caseload's limit), so
 * colour is never the only signal. `role="img"` with a `<title>` and a `<desc>` that says the
 * numbers; the table beside it says them again. Pure string building, every text escaped, like
 * src/lib/risk/svg.ts; prints in black and white.
 */
const entities: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};
const esc = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c]);

export interface BarChart {
	id: string;
	title: string;
	/** The series' names, e.g. ["This quarter", "Previous quarter"]; one or two. */
	series: string[];
	rows: { label: string; values: number[]; mark?: number; markLabel?: string }[];
	/** Written after each number, e.g. "%". */
	unit?: string;
}

const ROW = 22;
const GAP = 10;
const LABEL = 230;
const WIDTH = 600;
const FONT = 12;

/** The chart as an `<svg>` string. */
export function barChartSvg(chart: BarChart): string {
	const barsPerRow = chart.series.length;
	const rowHeight = barsPerRow * ROW + GAP;
	const legend = barsPerRow > 1 ? 24 : 0;
	const height = legend + chart.rows.length * rowHeight + 8;
	const plotWidth = WIDTH - LABEL - 60;
	const max = Math.max(
		1,
		...chart.rows.flatMap((r) => [...r.values, r.mark ?? 0].filter((v) => Number.isFinite(v)))
	);
	const x = (v: number) => LABEL + (v / max) * plotWidth;
	const unit = chart.unit ?? '';
	const titleId = `${chart.id}-title`;
	const descId = `${chart.id}-desc`;
	const desc = chart.rows
		.map(
			(r) =>
				`${r.label}: ${r.values.map((v, i) => `${v}${unit}${barsPerRow > 1 ? ` (${chart.series[i]})` : ''}`).join(', ')}${r.mark !== undefined ? `, ${r.markLabel ?? 'limit'} ${r.mark}` : ''}`
		)
		.join('; ');
	const parts: string[] = [
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-labelledby="${titleId} ${descId}" class="bar-chart" font-size="${FONT}" font-family="inherit">`,
		`<title id="${titleId}">${esc(chart.title)}</title>`,
		`<desc id="${descId}">${esc(desc || 'No figures for this period.')}</desc>`,
		`<defs><pattern id="${chart.id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/><line x1="0" y1="0" x2="0" y2="6" stroke="#1d4f91" stroke-width="2.5"/></pattern></defs>`
	];
	const fills = ['#1d4f91', `url(#${chart.id}-hatch)`];
	if (barsPerRow > 1) {
		chart.series.forEach((name, i) => {
			const lx = LABEL + i * 160;
			parts.push(
				`<rect x="${lx}" y="4" width="14" height="14" fill="${fills[i]}" stroke="#1d4f91"/>`,
				`<text x="${lx + 20}" y="15" fill="#222">${esc(name)}</text>`
			);
		});
	}
	chart.rows.forEach((row, r) => {
		const top = legend + r * rowHeight;
		parts.push(
			`<text x="${LABEL - 8}" y="${top + (barsPerRow * ROW) / 2 + 4}" text-anchor="end" fill="#222">${esc(row.label)}</text>`
		);
		row.values.forEach((value, i) => {
			const y = top + i * ROW + 3;
			const w = Math.max(0, x(value) - LABEL);
			parts.push(
				`<rect x="${LABEL}" y="${y}" width="${w.toFixed(1)}" height="${ROW - 6}" fill="${fills[i] ?? fills[0]}" stroke="#1d4f91"/>`,
				`<text x="${(LABEL + w + 5).toFixed(1)}" y="${y + ROW - 10}" fill="#222">${value}${esc(unit)}</text>`
			);
		});
		if (row.mark !== undefined) {
			const mx = x(row.mark).toFixed(1);
			parts.push(
				`<line x1="${mx}" x2="${mx}" y1="${top}" y2="${top + barsPerRow * ROW}" stroke="#b00020" stroke-width="2" stroke-dasharray="4 3"/>`
			);
		}
	});
	parts.push(
		`<line x1="${LABEL}" x2="${LABEL}" y1="${legend}" y2="${height - 8}" stroke="#222" stroke-width="1"/>`,
		'</svg>'
	);
	return parts.join('');
}
