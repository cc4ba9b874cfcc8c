import { describe, expect, it } from 'vitest';
import { actionProgressInWords, isActionLate } from './actions';

describe('an action’s progress in plain words', () => {
	const today = '2027-01-12';
	it('says who has done it, without a date', () => {
		expect(actionProgressInWords({ who: 'Sam', state: 'done', dueBy: '2027-01-01' }, today)).toBe(
			'Sam has done this.'
		);
	});
	it('says when it is late, and when it is due otherwise', () => {
		expect(actionProgressInWords({ who: 'Kim', state: 'stuck', dueBy: '2027-01-11' }, today)).toBe(
			'Kim is stuck with this — this is late.'
		);
		expect(
			actionProgressInWords({ who: 'Mum', state: 'in-progress', dueBy: '2027-01-20' }, today)
		).toBe('Mum is working on this — due Wednesday 20 January.');
		expect(actionProgressInWords({ who: ' ', state: 'not-started', dueBy: null }, today)).toBe(
			'Someone has not started this yet.'
		);
	});
	it('is late only when not done and its day has passed', () => {
		expect(isActionLate({ state: 'in-progress', dueBy: '2027-01-11' }, today)).toBe(true);
		expect(isActionLate({ state: 'in-progress', dueBy: today }, today)).toBe(false);
		expect(isActionLate({ state: 'done', dueBy: '2027-01-01' }, today)).toBe(false);
		expect(isActionLate({ state: 'stuck', dueBy: null }, today)).toBe(false);
	});
});
