/**
 * Laying out a chart's labels so that none covers another: each label keeps its x and moves up
 * or down from where it wants to be, in small steps, nearest first, until its box meets no box
 * already placed (fixed ones, such as an axis's numbers, included) and stays within the bounds.
 * Deterministic: labels are placed in the order given, so the same chart always looks the same.
 */

/** A label's box: its left, top, width and height, in the chart's units. */
export interface LabelBox {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Whether two boxes share any area (touching edges do not count). */
export function boxesOverlap(a: LabelBox, b: LabelBox): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/**
 * Each label's top after the layout, in the order given. A label with no free place within the
 * bounds (a crowded chart) takes the free place nearest the bounds' edge it wanted, or keeps its
 * own when there is none at all: the caller thins labels out before that can happen.
 */
export function placeLabels(props: {
	labels: LabelBox[];
	fixed?: LabelBox[];
	bounds: { top: number; bottom: number };
	/** How far one nudge moves a label (default: a quarter of its height). */
	step?: number;
}): number[] {
	const placed: LabelBox[] = [...(props.fixed ?? [])];
	const { top, bottom } = props.bounds;
	return props.labels.map((label) => {
		const step = props.step ?? Math.max(label.height / 4, 0.5);
		const lowest = bottom - label.height;
		const free = (y: number) =>
			y >= top - 1e-9 &&
			y <= lowest + 1e-9 &&
			!placed.some((other) => boxesOverlap({ ...label, y }, other));
		const wanted = Math.min(Math.max(label.y, top), Math.max(lowest, top));
		const reach = Math.ceil((bottom - top) / step) + 1;
		let y = wanted;
		for (let k = 0; k <= reach; k++) {
			// Nearest first: no move, then down a step, up a step, down two, up two…
			const down = wanted + k * step;
			const up = wanted - k * step;
			if (free(down)) {
				y = down;
				break;
			}
			if (free(up)) {
				y = up;
				break;
			}
		}
		placed.push({ ...label, y });
		return y;
	});
}
