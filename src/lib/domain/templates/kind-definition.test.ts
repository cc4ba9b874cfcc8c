import { describe, expect, it } from 'vitest';
import { allTemplates, coreGroup, initialConference, lifeAppreciationDay } from './index';
import { checkKindDefinition, maxSections, whySectionStays, withWordsOf } from './kind-definition';
import { documentsReading } from './document-sections';

/** A copy of a kind as the JSON a unit would send: the template itself, through JSON. */
const asSent = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

const fieldsOf = (checked: ReturnType<typeof checkKindDefinition>) =>
	checked.ok ? [] : checked.problems.map((p) => p.field);

describe('a unit’s version of a kind (issue 25)', () => {
	it('every built-in kind, sent back as JSON, is a valid version of itself', () => {
		for (const template of allTemplates) {
			const checked = checkKindDefinition(asSent(template), template);
			expect(checked.ok, template.kind).toBe(true);
			if (checked.ok) expect(checked.template).toEqual(template);
		}
	});

	it('takes new words for the kind and a section, keeping the base’s structure', () => {
		const sent = asSent(coreGroup);
		sent.label = 'Core group (our words)';
		(sent.sections as Record<string, unknown>[])[1].title = '  Parents first: how it has been  ';
		const checked = checkKindDefinition(sent, coreGroup);
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		expect(checked.template.label).toBe('Core group (our words)');
		expect(checked.template.sections[1].title).toBe('Parents first: how it has been');
		expect(checked.template.sections[1].roots).toEqual(coreGroup.sections[1].roots);
		expect(checked.template.decisions).toEqual(coreGroup.decisions);
	});

	it('accepts the words alone: structure left out is the base’s', () => {
		const checked = checkKindDefinition(
			{
				kind: 'core-group',
				label: 'Core group',
				familyLabel: coreGroup.familyLabel,
				purpose: coreGroup.purpose,
				sections: coreGroup.sections.map((s) => ({
					key: s.key,
					title: s.title,
					familyTitle: s.familyTitle,
					prompt: s.prompt
				}))
			},
			coreGroup
		);
		expect(checked.ok).toBe(true);
		if (checked.ok)
			expect(checked.template.sections.map((s) => s.roots)).toEqual(
				coreGroup.sections.map((s) => s.roots)
			);
	});

	it('names each field to fix: empty words, too long, wrong shapes', () => {
		const sent = asSent(coreGroup);
		sent.label = '   ';
		sent.purpose = 42;
		const sections = sent.sections as unknown[] as Record<string, unknown>[];
		sections[0].title = 'x'.repeat(201);
		sections[2].prompt = '';
		(sections as unknown[])[3] = 'actions';
		expect(fieldsOf(checkKindDefinition(sent, coreGroup))).toEqual([
			'label',
			'purpose',
			'sections[0].title',
			'sections[2].prompt',
			'sections[3]',
			// the actions section, sent as a word, is not there: it must stay
			'sections'
		]);
		expect(checkKindDefinition('core group', coreGroup)).toEqual({
			ok: false,
			problems: [{ field: 'definition', message: 'Send the kind as a JSON object.' }]
		});
	});

	it('refuses a change to what the checks key on: kind, roots, who speaks, decisions', () => {
		const sent = asSent(initialConference);
		sent.kind = 'core-group';
		sent.owner = 'us';
		const sections = sent.sections as Record<string, unknown>[];
		sections[1].roots = ['section:parents-first'];
		sections[2].speakers = ['chair'];
		sections[3].restrictedAllowed = false;
		(sent.decisions as Record<string, unknown>[])[0].voters = ['chair'];
		expect(fieldsOf(checkKindDefinition(sent, initialConference))).toEqual([
			'owner',
			'kind',
			'decisions',
			'sections[1].roots',
			'sections[2].speakers',
			'sections[3].restrictedAllowed'
		]);
	});

	it('takes another order, held to the rules: parents first, the decision before the plan', () => {
		const keys = (t: { sections: readonly { key: string }[] }) => t.sections.map((s) => s.key);
		const inOrder = (order: string[]) => {
			const sent = asSent(initialConference);
			const byKey = new Map(
				(sent.sections as Record<string, unknown>[]).map((s) => [s.key as string, s])
			);
			sent.sections = order.map((key) => byKey.get(key));
			return checkKindDefinition(sent, initialConference);
		};
		const base = keys(initialConference);
		// Strengths and worries after the decision: allowed.
		const moved = [...base.filter((k) => k !== 'strengths-worries')];
		moved.splice(moved.indexOf('plan'), 0, 'strengths-worries');
		const checked = inOrder(moved);
		expect(checked.ok).toBe(true);
		if (checked.ok) expect(keys(checked.template)).toEqual(moved);

		const professionalsFirst = ['welcome', 'professionals', 'parents-first'].concat(
			base.filter((k) => !['welcome', 'professionals', 'parents-first'].includes(k))
		);
		const refused = inOrder(professionalsFirst);
		expect(refused.ok).toBe(false);
		if (!refused.ok) expect(refused.problems[0].message).toMatch(/^Parents first/);

		const planFirst = base.filter((k) => k !== 'plan');
		planFirst.splice(1, 0, 'plan');
		const planBefore = inOrder(planFirst);
		expect(planBefore.ok).toBe(false);
		if (!planBefore.ok) expect(planBefore.problems[0].message).toMatch(/before the plan/);
	});

	it('leaves out a section of shared notes, and keeps every section the checks or documents need', () => {
		const sent = asSent(initialConference);
		sent.sections = (sent.sections as Record<string, unknown>[]).filter(
			(s) => s.key !== 'strengths-worries' && s.key !== 'welcome'
		);
		const checked = checkKindDefinition(sent, initialConference);
		expect(checked.ok).toBe(true);
		if (checked.ok) expect(checked.template.sections[0].key).toBe('parents-first');

		for (const key of ['plan', 'decision', 'parents-first', 'summary']) {
			const without = asSent(initialConference);
			without.sections = (without.sections as Record<string, unknown>[]).filter(
				(s) => s.key !== key
			);
			const refused = checkKindDefinition(without, initialConference);
			expect(refused.ok, key).toBe(false);
			if (!refused.ok) expect(refused.problems[0]).toMatchObject({ field: 'sections' });
		}
		const noSummary = asSent(coreGroup);
		noSummary.sections = (noSummary.sections as Record<string, unknown>[]).filter(
			(s) => s.key !== 'summary'
		);
		const refused = checkKindDefinition(noSummary, coreGroup);
		expect(refused.ok).toBe(false);
		if (!refused.ok)
			expect(refused.problems[0].message).toBe(
				'Keep the section “Summary and next meeting” (summary): it goes into the plan for the family and the child’s letter.'
			);
		// The memory book's sections hold notes only, and stay because the book reads them.
		for (const section of lifeAppreciationDay.sections)
			if (documentsReading(section.key)) expect(whySectionStays(section)).not.toBeNull();
	});

	it('adds sections of the unit’s own notes, shared with everyone at the meeting', () => {
		const sent = asSent(coreGroup);
		const sections = sent.sections as Record<string, unknown>[];
		sections.splice(2, 0, {
			key: 'own-school',
			title: 'School and nursery',
			familyTitle: 'School',
			prompt: 'How is school going?',
			speakers: ['chair', 'professional', 'parent']
		});
		const checked = checkKindDefinition(sent, coreGroup);
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		expect(checked.template.sections[2]).toEqual({
			key: 'own-school',
			title: 'School and nursery',
			familyTitle: 'School',
			prompt: 'How is school going?',
			speakers: ['chair', 'professional', 'parent'],
			roots: ['section:own-school']
		});
		// Sent back as the API gives it (roots included), it is the same version.
		const again = checkKindDefinition(asSent(checked.template), coreGroup);
		expect(again.ok && again.template).toEqual(checked.template);
	});

	it('names what to fix in a section the unit adds', () => {
		const sent = asSent(coreGroup);
		const sections = sent.sections as Record<string, unknown>[];
		sections.push(
			{ key: 'bad key', title: 'A', familyTitle: 'A', prompt: 'A', speakers: ['chair'] },
			{
				key: 'own-a',
				title: '',
				familyTitle: 'A',
				prompt: 'A',
				speakers: ['observer'],
				roots: ['section:own-a', 'plan'],
				restrictedAllowed: true,
				colour: 'red'
			},
			{ ...sections[0] }
		);
		expect(fieldsOf(checkKindDefinition(sent, coreGroup))).toEqual([
			`sections[${sections.length - 3}].key`,
			`sections[${sections.length - 2}].colour`,
			`sections[${sections.length - 2}].title`,
			`sections[${sections.length - 2}].speakers`,
			`sections[${sections.length - 2}].roots`,
			`sections[${sections.length - 2}].restrictedAllowed`,
			`sections[${sections.length - 1}].key`
		]);
		const many = asSent(coreGroup);
		many.sections = Array.from({ length: maxSections + 1 }, (_, i) => ({
			key: `own-${i}`,
			title: 'A',
			familyTitle: 'A',
			prompt: 'A',
			speakers: ['chair']
		}));
		expect(fieldsOf(checkKindDefinition(many, coreGroup))).toEqual(['sections']);
		expect(
			fieldsOf(checkKindDefinition({ ...asSent(coreGroup), sections: [] }, coreGroup))
		).toEqual(['sections']);
	});

	it('lays a stored version on the base: its order, its own sections, the base’s kept ones', () => {
		const stored = asSent(coreGroup);
		const sections = stored.sections as Record<string, unknown>[];
		sections[1].title = 'Our words';
		sections.splice(0, 1); // welcome left out: it stays out
		sections.splice(1, 0, {
			key: 'own-school',
			title: 'School',
			familyTitle: 'School',
			prompt: 'How is school?',
			speakers: ['chair'],
			roots: ['section:own-school']
		});
		const actions = sections.findIndex((s) => s.key === 'actions');
		sections.splice(actions, 1); // a kept section it does not name (new in a later release)
		const template = withWordsOf(coreGroup, stored);
		expect(template.sections.map((s) => s.key)).toEqual([
			'family-update',
			'own-school',
			'childs-voice',
			'actions',
			'child-journey',
			'plan',
			'summary'
		]);
		expect(template.sections[0].title).toBe('Our words');
		expect(template.sections[0].roots).toEqual(coreGroup.sections[1].roots);
		expect(withWordsOf(coreGroup, null)).toBe(coreGroup);

		// A version that breaks the rules as the code has them now: the base's agenda, its words.
		const broken = asSent(initialConference);
		const [welcome, parents, ...rest] = broken.sections as Record<string, unknown>[];
		const pros = rest.findIndex((s) => s.key === 'professionals');
		const [professionals] = rest.splice(pros, 1);
		parents.title = 'Parents, in our words';
		broken.sections = [welcome, professionals, parents, ...rest];
		const laid = withWordsOf(initialConference, broken);
		expect(laid.sections.map((s) => s.key)).toEqual(initialConference.sections.map((s) => s.key));
		expect(laid.sections[1].title).toBe('Parents, in our words');
	});
});
