import { describe, expect, it } from 'vitest';
import {
	EASY_READ_LINE,
	callName,
	easyReadLines,
	easyReadPlan,
	familyAgendaWords,
	familyMeetingTitle,
	familyReaderOf,
	familySectionTitle
} from './family-words';
import { meetingKinds } from './vocabulary';
import { allTemplates } from './templates';

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
	it('speaks to the child reading about their own meeting as "you" (issue 27)', () => {
		const tyler = { name: 'Tyler Hughes', reader: true };
		expect(familyMeetingTitle('cic-review', [tyler])).toBe(
			'Meeting to check how things are going for you'
		);
		expect(familyMeetingTitle('initial-conference', [chrissie, tyler, leo])).toBe(
			'Meeting to keep you, Chrissie and Leo safe'
		);
		expect(familyMeetingTitle('life-appreciation-day', [tyler])).toBe(
			'A day to remember your story'
		);
		expect(familyMeetingTitle('disruption-meeting', [tyler])).toBe(
			'Meeting to understand what you need next'
		);
		for (const kind of meetingKinds) {
			const title = familyMeetingTitle(kind, [tyler, leo]);
			expect(title, kind).toMatch(/\byou\b/);
			expect(title, kind).not.toContain('Tyler');
		}
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

describe('the family view in a child’s words (issue 27)', () => {
	it('reads as a child only for the meeting role "child"', () => {
		expect(familyReaderOf('child')).toBe('child');
		expect(familyReaderOf('parent')).toBe('parent');
	});
	it('never calls the child reading it "your child" or "the child", in any kind of meeting', () => {
		for (const template of allTemplates) {
			const words = [
				...Object.values(familyAgendaWords(template, 'child')),
				...template.sections.map((section) => familySectionTitle(section, 'child'))
			];
			for (const text of words)
				expect(text, `${template.kind}: ${text}`).not.toMatch(/\b(your|the) child('s)?\b/i);
		}
	});
	it('keeps the parents’ words for a parent', () => {
		const section = { familyTitle: 'What your child says', childTitle: 'What you told us' };
		expect(familySectionTitle(section, 'parent')).toBe('What your child says');
		expect(familySectionTitle(section, 'child')).toBe('What you told us');
		expect(familySectionTitle({ familyTitle: 'Your health' }, 'child')).toBe('Your health');
	});
});
