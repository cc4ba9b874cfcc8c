import { describe, expect, it } from 'vitest';
import {
	checkFeedback,
	feedbackQuestions,
	meanScore,
	removeNames,
	respondentFor
} from './feedback';

describe('respondentFor', () => {
	it('asks parents, children and professionals (advocates among them), nobody else', () => {
		expect(respondentFor('parent')).toBe('parent');
		expect(respondentFor('child')).toBe('child');
		expect(respondentFor('professional')).toBe('professional');
		expect(respondentFor('advocate')).toBe('professional');
		expect(respondentFor('chair')).toBeNull();
		expect(respondentFor('minute-taker')).toBeNull();
		expect(respondentFor('observer')).toBeNull();
		expect(respondentFor(null)).toBeNull();
	});
});

describe('checkFeedback', () => {
	it('takes two scores from 1 to 5 and optional words', () => {
		expect(checkFeedback({ listenedTo: 4, knowWhatNext: '5' })).toEqual({
			ok: true,
			answer: { listenedTo: 4, knowWhatNext: 5, better: '', officerDifference: '' }
		});
	});
	it('names each field that is wrong', () => {
		const result = checkFeedback({ listenedTo: 6, knowWhatNext: 2.5, better: 3 });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(Object.keys(result.errors).sort()).toEqual(['better', 'knowWhatNext', 'listenedTo']);
		expect(result.errors.listenedTo).toMatch(/from 1 .* to 5/);
	});
	it('refuses words too long to read', () => {
		const result = checkFeedback({ listenedTo: 1, knowWhatNext: 1, better: 'x'.repeat(2001) });
		expect(result.ok ? null : result.errors.better).toMatch(/at most 2,000/);
	});
	it('treats nothing at all as two missing scores', () => {
		const result = checkFeedback(null);
		expect(result.ok ? [] : Object.keys(result.errors)).toEqual(['listenedTo', 'knowWhatNext']);
	});
});

describe('feedbackQuestions', () => {
	it('asks a young child in words for their age, and a child in care about their reviewing officer', () => {
		const young = feedbackQuestions({ respondent: 'child', ageBand: 'under-8', inCare: true });
		expect(young.listenedTo).toBe('Did people listen to you?');
		expect(young.officerDifference).toBeTruthy();
		const older = feedbackQuestions({ respondent: 'child', ageBand: '8-12', inCare: true });
		expect(older.officerDifference).toBe('What difference has your reviewing officer made?');
	});
	it('asks no one but a child in care about the reviewing officer', () => {
		expect(feedbackQuestions({ respondent: 'parent', inCare: true }).officerDifference).toBeNull();
		expect(
			feedbackQuestions({ respondent: 'child', ageBand: '13-plus', inCare: false })
				.officerDifference
		).toBeNull();
	});
});

describe('removeNames', () => {
	const names = ['Chrissie Walker', 'Leo Walker', 'Dawn Walker', 'PC Jo Reid', 'Sam Okafor'];
	it('removes full names, first names and surnames, in any case', () => {
		expect(
			removeNames(
				'Sam okafor was kind but chrissie was not asked; Walker family felt rushed',
				names
			)
		).toBe('[name] was kind but [name] was not asked; [name] family felt rushed');
	});
	it('leaves words that only contain a name alone, and short name parts', () => {
		expect(removeNames('Samuel left early. Jo was late.', names)).toBe(
			'Samuel left early. Jo was late.'
		);
	});
});

describe('meanScore', () => {
	it('is to one decimal place, and 0 for none', () => {
		expect(meanScore(7, 3)).toBe(2.3);
		expect(meanScore(0, 0)).toBe(0);
	});
});
