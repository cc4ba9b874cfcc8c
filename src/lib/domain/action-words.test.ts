import { describe, expect, it } from 'vitest';
import {
	actionSentence,
	planActionSentence,
	plainVerb,
	readActionWhat,
	sentenceProblems,
	subjectsFor,
	viewCountSentence
} from './action-words';

const names = ['Dawn Walker', 'Mrs Ellen Green', 'Sam Okafor', 'Chrissie Walker', 'Leo Walker'];

describe('plainVerb', () => {
	it('puts a verb back to its plain form', () => {
		expect(plainVerb('sets')).toBe('set');
		expect(plainVerb('walks')).toBe('walk');
		expect(plainVerb('watches')).toBe('watch');
		expect(plainVerb('tries')).toBe('try');
		expect(plainVerb('goes')).toBe('go');
		expect(plainVerb('has')).toBe('have');
	});
	it('leaves words that are not a verb’s -s form', () => {
		for (const word of ['his', 'class', 'focus', 'Chrissie', 'walk', 'this']) {
			expect(plainVerb(word)).toBeNull();
		}
	});
});

describe('readActionWhat', () => {
	const dawn = subjectsFor('Dawn (Mum)', ['Dawn Walker']);
	it('reads a verb phrase as it is, lower-casing its first letter', () => {
		expect(readActionWhat('Set two alarms', dawn, names)).toEqual({
			form: 'verb',
			phrase: 'set two alarms'
		});
		expect(readActionWhat('Book Leo’s checks', dawn, names)).toEqual({
			form: 'verb',
			phrase: 'book Leo’s checks'
		});
	});
	it('takes the doer off a whole sentence and puts the verbs back', () => {
		expect(
			readActionWhat('Dawn sets an alarm and walks Chrissie to school with breakfast.', dawn, names)
		).toEqual({
			form: 'verb',
			phrase: 'set an alarm and walk Chrissie to school with breakfast'
		});
		expect(readActionWhat('Dawn Walker will phone the school', dawn, names)).toEqual({
			form: 'verb',
			phrase: 'phone the school'
		});
	});
	it('takes a job word standing for the doer off too', () => {
		const green = subjectsFor('Mrs Ellen Green', ['Mrs Ellen Green']);
		expect(readActionWhat('School offers breakfast club place', green, names)).toEqual({
			form: 'verb',
			phrase: 'offer breakfast club place'
		});
		expect(readActionWhat('Mrs Green offers a place', green, names)).toEqual({
			form: 'verb',
			phrase: 'offer a place'
		});
	});
	it('keeps a sentence about someone else as written', () => {
		const sam = subjectsFor('Sam Okafor', ['Sam Okafor']);
		expect(readActionWhat('Dawn sets an alarm', sam, names)).toEqual({
			form: 'sentence',
			sentence: 'Dawn sets an alarm'
		});
	});
});

describe('planActionSentence', () => {
	it('builds who will do what, by when', () => {
		expect(
			planActionSentence(
				{
					who: 'Dawn',
					what: 'Dawn sets an alarm and walks Chrissie to school with breakfast',
					byWhen: '2026-12-21'
				},
				{ names, subjects: subjectsFor('Dawn (Mum)', ['Dawn Walker']), today: '2026-12-07' }
			)
		).toBe(
			'Dawn will set an alarm and walk Chrissie to school with breakfast, by Monday 21 December.'
		);
		expect(
			planActionSentence(
				{
					who: 'Mrs Ellen Green, the teacher',
					what: 'School offers breakfast club place',
					byWhen: '2026-12-14'
				},
				{ names, subjects: subjectsFor('Mrs Ellen Green', ['Mrs Ellen Green']) }
			)
		).toBe(
			'Mrs Ellen Green, the teacher, will offer breakfast club place, by Monday 14 December 2026.'
		);
	});
	it('keeps another person’s sentence and says who sees to it', () => {
		expect(
			planActionSentence(
				{ who: 'Sam Okafor', what: 'Dawn sets an alarm', byWhen: '2026-12-14' },
				{ names }
			)
		).toBe('Dawn sets an alarm. Sam Okafor will see that it is done by Monday 14 December 2026.');
	});
	it('never leaves a name after "will" or the subject twice', () => {
		const cases = [
			{ who: 'Dawn Walker', what: 'Dawn sets an alarm', byWhen: '2026-12-21' },
			{ who: 'Dawn Walker', what: 'will visit', byWhen: '2026-12-21' },
			{ who: 'Mrs Ellen Green', what: 'The school will offer a place', byWhen: '' },
			{ who: '', what: 'Visit weekly', byWhen: 'soon' }
		];
		for (const action of cases) {
			const sentence = planActionSentence(action, { names });
			expect(sentenceProblems(sentence), sentence).toEqual([]);
		}
	});
});

describe('sentenceProblems', () => {
	it('finds the broken sentences of issue 21', () => {
		const kinds = (s: string) => sentenceProblems(s).map((p) => p.kind);
		expect(
			kinds(
				'Mrs Ellen Green, the teacher, will school offers breakfast club place by Monday 14 December 2026.'
			)
		).toEqual(['name-after-will']);
		expect(kinds('Dawn Walker will Dawn sets an alarm.')).toEqual(['repeated-subject']);
		expect(kinds('1 of the 1 workers who gave a view said this.')).toContain('broken-count');
		expect(kinds('3 of the 3 workers who gave a view said this.')).toEqual(['broken-count']);
	});
	it('passes sentences that read well', () => {
		for (const s of [
			'Dawn will set an alarm and walk Chrissie to school, by Monday 21 December.',
			'2 of the 3 workers who gave a view said this.',
			'The one worker who gave a view said this.',
			'Sam Okafor, the social worker, will visit the family every week by Friday 8 January 2027.'
		])
			expect(sentenceProblems(s), s).toEqual([]);
	});
});

describe('viewCountSentence', () => {
	it('reads counts naturally', () => {
		expect(viewCountSentence(1, 1)).toBe('The one worker who gave a view said this.');
		expect(viewCountSentence(2, 2)).toBe('Both workers who gave a view said this.');
		expect(viewCountSentence(4, 4)).toBe('All 4 workers who gave a view said this.');
		expect(viewCountSentence(2, 3)).toBe('2 of the 3 workers who gave a view said this.');
		expect(viewCountSentence(0, 3)).toBe('None of the 3 workers who gave a view said this.');
		for (const [a, g] of [
			[1, 1],
			[2, 2],
			[3, 3],
			[1, 3]
		])
			expect(sentenceProblems(viewCountSentence(a, g))).toEqual([]);
	});
});

describe('actionSentence (the live views)', () => {
	it('says who will do what, by when, with the date in words', () => {
		expect(
			actionSentence(
				{ who: 'Mum', what: 'Walk Chrissie to school.', byWhen: '2027-01-08' },
				{ today: '2027-01-02' }
			)
		).toBe('Mum will walk Chrissie to school, by Friday 8 January.');
	});
	it('takes the doer named in the sentence off, by a name the meeting knows', () => {
		expect(
			actionSentence(
				{ who: 'Dawn (Mum)', what: 'Dawn sets two alarms', byWhen: '' },
				{ names: ['Dawn Walker', 'Chrissie Walker'] }
			)
		).toBe('Dawn (Mum) will set two alarms.');
	});
	it('keeps an acronym that starts the action capitalised', () => {
		expect(actionSentence({ who: 'Kim', what: 'GP visit for Leo', byWhen: '' })).toBe(
			'Kim will GP visit for Leo.'
		);
	});
	it('says when who does it is still to agree, and skips an empty action', () => {
		expect(actionSentence({ who: ' ', what: 'Visit weekly', byWhen: 'soon' })).toBe(
			'Still to agree who will visit weekly, by soon.'
		);
		expect(actionSentence({ who: 'Mum', what: '  ', byWhen: '' })).toBe('');
	});
});
