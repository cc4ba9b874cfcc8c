import { describe, expect, it } from 'vitest';
import { scoreHistory } from './history';
import { riskPlotSvg } from './svg';
import { renderRiskPlot } from '../documents/html';
import { parentPlan, plan24h } from '../documents';
import { fixtureInput } from '../documents/fixture';

const history = scoreHistory({
	childId: 'c',
	childName: 'Chrissie Walker',
	meetings: [1, 2].map((n) => ({
		meeting: { id: `m${n}`, date: `2026-0${n}-05`, kind: 'cin-review' as const },
		concerns: [
			{
				id: 'late',
				childId: 'c',
				title: 'Late <for> "school"',
				dayToDay: '',
				impactNow: '',
				impactLater: '',
				childSays: '',
				safetyGoal: '',
				status: 'open' as const,
				raisedInMeetingId: null
			}
		],
		ratings: {
			[`m${n}-mum`]: { late: 5 + n },
			[`m${n}-sam`]: { late: 2 + n },
			[`m${n}-kim`]: { late: 4 }
		},
		participants: [
			{ id: `m${n}-mum`, name: 'Dawn Walker', role: 'parent' as const },
			{ id: `m${n}-sam`, name: 'Sam Okafor', role: 'professional' as const },
			{ id: `m${n}-kim`, name: 'Kim Lee', role: 'professional' as const }
		]
	}))
});

describe('riskPlotSvg', () => {
	const svg = riskPlotSvg(history.concerns[0], { size: 'phone', plain: true, meId: 'm2-mum' });

	it('draws the goal, the spread, the median and the parents’ diamonds, each marked by shape and word', () => {
		expect(svg).toMatch(/^<svg [^>]*role="img"/);
		expect(svg.match(/data-part="goal"/g)).toHaveLength(1);
		expect(svg.match(/data-part="spread-bar"/g)).toHaveLength(2);
		expect(svg).toContain('data-part="median"');
		expect(svg.match(/data-part="parent-point"/g)).toHaveLength(2);
		expect(svg).toContain('>You 7</text>');
		expect(svg).toContain('>Dawn 6</text>');
		expect(svg).toContain('>safe</text>');
		expect(svg).toContain('5 Jan');
	});

	it('escapes what people typed and carries the words as its description', () => {
		expect(svg).not.toContain('<for>');
		expect(svg).toContain('Late &lt;for&gt; &quot;school&quot;');
		expect(svg).toMatch(/<desc id="[^"]+">Late .*10 means no one needs to worry\.<\/desc>/);
	});
});

describe('the plot’s labels', () => {
	it('never lay two scores’ labels over each other, even at one score ("DaDawn 7")', () => {
		const same = scoreHistory({
			childId: 'c',
			childName: 'Chrissie Walker',
			meetings: [
				{
					meeting: { id: 'm1', date: '2026-01-05', kind: 'cin-review' as const },
					concerns: [{ ...history.concerns[0], id: 'late' } as never],
					ratings: { mum: { late: 7 }, dad: { late: 7 }, sam: { late: 3 } },
					participants: [
						{ id: 'mum', name: 'Dawn Walker', role: 'parent' as const },
						{ id: 'dad', name: 'Dave Walker', role: 'parent' as const },
						{ id: 'sam', name: 'Sam Okafor', role: 'professional' as const }
					]
				}
			]
		});
		for (const size of ['projector', 'small', 'phone', 'default'] as const) {
			const drawn = riskPlotSvg(same.concerns[0], { size });
			const ys = [
				...drawn.matchAll(
					/<text [^>]*y="([\d.]+)"[^>]*font-size="([\d.]+)"[^>]*data-part="score-label">/g
				)
			].map((m) => ({ y: Number(m[1]), size: Number(m[2]) }));
			expect(ys, size).toHaveLength(2);
			expect(Math.abs(ys[0].y - ys[1].y), size).toBeGreaterThanOrEqual(ys[0].size - 0.05);
		}
	});
});

describe('the documents', () => {
	it('draw the plot as inline SVG with its words, in the 24-hour plan and the parent plan', () => {
		const input = { ...fixtureInput(), riskHistory: [] };
		for (const doc of [plan24h(input), parentPlan(input)]) {
			const block = doc.sections.flatMap((s) => s.blocks).find((b) => b.type === 'risk-plot');
			expect(block?.type === 'risk-plot' && block.history?.length).toBeGreaterThan(0);
			const html = renderRiskPlot(block as Extract<typeof block, { type: 'risk-plot' }>);
			expect(html).toContain('<svg');
			expect(html).toContain('<figcaption>');
		}
	});
});
