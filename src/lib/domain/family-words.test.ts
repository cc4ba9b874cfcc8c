import { describe, expect, it } from 'vitest';
import {
	EASY_READ_LINE,
	callName,
	easyReadLines,
	easyReadPlan,
	familyMeetingTitle
} from './family-words';
import { meetingKinds } from './vocabulary';

const chrissie = { id: 'c', name: 'Christina Walker', preferredName: 'Chrissie' };
const leo = { id: 'l', name: 'Leo Walker', preferredName: null };

describe('familyMeetingTitle', () => {
	it('names a conference in the family’s words, from the names the children like', () => {
		expect(familyMeetingTitle('initial-conference', [chrissie, leo])).toBe(
			'Meeting to keep Chrissie and Leo safe'
		);
		expect(familyMeetingTitle('review-conference', [leo])).toBe('Meeting to keep Leo safe');
	});
	it('has words for every kind, none of them professional', () => {
		for (const kind of meetingKinds) {
			const title = familyMeetingTitle(kind, [leo]);
			expect(title).toContain('Leo');
			expect(title).not.toMatch(/conference|core group|review|LAC|CIC|CIN|disruption/i);
		}
	});
	it('says "your child" when no child is named', () => {
		expect(familyMeetingTitle('core-group', [])).toBe('Meeting to work on the plan for your child');
	});
	it('uses the first name when no other is given', () => {
		expect(callName({ name: 'Mia Price' })).toBe('Mia');
		expect(callName({ name: 'Mia Price', preferredName: '  ' })).toBe('Mia');
	});
});

describe('easyReadLines', () => {
	it('puts each sentence on its own line, with a capital and a full stop', () => {
		expect(easyReadLines('leo goes to nursery every day. he is safe at home; mum helps')).toEqual([
			'Leo goes to nursery every day.',
			'He is safe at home.',
			'Mum helps.'
		]);
	});
	it('breaks a long sentence at its commas, so no line is long', () => {
		const long =
			'Chrissie goes to school every day, she has breakfast before she goes, and someone she trusts picks her up at the end of the day';
		const lines = easyReadLines(long);
		expect(lines.length).toBeGreaterThan(1);
		for (const line of lines) expect(line.length).toBeLessThanOrEqual(EASY_READ_LINE);
	});
});

describe('easyReadPlan', () => {
	const plan = {
		outcomes: [
			{ id: 'o1', childId: 'c', text: 'Chrissie is safe at home. She goes to school every day.' },
			{ id: 'o2', childId: 'l', text: '' }
		],
		actions: [
			{
				outcomeId: 'o1',
				what: 'visit the family every week',
				who: 'Sam Okafor',
				byWhen: '2027-01-08'
			},
			{ outcomeId: 'o1', what: '', who: 'Kim Lee', byWhen: '' }
		],
		leadSocialWorker: 'Sam Okafor',
		firstCoreGroup: '',
		reviewDate: '2027-03-01',
		contingency: ''
	};
	const parts = easyReadPlan({
		plan,
		children: [chrissie, leo],
		names: ['Sam Okafor', 'Kim Lee'],
		today: '2027-01-02'
	});
	it('has one part a heading, and leaves out parts with nothing in them', () => {
		expect(parts.map((p) => p.heading)).toEqual([
			'What we want for Chrissie',
			'Who will do what',
			'Who helps, and when we meet'
		]);
	});
	it('writes one idea a line: each sentence, each action, and its date on its own line', () => {
		expect(parts[0].lines).toEqual(['Chrissie is safe at home.', 'She goes to school every day.']);
		expect(parts[1].lines).toHaveLength(2);
		expect(parts[1].lines[0]).toMatch(/^Sam Okafor will visit the family every week\.$/);
		expect(parts[1].lines[1]).toBe('When: by Friday 8 January.');
		expect(parts[2].lines).toEqual([
			'Your social worker is Sam Okafor.',
			'We check how things are going: Monday 1 March.'
		]);
	});
});
