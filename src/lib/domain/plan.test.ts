import { describe, expect, it } from 'vitest';
import {
	checkAction,
	checkPlan,
	leadSocialWorkerChoices,
	proposePlanDates,
	type ChildPlan
} from './plan';

describe('proposePlanDates', () => {
	it('an initial conference proposes the first core group, the first review, the letter and the notes', () => {
		expect(proposePlanDates({ kind: 'initial-conference', meetingDate: '2026-12-18' })).toEqual({
			firstCoreGroup: '2027-01-06',
			review: '2027-03-18',
			decisionLetter: '2026-12-21',
			notes: '2027-01-13'
		});
	});

	it('a review conference proposes the next review 6 months on', () => {
		expect(
			proposePlanDates({ kind: 'review-conference', meetingDate: '2027-03-18' })
		).toMatchObject({
			firstCoreGroup: null,
			review: '2027-09-17'
		});
	});

	it('a CIC review proposes 3 months after the first review and 6 after later ones; 3 when unknown', () => {
		expect(
			proposePlanDates({ kind: 'cic-review', meetingDate: '2027-01-12', reviewNumber: 1 }).review
		).toBe('2027-04-12');
		expect(
			proposePlanDates({ kind: 'cic-review', meetingDate: '2027-04-12', reviewNumber: 2 }).review
		).toBe('2027-10-12');
		expect(proposePlanDates({ kind: 'cic-review', meetingDate: '2027-01-12' }).review).toBe(
			'2027-04-12'
		);
	});

	it('kinds without a 24-hour plan propose no letter date, only the notes', () => {
		expect(proposePlanDates({ kind: 'life-appreciation-day', meetingDate: '2026-11-02' })).toEqual({
			firstCoreGroup: null,
			review: null,
			decisionLetter: null,
			notes: '2026-11-23'
		});
	});
});

describe('checkAction', () => {
	it('accepts what, who and by when, trimmed', () => {
		expect(
			checkAction({
				what: ' Walk Chrissie to school ',
				who: 'Mum',
				byWhen: '2027-01-06',
				concernId: 'k1'
			})
		).toEqual({
			ok: true,
			action: { what: 'Walk Chrissie to school', who: 'Mum', byWhen: '2027-01-06', concernId: 'k1' }
		});
	});

	it('names each missing field with what to do', () => {
		const checked = checkAction({ what: '  ', who: '', byWhen: '' });
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.problems).toEqual([
			{ field: 'what', message: 'Say what will be done.' },
			{ field: 'who', message: expect.stringMatching(/^Say who will do it/) },
			{ field: 'byWhen', message: expect.stringMatching(/^Say by when/) }
		]);
	});

	it('refuses a date that is not a date, or is before the meeting', () => {
		const bad = checkAction({ what: 'Visit', who: 'Sam', byWhen: 'next week' });
		expect(bad.ok).toBe(false);
		if (!bad.ok)
			expect(bad.problems[0]).toMatchObject({
				field: 'byWhen',
				message: expect.stringMatching(/not a date/)
			});
		const early = checkAction(
			{ what: 'Visit', who: 'Sam', byWhen: '2026-12-01' },
			{ meetingDate: '2026-12-18' }
		);
		expect(early.ok).toBe(false);
		if (!early.ok) expect(early.problems[0].message).toMatch(/before the meeting/);
	});
});

describe('checkPlan', () => {
	const plan: ChildPlan = {
		childId: 'c1',
		outcomes: [
			{
				outcome: 'Chrissie gets to school on time every day',
				concernId: 'k1',
				actions: [
					{ what: 'Walk Chrissie to school', who: 'Mum', byWhen: '2027-01-06' },
					{ what: 'Phone Mum if Chrissie is late', who: '', byWhen: '2027-01-06' }
				]
			}
		],
		coreGroup: [{ name: 'Sam', role: 'health visitor' }],
		firstCoreGroupDate: '2027-01-06',
		reviewDate: '2027-03-18',
		contingency: ''
	};

	it('points at the exact action field and at a missing contingency', () => {
		const checked = checkPlan(plan, { meetingDate: '2026-12-18' });
		expect(checked.ok).toBe(false);
		if (!checked.ok)
			expect(checked.problems.map((p) => p.field)).toEqual([
				'outcomes[0].actions[1].who',
				'contingency'
			]);
	});

	it('accepts a complete plan', () => {
		const complete = {
			...plan,
			outcomes: [{ ...plan.outcomes[0], actions: [plan.outcomes[0].actions[0]] }],
			contingency: 'If Chrissie is still missing school in March, we will meet again sooner.'
		};
		expect(checkPlan(complete).ok).toBe(true);
	});
});

describe('leadSocialWorkerChoices', () => {
	const invited = [
		{ name: 'Priya Shah', role: 'chair', agency: null },
		{ name: 'Sam Okafor', role: 'professional', agency: 'Children’s social care' },
		{ name: 'PC Jo Reid', role: 'professional', agency: 'Police' },
		{ name: 'Dawn Walker', role: 'parent', agency: null },
		{ name: 'Sam Okafor', role: 'professional', agency: 'Children’s social care' }
	];

	it('offers the invited professionals, each once, with their agency; not the chair or the family', () => {
		expect(leadSocialWorkerChoices(invited, '')).toEqual([
			{ value: 'Sam Okafor', label: 'Sam Okafor, Children’s social care', invited: true },
			{ value: 'PC Jo Reid', label: 'PC Jo Reid, Police', invited: true }
		]);
		expect(leadSocialWorkerChoices(invited, 'Sam Okafor')).toHaveLength(2);
	});

	it('keeps a name written before as free text readable, marked, as the last choice', () => {
		const choices = leadSocialWorkerChoices(invited, 'Sam O (duty)');
		expect(choices.at(-1)).toEqual({
			value: 'Sam O (duty)',
			label: 'Sam O (duty) (as written before; not invited)',
			invited: false
		});
	});
});
