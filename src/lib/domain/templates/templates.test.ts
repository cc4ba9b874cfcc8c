import { describe, expect, it } from 'vitest';
import {
	allTemplates,
	initialConference,
	nextSection,
	sectionForRoot,
	templateFor,
	validateTemplate,
	type MeetingTemplate,
	type TemplateSection
} from './index';
import type { MeetingKind } from '../vocabulary';
import { sharesReportsWithParents } from '../report-register';

const keys = (kind: MeetingKind) => templateFor(kind).sections.map((s) => s.key);

/** Problems as "field: message", so a failed expectation reads well. */
function problemsOf(t: MeetingTemplate): string[] {
	const checked = validateTemplate(t);
	return checked.ok ? [] : checked.problems.map((p) => `${p.field}: ${p.message}`);
}

function withSections(t: MeetingTemplate, sections: TemplateSection[]): MeetingTemplate {
	return { ...t, sections };
}

describe('meeting templates: agenda order', () => {
	it('conferences follow "parents first, then why?" exactly (DESIGN §2)', () => {
		const order = [
			'welcome',
			'parents-first',
			'childs-voice',
			'professionals',
			'child-journey',
			'strengths-worries',
			'decision',
			'plan',
			'summary'
		];
		expect(keys('initial-conference')).toEqual(order);
		expect(keys('review-conference')).toEqual(order);
	});

	it('core group: parents first, then actions, re-scored risks and changes to the plan', () => {
		expect(keys('core-group')).toEqual([
			'welcome',
			'family-update',
			'childs-voice',
			'actions',
			'child-journey',
			'plan',
			'summary'
		]);
	});

	it("CIC review: the child's views first, then carers, professionals and the statutory topics", () => {
		expect(keys('cic-review')).toEqual([
			'welcome',
			'childs-views',
			'carers',
			'social-worker',
			'health',
			'education',
			'contact',
			'placement',
			'care-plan',
			'recommendations',
			'summary'
		]);
	});

	it('CIN review: like a core group, with the escalation check (then why) before the plan', () => {
		expect(keys('cin-review')).toEqual([
			'welcome',
			'family-update',
			'childs-voice',
			'actions',
			'child-journey',
			'next-step',
			'plan',
			'summary'
		]);
	});

	it('Life Appreciation Day and disruption meeting', () => {
		expect(keys('life-appreciation-day')).toEqual([
			'welcome',
			'story-so-far',
			'memories',
			'adopters-questions',
			'closing'
		]);
		expect(keys('disruption-meeting')).toEqual([
			'welcome',
			'placement-history',
			'childs-voice',
			'what-happened',
			'lessons',
			'child-next',
			'summary'
		]);
	});
});

describe('meeting templates: registry and contents', () => {
	it('has one valid template for every meeting kind', () => {
		expect(allTemplates.map((t) => t.kind).sort()).toEqual(
			[
				'cic-review',
				'cin-review',
				'core-group',
				'disruption-meeting',
				'initial-conference',
				'life-appreciation-day',
				'review-conference',
				'reg33-visit',
				'exploitation-group',
				'foster-carer-review',
				'lado-strategy',
				'missing-from-home'
			].sort()
		);
		for (const t of allTemplates) expect(problemsOf(t), t.kind).toEqual([]);
		expect(() => templateFor('case-conference' as MeetingKind)).toThrow(
			/No meeting template for kind "case-conference"/
		);
	});

	it('the professionals-only kinds share no report with parents', () => {
		expect(sharesReportsWithParents('lado-strategy')).toBe(false);
		expect(sharesReportsWithParents('missing-from-home')).toBe(false);
		expect(sharesReportsWithParents('core-group')).toBe(true);
	});

	it('the allegation strategy meeting: every section restricted, no family document', () => {
		const lado = templateFor('lado-strategy');
		expect(lado.sections.every((s) => s.restrictedAllowed)).toBe(true);
		expect(lado.outputs).toEqual(['plan-24h', 'notes']);
		expect(lado.expectedParticipants.map((p) => p.role)).not.toContain('parent');
		expect(lado.expectedParticipants.map((p) => p.who).join(' ')).toMatch(
			/Police.*employer.*social care/
		);
	});

	it('the missing from home meeting: episodes, the return interview, risks, the agreed time, the plan', () => {
		expect(keys('missing-from-home')).toEqual([
			'welcome',
			'episodes',
			'childs-views',
			'risks',
			'escalation',
			'plan'
		]);
		const decision = templateFor('missing-from-home').decisions[0];
		expect(decision.options.map((o) => o.value)).toEqual(['strategy-discussion', 'conference']);
		expect(templateFor('missing-from-home').outputs).not.toContain('parent-plan');
	});

	it('makes the documents each kind needs', () => {
		expect(templateFor('initial-conference').outputs).toEqual(['plan-24h', 'notes', 'parent-plan']);
		expect(templateFor('cic-review').outputs).toContain('child-letter');
		expect(templateFor('life-appreciation-day').outputs).toContain('memory-book');
		expect(templateFor('disruption-meeting').outputs).toContain('lessons');
	});

	it('conferences decide plan or no plan per child, professionals voting and the chair setting the category', () => {
		const [decision] = templateFor('initial-conference').decisions;
		expect(decision).toMatchObject({
			key: 'child-protection-plan',
			perChild: true,
			voters: ['professional'],
			outcomeBy: 'chair'
		});
		expect(decision.categories).toEqual([
			'neglect',
			'physical-abuse',
			'emotional-abuse',
			'sexual-abuse'
		]);
	});

	it('offers an advocate to children over 5 at an initial conference', () => {
		const advocate = initialConference.expectedParticipants.find((p) => p.role === 'advocate');
		expect(advocate?.note).toMatch(/over 5/);
	});

	it('uses no acronyms in the words families read', () => {
		for (const t of allTemplates) {
			const familyWords = [
				t.familyLabel,
				t.purpose,
				t.childLabel ?? '',
				t.childPurpose ?? '',
				...t.sections.flatMap((s) => [s.familyTitle, s.childTitle ?? ''])
			];
			for (const words of familyWords)
				expect(words, `${t.kind}: ${words}`).not.toMatch(/\b[A-Z]{2,}\b/);
		}
	});

	it('finds the section that owns a root of the live record', () => {
		expect(sectionForRoot(initialConference, 'contribution:p1', 'parent')?.key).toBe(
			'parents-first'
		);
		expect(sectionForRoot(initialConference, 'contribution:p2', 'professional')?.key).toBe(
			'professionals'
		);
		expect(sectionForRoot(initialConference, 'contribution:p3', 'advocate')?.key).toBe(
			'childs-voice'
		);
		expect(sectionForRoot(initialConference, 'decision:p2', 'professional')?.key).toBe('decision');
		expect(sectionForRoot(initialConference, 'ratings:p1', 'parent')?.key).toBe('child-journey');
		expect(sectionForRoot(initialConference, 'plan')?.key).toBe('plan');
		expect(sectionForRoot(initialConference, 'section:summary')?.key).toBe('summary');
		expect(sectionForRoot(initialConference, 'decision:p1', 'parent')).toBeUndefined();
		expect(nextSection(initialConference, 'decision')?.key).toBe('plan');
		expect(nextSection(initialConference, 'summary')).toBeUndefined();
	});
});

describe('validateTemplate rejects a bad template', () => {
	const sections = initialConference.sections;
	const at = (key: string) => sections.find((s) => s.key === key)!;
	const move = (key: string, before: string) => {
		const rest = sections.filter((s) => s.key !== key);
		rest.splice(
			rest.findIndex((s) => s.key === before),
			0,
			at(key)
		);
		return rest;
	};

	it('a professional speaking before the parents in a conference', () => {
		expect(
			problemsOf(withSections(initialConference, move('professionals', 'parents-first')))
		).toEqual([expect.stringMatching(/^sections: Parents first/)]);
	});

	it('the plan before the decision', () => {
		expect(problemsOf(withSections(initialConference, move('plan', 'decision')))).toEqual([
			expect.stringMatching(/must come before the plan/)
		]);
	});

	it('a child’s words given but left empty (issue 27)', () => {
		const [first, ...rest] = initialConference.sections;
		expect(
			problemsOf({
				...withSections(initialConference, [{ ...first, childTitle: ' ' }, ...rest]),
				childPurpose: ''
			})
		).toEqual([
			'childPurpose: Leave out the childPurpose, or write it: it cannot be empty.',
			'sections[0].childTitle: Section "welcome": leave out the childTitle, or write it: it cannot be empty.'
		]);
	});

	it('two sections with the same key', () => {
		const twice = [...sections, { ...at('summary'), title: 'Summary again' }];
		expect(problemsOf(withSections(initialConference, twice))).toContainEqual(
			expect.stringMatching(/^sections\[9\]\.key: Section key "summary" is used twice/)
		);
	});

	it('a conference with no parents section or no decision', () => {
		const noParents = sections.filter((s) => s.key !== 'parents-first');
		expect(problemsOf(withSections(initialConference, noParents))).toEqual([
			expect.stringMatching(/parents speak about their child/)
		]);
		expect(problemsOf({ ...initialConference, decisions: [] })).toContainEqual(
			expect.stringMatching(/plan or no plan and the category/)
		);
	});

	it("a section owning another section's notes, an unknown root, or a bad key", () => {
		const bad = sections.map((s) =>
			s.key === 'welcome'
				? { ...s, roots: ['section:summary' as const] }
				: s.key === 'summary'
					? { ...s, key: 'summary!', roots: ['meta' as never] }
					: s
		);
		const problems = problemsOf(withSections(initialConference, bad));
		expect(problems).toContainEqual(
			expect.stringMatching(/may own only its own notes root "section:welcome"/)
		);
		expect(problems).toContainEqual(expect.stringMatching(/Unknown root "meta"/));
		expect(problems).toContainEqual(expect.stringMatching(/"summary!" must be 1–64 letters/));
	});

	it("one role's contributions owned by two sections", () => {
		const bad = sections.map((s) =>
			s.key === 'childs-voice' ? { ...s, speakers: [...s.speakers, 'parent' as const] } : s
		);
		expect(problemsOf(withSections(initialConference, bad))).toEqual([
			expect.stringMatching(
				/parent's "contribution:\*" root is owned by both "parents-first" and "childs-voice"/
			)
		]);
	});

	it('a meeting with no draft notes, no chair or an unknown role', () => {
		const t: MeetingTemplate = {
			...templateFor('core-group'),
			outputs: ['plan-24h'],
			expectedParticipants: [
				{ role: 'social-worker' as never, who: 'Social worker', required: true }
			]
		};
		const problems = problemsOf(t);
		expect(problems).toContainEqual(expect.stringMatching(/add "notes"/));
		expect(problems).toContainEqual(expect.stringMatching(/Unknown meeting role "social-worker"/));
		expect(problems).toContainEqual(expect.stringMatching(/needs a chair/));
	});
});
