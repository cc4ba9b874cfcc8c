/**
 * The risk plot as SVG markup, one concern per plot: x the child's meetings in order, y 0–10
 * with 10 ("safe enough") at the top as the line to reach; the professionals' lowest-to-highest
 * as a hatched band with their median as a solid line, the parents' own score as labelled
 * diamonds on a dashed line (shape, pattern and label — colour is never the only signal). Pure
 * string building, so the app (Svelte) and the HTML documents draw the very same plot; every
 * piece of text is escaped. Prints in black and white.
 */
import type { ConcernHistory, ConcernPoint } from './history';
import { describeConcern, meetingLabel, scaleCaption } from './describe';
import { placeLabels, type LabelBox } from '../domain/label-layout';

/** About how wide a run of text is, in the chart's units (a sans-serif's average, bold). */
const textWidth = (text: string, fontSize: number) => text.length * fontSize * 0.62;

export type PlotSize = 'default' | 'projector' | 'phone' | 'small';

const entities: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};
const esc = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c]);

interface Geometry {
	width: number;
	height: number;
	left: number;
	right: number;
	top: number;
	bottom: number;
	font: number;
	marker: number;
	stroke: number;
}

const geometries: Record<PlotSize, Geometry> = {
	default: {
		width: 560,
		height: 250,
		left: 78,
		right: 24,
		top: 18,
		bottom: 48,
		font: 12,
		marker: 7,
		stroke: 2.5
	},
	projector: {
		width: 440,
		height: 250,
		left: 74,
		right: 16,
		top: 16,
		bottom: 50,
		font: 15,
		marker: 8,
		stroke: 3
	},
	phone: {
		width: 330,
		height: 250,
		left: 60,
		right: 12,
		top: 16,
		bottom: 54,
		font: 14,
		marker: 8,
		stroke: 3
	},
	small: {
		width: 300,
		height: 170,
		left: 58,
		right: 12,
		top: 12,
		bottom: 40,
		font: 11,
		marker: 6,
		stroke: 2
	}
};

export const plotColours = {
	ink: '#1a1a1a',
	muted: '#555555',
	band: '#c9d6ea',
	professionals: '#1d4f91',
	parents: '#8a3b00',
	goal: '#1e6b34',
	grid: '#d5d5d5'
};

function line(x1: number, y1: number, x2: number, y2: number, attrs: string): string {
	return `<line x1="${x1.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x2.toFixed(1)}" y2="${y2.toFixed(1)}" ${attrs}/>`;
}

function path(points: [number, number][]): string {
	return points.map(([x, y], i) => `${i ? 'L' : 'M'}${x.toFixed(1)} ${y.toFixed(1)}`).join(' ');
}

function diamond(x: number, y: number, r: number): string {
	return `M${x.toFixed(1)} ${(y - r).toFixed(1)} L${(x + r).toFixed(1)} ${y.toFixed(1)} L${x.toFixed(1)} ${(y + r).toFixed(1)} L${(x - r).toFixed(1)} ${y.toFixed(1)} Z`;
}

/** Splits an axis label into at most two short lines. */
function labelLines(text: string): string[] {
	const [date, kind] = text.split(' · ');
	return kind ? [date, kind] : [text];
}

/**
 * One concern's plot as an `<svg>` string with a `<title>` and `<desc>` (the text alternative).
 * `plain` uses the family's words; `idPrefix` keeps ids unique when a page has many plots.
 */
export function riskPlotSvg(
	concern: ConcernHistory,
	options: {
		size?: PlotSize;
		plain?: boolean;
		meId?: string | null;
		idPrefix?: string;
		decorative?: boolean;
	} = {}
): string {
	const { size = 'default', plain = false, meId = null } = options;
	const g = geometries[size];
	const id = `${options.idPrefix ?? 'risk'}-${concern.concernId}`.replace(/[^a-zA-Z0-9_-]/g, '-');
	const points = concern.points;
	const plotW = g.width - g.left - g.right;
	const plotH = g.height - g.top - g.bottom;
	const n = Math.max(points.length, 1);
	const step = plotW / n;
	const x = (i: number) => g.left + step * (i + 0.5);
	const y = (score: number) => g.top + plotH * (1 - score / 10);
	const parts: string[] = [];

	// Grid and the y axis: 0, 5, 10; 10 is the goal, labelled "safe enough".
	for (const tick of [0, 2, 4, 6, 8])
		parts.push(
			line(
				g.left,
				y(tick),
				g.left + plotW,
				y(tick),
				`stroke="${plotColours.grid}" stroke-width="1"`
			)
		);
	for (const tick of [0, 5, 10]) {
		parts.push(
			`<text x="${g.left - 8}" y="${(y(tick) + g.font * 0.35).toFixed(1)}" text-anchor="end" font-size="${g.font}" fill="${plotColours.ink}">${tick}</text>`
		);
	}
	const goalY = y(concern.goal);
	parts.push(
		line(
			g.left,
			goalY,
			g.left + plotW,
			goalY,
			`stroke="${plotColours.goal}" stroke-width="${g.stroke}" stroke-dasharray="${g.stroke * 4} ${g.stroke * 2}" data-part="goal"`
		)
	);
	parts.push(
		`<text x="${g.left - 8}" y="${(goalY + g.font * 1.35).toFixed(1)}" text-anchor="end" font-size="${g.font * 0.85}" font-weight="700" fill="${plotColours.goal}">safe</text>`
	);
	parts.push(
		`<text x="${g.left - 8}" y="${(goalY + g.font * 2.45).toFixed(1)}" text-anchor="end" font-size="${g.font * 0.85}" font-weight="700" fill="${plotColours.goal}">enough</text>`
	);
	parts.push(
		line(g.left, g.top, g.left, g.top + plotH, `stroke="${plotColours.ink}" stroke-width="1.5"`)
	);
	parts.push(
		line(
			g.left,
			g.top + plotH,
			g.left + plotW,
			g.top + plotH,
			`stroke="${plotColours.ink}" stroke-width="1.5"`
		)
	);

	// The x axis: each meeting's short date and kind; "Now" for the live one. When the dates
	// would run into each other, every k-th meeting is labelled, counting back from the last.
	const axisLines = points.map((p) =>
		p.live
			? [labelLines(meetingLabel(p, plain))[0], plain ? 'Today' : 'Now']
			: labelLines(meetingLabel(p, plain))
	);
	const widest = Math.max(0, ...axisLines.flat().map((t) => textWidth(t, g.font)));
	const every = Math.max(1, Math.ceil((widest + g.font * 0.5) / step));
	points.forEach((p, i) => {
		if ((points.length - 1 - i) % every !== 0) return;
		axisLines[i].forEach((text, k) => {
			parts.push(
				`<text x="${x(i).toFixed(1)}" y="${(g.top + plotH + g.font * (1.4 + k * 1.2)).toFixed(1)}" text-anchor="middle" font-size="${g.font * (k ? 0.85 : 1)}" ${p.live || k === 0 ? 'font-weight="700" ' : ''}fill="${plotColours.ink}">${esc(text)}</text>`
			);
		});
	});

	// The professionals' spread (hatched band) and median (solid line with squares).
	const pro = points
		.map((p, i) => ({ p, i }))
		.filter(
			(
				d
			): d is {
				p: ConcernPoint & { professionals: NonNullable<ConcernPoint['professionals']> };
				i: number;
			} => d.p.professionals !== null
		);
	const bandHalf = Math.min(step * 0.18, g.marker * 2.2);
	parts.push(
		`<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${plotColours.band}"/><line x1="0" y1="0" x2="0" y2="6" stroke="${plotColours.professionals}" stroke-width="1.2"/></pattern></defs>`
	);
	if (pro.length > 1) {
		const upper = pro.map(({ p, i }) => [x(i), y(p.professionals.high)] as [number, number]);
		const lower = pro
			.map(({ p, i }) => [x(i), y(p.professionals.low)] as [number, number])
			.reverse();
		parts.push(
			`<path d="${path([...upper, ...lower])} Z" fill="url(#${id}-hatch)" fill-opacity="0.55" stroke="none" data-part="spread"/>`
		);
	}
	for (const { p, i } of pro) {
		const { low, high } = p.professionals;
		parts.push(
			`<rect x="${(x(i) - bandHalf).toFixed(1)}" y="${(y(high) - 2).toFixed(1)}" width="${(bandHalf * 2).toFixed(1)}" height="${(y(low) - y(high) + 4).toFixed(1)}" fill="url(#${id}-hatch)" stroke="${plotColours.professionals}" stroke-width="1.5" data-part="spread-bar"/>`
		);
	}
	if (pro.length > 1)
		parts.push(
			`<path d="${path(pro.map(({ p, i }) => [x(i), y(p.professionals.median)]))}" fill="none" stroke="${plotColours.professionals}" stroke-width="${g.stroke}" data-part="median"/>`
		);
	for (const { p, i } of pro) {
		const m = g.marker * 0.85;
		parts.push(
			`<rect x="${(x(i) - m).toFixed(1)}" y="${(y(p.professionals.median) - m).toFixed(1)}" width="${(m * 2).toFixed(1)}" height="${(m * 2).toFixed(1)}" fill="${plotColours.professionals}" stroke="#fff" stroke-width="1" data-part="median-point"/>`
		);
	}

	// The parents' own score: diamonds on a dashed line, each labelled with the number.
	const family = points
		.map((p, i) => ({ p, i, scores: [...p.parents, ...p.child] }))
		.filter((d) => d.scores.length > 0);
	const familyMean = (d: (typeof family)[number]) =>
		d.scores.reduce((a, s) => a + s.score, 0) / d.scores.length;
	if (family.length > 1)
		parts.push(
			`<path d="${path(family.map((d) => [x(d.i), y(familyMean(d))]))}" fill="none" stroke="${plotColours.parents}" stroke-width="${g.stroke * 0.8}" stroke-dasharray="${g.stroke * 2} ${g.stroke * 1.5}" data-part="parents-line"/>`
		);
	// Each score's label beside its diamond, laid out so that no two cover each other nor the
	// y axis's words ("DaDawn 7" was two labels at one score).
	const labelSize = g.font * 0.9;
	const labels: { text: string; box: LabelBox; flip: boolean }[] = [];
	for (const d of family) {
		for (const s of d.scores) {
			const cx = x(d.i) + step * 0.22;
			const cy = y(s.score);
			const mine = s.participantId === meId;
			parts.push(
				`<path d="${diamond(cx, cy, g.marker * (mine ? 1.3 : 1.1))}" fill="${mine ? plotColours.parents : '#fff'}" stroke="${plotColours.parents}" stroke-width="${g.stroke * 0.9}" data-part="parent-point"/>`
			);
			const text = `${mine ? 'You' : s.name.split(/\s+/)[0]} ${s.score}`;
			// Right of the diamond, or left of it when the label would run off the plot.
			const width = textWidth(text, labelSize);
			const flip = cx + g.marker * 1.6 + width > g.width - 2;
			const lx = flip ? cx - g.marker * 1.6 - width : cx + g.marker * 1.6;
			labels.push({ text, flip, box: { x: lx, y: cy - labelSize / 2, width, height: labelSize } });
		}
	}
	const axisWords: LabelBox[] = [
		{ x: 0, y: goalY, width: g.left - 4, height: g.font * 2.8 },
		...[0, 5].map((tick) => ({
			x: 0,
			y: y(tick) - g.font * 0.6,
			width: g.left - 4,
			height: g.font
		}))
	];
	const tops = placeLabels({
		labels: labels.map((l) => l.box),
		fixed: axisWords,
		bounds: { top: g.top, bottom: g.top + plotH }
	});
	labels.forEach(({ text, box, flip }, i) => {
		// The box's top to the text's baseline: about four fifths of the font's size down.
		const baseline = tops[i] + labelSize * 0.8;
		const lx = flip ? box.x + box.width : box.x;
		parts.push(
			`<text x="${lx.toFixed(1)}" y="${baseline.toFixed(1)}"${flip ? ' text-anchor="end"' : ''} font-size="${labelSize}" font-weight="700" fill="${plotColours.parents}" paint-order="stroke" stroke="#fff" stroke-width="3" data-part="score-label">${esc(text)}</text>`
		);
	});

	const title = plain ? `How safe: ${concern.title}` : `Scores over time: ${concern.title}`;
	const desc = describeConcern(concern, { plain, meId });
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${g.width} ${g.height}" width="100%" class="risk-plot-svg" ${options.decorative ? 'aria-hidden="true" focusable="false"' : `role="img" aria-labelledby="${id}-title ${id}-desc"`} data-size="${size}" font-family="system-ui, sans-serif" style="max-width:${g.width}px;height:auto"><title id="${id}-title">${esc(title)}</title><desc id="${id}-desc">${esc(desc)}</desc>${parts.join('')}</svg>`;
}

/** The key to the plot's marks, as SVG (shapes as well as colours). */
export function riskLegendSvg(options: { plain?: boolean; size?: PlotSize } = {}): string {
	const { plain = false } = options;
	const f = options.size === 'projector' ? 17 : 13;
	const h = f * 2.2;
	const y = h / 2;
	const items: string[] = [];
	let cx = 4;
	const text = (t: string) => {
		items.push(
			`<text x="${cx}" y="${y + f * 0.35}" font-size="${f}" fill="${plotColours.ink}">${esc(t)}</text>`
		);
		cx += t.length * f * 0.52 + f;
	};
	items.push(
		`<path d="${diamond(cx + f * 0.5, y, f * 0.5)}" fill="#fff" stroke="${plotColours.parents}" stroke-width="2"/>`
	);
	cx += f * 1.4;
	text(plain ? 'family' : 'parents');
	items.push(
		`<rect x="${cx}" y="${y - f * 0.4}" width="${f * 0.8}" height="${f * 0.8}" fill="${plotColours.professionals}"/>`
	);
	cx += f * 1.2;
	text(plain ? 'workers (middle)' : 'professionals’ median');
	items.push(
		`<rect x="${cx}" y="${y - f * 0.5}" width="${f * 1.2}" height="${f}" fill="${plotColours.band}" stroke="${plotColours.professionals}"/>`
	);
	cx += f * 1.6;
	text(plain ? 'lowest to highest' : 'spread');
	items.push(
		line(
			cx,
			y,
			cx + f * 1.6,
			y,
			`stroke="${plotColours.goal}" stroke-width="3" stroke-dasharray="8 4"`
		)
	);
	cx += f * 2;
	text(plain ? '10: safe enough' : 'goal: 10, safe enough');
	return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${Math.ceil(cx)} ${h}" width="${Math.ceil(cx)}" class="risk-legend-svg" aria-hidden="true" style="max-width:100%;height:auto">${items.join('')}</svg>`;
}

export { scaleCaption };
