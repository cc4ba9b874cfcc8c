import { describe, expect, it } from 'vitest';
import { boxesOverlap, placeLabels, type LabelBox } from './label-layout';

const box = (x: number, y: number, width = 40, height = 12): LabelBox => ({ x, y, width, height });

describe('laying out a chart’s labels', () => {
	it('leaves labels that do not meet where they are', () => {
		const labels = [box(0, 10), box(60, 10), box(0, 40)];
		expect(placeLabels({ labels, bounds: { top: 0, bottom: 100 } })).toEqual([10, 10, 40]);
	});

	it('moves a label that would cover another to the nearest free place', () => {
		// "Dad 7" and "Dawn 7" at the same score: the second moves just clear of the first.
		const labels = [box(100, 50), box(104, 50)];
		const [first, second] = placeLabels({ labels, bounds: { top: 0, bottom: 200 } });
		expect(first).toBe(50);
		expect(Math.abs(second - 50)).toBe(12);
		const placed = labels.map((l, i) => ({ ...l, y: [first, second][i] }));
		expect(boxesOverlap(placed[0], placed[1])).toBe(false);
	});

	it('keeps clear of fixed boxes and within the bounds', () => {
		const fixed = [box(0, 0, 200, 20)];
		const [y] = placeLabels({ labels: [box(10, -5)], fixed, bounds: { top: 0, bottom: 100 } });
		expect(y).toBeGreaterThanOrEqual(20);
		const [low] = placeLabels({ labels: [box(10, 95)], bounds: { top: 0, bottom: 100 } });
		expect(low).toBe(88);
	});

	it('lays out many labels at one score with no two overlapping, the same way every time', () => {
		const labels = Array.from({ length: 6 }, (_, i) => box(100 + i, 80));
		const first = placeLabels({ labels, bounds: { top: 0, bottom: 200 } });
		expect(placeLabels({ labels, bounds: { top: 0, bottom: 200 } })).toEqual(first);
		const placed = labels.map((l, i) => ({ ...l, y: first[i] }));
		for (let i = 0; i < placed.length; i++)
			for (let j = i + 1; j < placed.length; j++)
				expect(boxesOverlap(placed[i], placed[j]), `${i} and ${j}`).toBe(false);
		for (const y of first) expect(y >= 0 && y + 12 <= 200).toBe(true);
	});

	it('counts touching edges as apart', () => {
		expect(boxesOverlap(box(0, 0), box(40, 0))).toBe(false);
		expect(boxesOverlap(box(0, 0), box(0, 12))).toBe(false);
		expect(boxesOverlap(box(0, 0), box(39, 11))).toBe(true);
	});
});
