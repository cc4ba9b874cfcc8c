import { describe, expect, it } from 'vitest';
import { allTemplates, coreGroup, initialConference } from './index';
import { checkKindDefinition, withWordsOf } from './kind-definition';

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
			'sections[3]'
		]);
		expect(checkKindDefinition('core group', coreGroup)).toEqual({
			ok: false,
			problems: [{ field: 'definition', message: 'Send the kind as a JSON object.' }]
		});
	});

	it('refuses a change of structure: kind, order, roots, who speaks, decisions, sections added', () => {
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

		const reordered = asSent(initialConference);
		const [first, second, ...rest] = reordered.sections as unknown[];
		reordered.sections = [second, first, ...rest];
		expect(fieldsOf(checkKindDefinition(reordered, initialConference))).toEqual([
			'sections[0].key',
			'sections[1].key'
		]);

		const added = asSent(initialConference);
		added.sections = [...(added.sections as unknown[]), { key: 'extra', title: 'Extra' }];
		expect(fieldsOf(checkKindDefinition(added, initialConference))).toEqual(['sections']);
	});

	it('lays a stored version’s words on the base by section key', () => {
		const stored = asSent(coreGroup);
		(stored.sections as Record<string, unknown>[])[1].title = 'Our words';
		stored.sections = (stored.sections as unknown[]).slice(1); // a section it does not name
		const template = withWordsOf(coreGroup, stored);
		expect(template.sections.map((s) => s.key)).toEqual(coreGroup.sections.map((s) => s.key));
		expect(template.sections[0].title).toBe(coreGroup.sections[0].title);
		expect(template.sections[1].title).toBe('Our words');
		expect(withWordsOf(coreGroup, null)).toBe(coreGroup);
	});
});
