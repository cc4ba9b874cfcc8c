import { describe, expect, it } from 'vitest';
import {
	dateInWords,
	durationInWords,
	familyScoreSummaryText,
	familyTitle,
	firstName,
	formatDuration,
	withArticle,
	scoreInWords,
	scoreSummaryText,
	summariseScores
} from './plain-words';

const people = [
	{ id: 'mum', name: 'Dawn Walker', role: 'parent' as const },
	{ id: 'dad', name: 'Jordan Price', role: 'parent' as const },
	{ id: 'sw', name: 'Sam Okafor', role: 'professional' as const },
	{ id: 'hv', name: 'Kim Lee', role: 'professional' as const },
	{ id: 'chair', name: 'Priya Shah', role: 'chair' as const },
	{ id: 'kid', name: 'Chrissie Walker', role: 'child' as const }
];

describe('dateInWords', () => {
	it('drops the year when it is this year', () => {
		expect(dateInWords('2027-01-08', '2027-01-02')).toBe('Friday 8 January');
	});
	it('keeps the year across a new year, or with no today', () => {
		expect(dateInWords('2027-01-08', '2026-12-18')).toBe('Friday 8 January 2027');
		expect(dateInWords('2027-01-08')).toBe('Friday 8 January 2027');
	});
	it('leaves text that is not a date as written', () => {
		expect(dateInWords(' next week ')).toBe('next week');
		expect(dateInWords('2026-02-30')).toBe('2026-02-30');
	});
	it('says "not set" for an empty date, so a document never leaves a hole', () => {
		expect(dateInWords('')).toBe('not set');
		expect(dateInWords('  ')).toBe('not set');
	});
	it('reads a date with spaces round it as the date', () => {
		expect(dateInWords(' 2027-01-06 ')).toBe('Wednesday 6 January 2027');
	});
});

describe('scores', () => {
	it('puts each score into words at the ends and the middle', () => {
		expect(scoreInWords(0)).toBe('very unsafe');
		expect(scoreInWords(5)).toBe('some worries');
		expect(scoreInWords(10)).toBe('safe enough');
	});

	it('summarises parents, the child and the professionals’ range', () => {
		const ratings = {
			mum: { k1: 6 },
			sw: { k1: 3 },
			hv: { k1: 5 },
			chair: { k1: 4 },
			kid: { k1: 8 },
			dad: { k2: 1 }
		};
		const summary = summariseScores({ ratings, concernId: 'k1', people, meId: 'mum' });
		expect(summary.mine).toBe(6);
		expect(summary.workers).toEqual({ low: 3, high: 5, count: 3 });
		expect(summary.scores.map((s) => s.participantId)).toEqual(['mum', 'sw', 'hv', 'chair', 'kid']);
		expect(scoreSummaryText(summary)).toBe('parents 6, child 8, professionals 3–5');
		expect(familyScoreSummaryText(summary, 'mum')).toBe(
			'You said 6 (some worries). Chrissie Walker said 8. The workers said 3 to 5.'
		);
	});

	it('says when no one has scored, and a single worker without a range', () => {
		const none = summariseScores({ ratings: {}, concernId: 'k1', people });
		expect(none.mine).toBeNull();
		expect(scoreSummaryText(none)).toBe('No scores yet');
		expect(familyScoreSummaryText(none, null)).toBe('No one has given a score yet.');
		const one = summariseScores({
			ratings: { sw: { k1: 2 }, hv: { k1: 2 } },
			concernId: 'k1',
			people
		});
		expect(scoreSummaryText(one)).toBe('professionals 2');
		const single = summariseScores({ ratings: { sw: { k1: 2 } }, concernId: 'k1', people });
		expect(familyScoreSummaryText(single, 'mum')).toBe('The worker said 2 (unsafe).');
	});
});

describe('durations and names', () => {
	it('formats the timer as a clock and in words', () => {
		expect(formatDuration(245_000)).toBe('4:05');
		expect(formatDuration(3_729_000)).toBe('1:02:09');
		expect(formatDuration(-5)).toBe('0:00');
		expect(durationInWords(245_000)).toBe('4 minutes 5 seconds');
		expect(durationInWords(1_000)).toBe('1 second');
		expect(durationInWords(3_729_000)).toBe('1 hour 2 minutes');
	});
	it('takes a first name', () => {
		expect(firstName('Chrissie Walker')).toBe('Chrissie');
	});
});

describe('withArticle', () => {
	it('puts "a" or "an" as the phrase is said, for every kind of meeting', () => {
		expect(withArticle('initial child protection conference')).toBe(
			'an initial child protection conference'
		);
		expect(withArticle('review child protection conference')).toBe(
			'a review child protection conference'
		);
		expect(withArticle('Life Appreciation Day', true)).toBe('A Life Appreciation Day');
		expect(withArticle('unit')).toBe('a unit');
		expect(withArticle('hour')).toBe('an hour');
		expect(withArticle('GP letter')).toBe('a GP letter');
		expect(withArticle('SW visit')).toBe('an SW visit');
		expect(withArticle('initial conference', true)).toBe('An initial conference');
	});
});

describe('familyTitle', () => {
	it('names a family as a heading: "The Okoro family", however the unit typed it', () => {
		expect(familyTitle('Okoro')).toBe('The Okoro family');
		expect(familyTitle('Okoro family')).toBe('The Okoro family');
		expect(familyTitle('the Okoro family')).toBe('The Okoro family');
		expect(familyTitle('  Okoro-Hughes   Family ')).toBe('The Okoro-Hughes family');
		expect(familyTitle('Okoro and Hughes households')).toBe('Okoro and Hughes households');
		expect(familyTitle('Ash family 12ab')).toBe('The Ash family 12ab');
	});
});
