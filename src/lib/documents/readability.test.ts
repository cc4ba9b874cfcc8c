import { describe, expect, it } from 'vitest';
import {
	checkSentences,
	readability,
	sentencesOf,
	syllables,
	wordingProblems
} from './readability';
import { findJargon, replaceJargon } from './jargon';

describe('readability', () => {
	it('counts syllables of common words', () => {
		expect(
			['cat', 'table', 'water', 'family', 'conference', 'plan', 'safe', 'agreed'].map(syllables)
		).toEqual([1, 2, 2, 3, 3, 1, 1, 2]);
	});
	it('scores a very easy sentence', () => {
		const score = readability('The cat sat on the mat.');
		expect(score).toMatchObject({ words: 6, sentences: 1, syllables: 6 });
		expect(score.readingEase).toBeCloseTo(116.1, 1);
		expect(score.grade).toBeCloseTo(-1.4, 1);
		expect(score.readingAge).toBe(5);
	});
	it('scores a hard sentence as hard', () => {
		const score = readability(
			'The multi-agency safeguarding arrangements necessitate comprehensive interdisciplinary assessment of parental capacity.'
		);
		expect(score.readingEase).toBeLessThan(0);
		expect(score.readingAge).toBeGreaterThan(20);
	});
	it('reads names, days, months and numbers inside a sentence as familiar words', () => {
		const [action] = checkSentences(
			'Sam Okafor, the social worker, will arrange Tyler’s dental check by Friday 1 February 2030.'
		);
		expect(action.tooHard).toBe(false);
		// "Okafor" and "February" count one each; "Visiting" starts the sentence and counts in full.
		expect(readability('Visiting Okafor in February.').syllables).toBe(
			syllables('Visiting') + 1 + 1 + 1
		);
	});
	it('splits sentences and flags the ones too hard for a family', () => {
		expect(sentencesOf('We met today. Sam will visit! Is that OK?')).toHaveLength(3);
		const checks = checkSentences(
			'Sam will visit on Monday. The local authority will consider initiating proceedings to safeguard the children.'
		);
		expect(checks.map((c) => c.tooHard)).toEqual([false, true]);
		expect(checks[1].why[0]).toMatch(/reading age/);
		const long = checkSentences(
			'We will meet and we will talk and we will play and we will eat and we will sing and we will go home.'
		);
		expect(long[0].why[0]).toMatch(/words: split it/);
	});
});

describe('jargon', () => {
	it('replaces child-protection terms with plain words, longest first', () => {
		expect(replaceJargon('The child protection plan starts today.').text).toBe(
			'The plan to keep your child safe starts today.'
		);
		expect(replaceJargon('Core group meets on Monday.').text).toBe(
			'Group who meet to check the plan meets on Monday.'
		);
	});
	it('replaces acronyms in capitals only and capitalises at a sentence start', () => {
		expect(replaceJargon('GP will call. The HV visits.').text).toBe(
			'Family doctor will call. The health visitor visits.'
		);
		expect(replaceJargon('A cp of tea.').text).toBe('A cp of tea.');
	});
	it('finds each term with how often it appears', () => {
		expect(findJargon('The CP register and the CP team; the core group.')).toEqual(
			expect.arrayContaining([
				{ term: 'CP', plain: 'keeping children safe', count: 2 },
				{ term: 'core group', plain: 'group who meet to check the plan', count: 1 }
			])
		);
	});
	it('leaves words that only contain a term alone', () => {
		expect(replaceJargon('Contacted the nursery; neglected garden; CPR.').text).toBe(
			'Contacted the nursery; neglected garden; CPR.'
		);
	});
});

describe('wordingProblems', () => {
	it('flags the broken plan sentences the family was sent (issue 21)', () => {
		const found = wordingProblems(
			[
				'Mrs Ellen Green, the teacher, will school offers breakfast club place by Monday 14 December 2026.',
				'Dawn Walker will Dawn sets an alarm and walks Chrissie to school.',
				'1 of the 1 workers who gave a view said this.',
				'Dawn will set an alarm and walk Chrissie to school with breakfast, by Monday 21 December.'
			].join('\n')
		);
		expect(found.map((f) => f.text.slice(0, 20))).toEqual([
			'Mrs Ellen Green, the',
			'Dawn Walker will Daw',
			'1 of the 1 workers w'
		]);
		expect(found.every((f) => f.why.length > 0)).toBe(true);
	});
});
