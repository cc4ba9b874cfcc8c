import { describe, expect, it } from 'vitest';
import { planChanges, planContentFor } from './plan-versions';

const v1 = {
	outcomes: [{ id: 'o1', childId: 'amy', text: 'Amy is fed every day', concernId: null }],
	actions: [
		{ id: 'a1', outcomeId: 'o1', what: 'Food bank referral', who: 'Sam', byWhen: '2026-11-20' }
	]
};

describe('a plan’s next version', () => {
	it('nothing changed: no changes', () => {
		expect(planChanges(v1, structuredClone(v1))).toEqual([]);
	});

	it('names what was added, changed and removed', () => {
		const v2 = {
			outcomes: [
				{ ...v1.outcomes[0] },
				{ id: 'o2', childId: 'amy', text: 'Amy goes to school', concernId: null }
			],
			actions: [
				{ id: 'a2', outcomeId: 'o2', what: 'Walk Amy to school', who: 'Mum', byWhen: '' },
				{ ...v1.actions[0], who: 'Kim', byWhen: '2026-12-04' }
			]
		};
		expect(planChanges(v1, v2)).toEqual([
			'Added the outcome “Amy goes to school”',
			'Added the action “Walk Amy to school”',
			'Changed the action “Food bank referral”: who, by when'
		]);
		expect(planChanges(v2, { outcomes: v2.outcomes, actions: [] })).toEqual([
			'Removed the action “Walk Amy to school”',
			'Removed the action “Food bank referral”'
		]);
	});

	it('keeps one child’s outcomes and the actions under them', () => {
		const both = {
			outcomes: [...v1.outcomes, { id: 'o9', childId: 'ben', text: 'Ben', concernId: null }],
			actions: [
				...v1.actions,
				{ id: 'a9', outcomeId: 'o9', what: 'x', who: 'y', byWhen: '', state: 'done' }
			]
		};
		expect(planContentFor(both, 'amy')).toEqual(v1);
	});
});
