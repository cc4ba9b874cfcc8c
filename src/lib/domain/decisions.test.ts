import { describe, expect, it } from 'vitest';
import {
	checkChairOutcome,
	checkDecision,
	tallyDecisions,
	type RecordedDecision
} from './decisions';

const reason = 'Chrissie has missed school on 14 days this term and no one knows where she was.';

describe('checkDecision: decision, then why?', () => {
	it('accepts a decision with its reason, trimmed', () => {
		const checked = checkDecision({
			childId: 'c1',
			recommendation: 'plan',
			reason: `  ${reason}  `
		});
		expect(checked).toEqual({
			ok: true,
			decision: { childId: 'c1', recommendation: 'plan', reason }
		});
	});

	it.each([
		['missing', undefined],
		['empty', ''],
		['white space only', '   \n\t  ']
	])('refuses a decision whose reason is %s, asking the person to say why', (_, r) => {
		const checked = checkDecision({ childId: 'c1', recommendation: 'no-plan', reason: r });
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.problems).toHaveLength(1);
		expect(checked.problems[0].field).toBe('reason');
		expect(checked.problems[0].message).toMatch(/^Say why/);
	});

	it('refuses a reason of fewer than 10 letters, not counting spaces', () => {
		const short = checkDecision({
			childId: 'c1',
			recommendation: 'plan',
			reason: 'a b c d e f g h i'
		}); // 9
		expect(short.ok).toBe(false);
		if (!short.ok)
			expect(short.problems[0]).toMatchObject({
				field: 'reason',
				message: expect.stringMatching(/^Say why/)
			});
		const enough = checkDecision({
			childId: 'c1',
			recommendation: 'plan',
			reason: 'a b c d e f g h i j'
		}); // 10
		expect(enough.ok).toBe(true);
	});

	it('lists every problem at once: child, recommendation and reason', () => {
		const checked = checkDecision({ recommendation: 'maybe' });
		expect(checked.ok).toBe(false);
		if (!checked.ok)
			expect(checked.problems.map((p) => p.field)).toEqual(['childId', 'recommendation', 'reason']);
	});

	it('refuses a decision about a child who is not in the meeting', () => {
		const checked = checkDecision(
			{ childId: 'c9', recommendation: 'plan', reason },
			{ childIds: ['c1', 'c2'] }
		);
		expect(checked.ok).toBe(false);
		if (!checked.ok) expect(checked.problems[0].field).toBe('childId');
	});
});

describe("checkChairOutcome: the chair's outcome and category", () => {
	it('requires a category for a plan', () => {
		const checked = checkChairOutcome({ childId: 'c1', outcome: 'plan', reason });
		expect(checked.ok).toBe(false);
		if (!checked.ok)
			expect(checked.problems).toEqual([
				{ field: 'category', message: expect.stringMatching(/neglect/) }
			]);
	});

	it('accepts a plan with its category', () => {
		expect(
			checkChairOutcome({ childId: 'c1', outcome: 'plan', category: 'neglect', reason })
		).toEqual({
			ok: true,
			outcome: { childId: 'c1', outcome: 'plan', category: 'neglect', reason }
		});
	});

	it('refuses a category when there is no plan, and an unknown category', () => {
		const noPlan = checkChairOutcome({
			childId: 'c1',
			outcome: 'no-plan',
			category: 'neglect',
			reason
		});
		expect(noPlan.ok).toBe(false);
		const unknown = checkChairOutcome({
			childId: 'c1',
			outcome: 'plan',
			category: 'poverty',
			reason
		});
		expect(unknown.ok).toBe(false);
		if (!unknown.ok) expect(unknown.problems[0].field).toBe('category');
	});

	it('accepts no plan without a category', () => {
		expect(
			checkChairOutcome({ childId: 'c1', outcome: 'no-plan', category: null, reason })
		).toEqual({
			ok: true,
			outcome: { childId: 'c1', outcome: 'no-plan', reason }
		});
	});

	it('refuses an outcome without its own reason, as it refuses a view without one', () => {
		const none = checkChairOutcome({ childId: 'c1', outcome: 'plan', category: 'neglect' });
		expect(none.ok).toBe(false);
		if (!none.ok)
			expect(none.problems).toEqual([
				{ field: 'reason', message: expect.stringMatching(/^Say why/) }
			]);
		const short = checkChairOutcome({ childId: 'c1', outcome: 'no-plan', reason: 'agreed' });
		expect(short.ok).toBe(false);
		if (!short.ok) expect(short.problems[0].message).toMatch(/at least 10 letters/);
	});
});

describe('tallyDecisions', () => {
	const decisions: RecordedDecision[] = [
		{ participantId: 'sw', childId: 'c1', recommendation: 'plan', reason },
		{ participantId: 'police', childId: 'c1', recommendation: 'plan', reason },
		{
			participantId: 'school',
			childId: 'c1',
			recommendation: 'no-plan',
			reason: 'Attendance has improved since September.'
		},
		{
			participantId: 'sw',
			childId: 'c2',
			recommendation: 'no-plan',
			reason: 'The baby is thriving and seen weekly.'
		}
	];

	it('counts per child and keeps the dissent from the chair outcome with its reason', () => {
		const [c1, c2] = tallyDecisions(decisions, [
			{ childId: 'c1', outcome: 'plan', category: 'neglect', reason },
			{ childId: 'c2', outcome: 'no-plan', reason }
		]);
		expect(c1).toMatchObject({ childId: 'c1', plan: 2, noPlan: 1, unanimous: false });
		expect(c1.dissent).toEqual([decisions[2]]);
		expect(c1.decisions).toHaveLength(3);
		expect(c2).toMatchObject({ childId: 'c2', plan: 0, noPlan: 1, unanimous: true, dissent: [] });
	});

	it('keeps every decision before the chair has given an outcome', () => {
		const [c1] = tallyDecisions(decisions);
		expect(c1.outcome).toBeNull();
		expect(c1.dissent).toEqual([]);
		expect(c1.decisions).toEqual(decisions.slice(0, 3));
	});

	it('lists a child with an outcome but no decisions yet', () => {
		const tally = tallyDecisions([], [{ childId: 'c3', outcome: 'no-plan', reason }]);
		expect(tally).toEqual([
			expect.objectContaining({
				childId: 'c3',
				plan: 0,
				noPlan: 0,
				unanimous: false,
				decisions: []
			})
		]);
	});

	it("counts a participant's changed decision once, as changed", () => {
		const changed = {
			...decisions[2],
			recommendation: 'plan' as const,
			reason: 'Having heard the police, I agree.'
		};
		const [c1] = tallyDecisions(
			[...decisions, changed],
			[{ childId: 'c1', outcome: 'plan', category: 'neglect', reason }]
		);
		expect(c1).toMatchObject({ plan: 3, noPlan: 0, unanimous: true, dissent: [] });
	});

	it('is never unanimous when a voting professional present gave no view, and names them', () => {
		const one: RecordedDecision[] = [
			{ participantId: 'sw', childId: 'leo', recommendation: 'plan', reason }
		];
		const [leo] = tallyDecisions(one, [], ['sw', 'police', 'health', 'school']);
		expect(leo).toMatchObject({
			plan: 1,
			noPlan: 0,
			votersPresent: 4,
			gaveView: 1,
			noView: ['police', 'health', 'school'],
			unanimous: false
		});
	});

	it('is unanimous when every voting professional present agreed', () => {
		const [c2] = tallyDecisions(decisions.slice(3), [], ['sw']);
		expect(c2).toMatchObject({ votersPresent: 1, gaveView: 1, noView: [], unanimous: true });
	});

	it('counts someone who gave a view as present even when the register says otherwise', () => {
		const [c1] = tallyDecisions(decisions.slice(0, 2), [], ['sw']);
		expect(c1).toMatchObject({ votersPresent: 2, gaveView: 2, noView: [], unanimous: true });
	});
});
