import { describe, expect, it } from 'vitest';
import { builtInKindFiles } from './kinds/index';
import { builtInKind, readKind } from './read-kind';
import { allTemplates, templateFor } from './index';
import { meetingKindLabel, missingEscalationLabel } from '../labels';
import { childProtectionCategories } from '../decisions';
import { isDueMeetingKind } from '../child-clocks';
import { meetingKinds } from '../vocabulary';

/** A kind's file as JSON, to break on purpose. */
const fileOf = (name: string) =>
	structuredClone(builtInKindFiles.find((f) => f.file === name)!.data) as Record<string, unknown>;

const fieldsOf = (raw: unknown) => {
	const read = readKind(raw);
	return read.ok ? [] : read.problems.map((p) => p.field);
};

describe('the built-in meeting kinds, read from data (issue 25)', () => {
	it('each kind has one file, read and valid, named for its kind', () => {
		expect(builtInKindFiles.map((f) => f.file)).toEqual(meetingKinds.map((k) => `${k}.json`));
		for (const { file, data } of builtInKindFiles) {
			const read = readKind(data);
			expect(read.ok, file).toBe(true);
			if (read.ok) expect(`${read.template.kind}.json`).toBe(file);
		}
		expect(allTemplates.map((t) => t.kind)).toEqual([...meetingKinds]);
	});

	it('agrees with the vocabularies it names: labels, categories, escalations', () => {
		for (const t of allTemplates) expect(t.label, t.kind).toBe(meetingKindLabel[t.kind]);
		for (const kind of ['initial-conference', 'review-conference'] as const)
			expect(templateFor(kind).decisions[0].categories).toEqual(childProtectionCategories);
		const escalation = templateFor('missing-from-home').decisions.find((d) =>
			d.options.some((o) => o.value in missingEscalationLabel)
		)!;
		for (const option of escalation.options)
			if (option.value in missingEscalationLabel)
				expect(option.label).toBe(
					missingEscalationLabel[option.value as keyof typeof missingEscalationLabel]
				);
	});

	it('names its timescales exactly where a child’s clocks make the kind due', () => {
		for (const t of allTemplates)
			expect((t.timescales?.length ?? 0) > 0, t.kind).toBe(isDueMeetingKind(t.kind));
		expect(templateFor('initial-conference').timescales).toEqual(['icpc']);
	});

	it('names each field to fix: types, unknown fields and names outside the vocabularies', () => {
		const broken = fileOf('initial-conference.json');
		broken.label = 42;
		broken.colour = 'red';
		const sections = broken.sections as Record<string, unknown>[];
		sections[1].speakers = 'parent';
		sections[2].restrictedAllowed = 'yes';
		const decision = (broken.decisions as Record<string, unknown>[])[0];
		decision.options = 'plan';
		broken.quorum = { minimumAgencies: 0, requiredAgencyKinds: ['social-care'] };
		expect(fieldsOf(broken)).toEqual([
			'colour',
			'label',
			'sections[1].speakers',
			'sections[2].restrictedAllowed',
			'decisions[0].options',
			'quorum.minimumAgencies'
		]);

		const named = fileOf('initial-conference.json');
		(named.decisions as Record<string, unknown>[])[0].categories = ['neglect', 'poverty'];
		(named.decisions as Record<string, unknown>[])[0].outcomeBy = 'parent';
		named.quorum = { minimumAgencies: 3, requiredAgencyKinds: ['astrology'] };
		named.timescales = ['icpc', 'soon'];
		expect(fieldsOf(named)).toEqual([
			'decisions[0].categories',
			'decisions[0].outcomeBy',
			'quorum.requiredAgencyKinds',
			'timescales'
		]);

		// Well-formed, but against the rules every template follows: parents first.
		const order = fileOf('initial-conference.json');
		const list = order.sections as Record<string, unknown>[];
		const pros = list.findIndex((s) => s.key === 'professionals');
		const [professionals] = list.splice(pros, 1);
		list.splice(1, 0, professionals);
		expect(fieldsOf(order)).toEqual(['sections']);
		expect(() => builtInKind(order, 'initial-conference.json')).toThrow(
			/^Meeting kind initial-conference\.json is invalid: sections: Parents first/
		);
		expect(fieldsOf('a kind')).toEqual(['']);
	});
});
