/**
 * Reads a meeting kind's definition from data (issue 25): the built-in kinds are JSON files
 * (./kinds/*.json, docs/meeting-kinds.md "The format"), read here before any meeting runs on
 * them. Every field is checked for its type and, where it names something, against the
 * vocabulary it names (roles, roots, outputs, categories, agency kinds, timescales); then the
 * whole is held to the rules every template follows (`validateTemplate`). Problems are
 * collected with the field they concern.
 */
import type { Checked, Problem } from '../problems';
import { agencyKinds } from '../agencies';
import { childProtectionCategories } from '../decisions';
import { timescales } from '../timescales';
import type { MeetingTemplate } from './types';
import { validateTemplate } from './validate';

type Shape =
	| 'text'
	| 'optional text'
	| 'flag'
	| 'optional flag'
	| 'texts'
	| 'optional texts'
	| 'whole number'
	| { list: Record<string, Shape> }
	| { optional: Record<string, Shape> }
	| { fields: Record<string, Shape> };

const section: Record<string, Shape> = {
	key: 'text',
	title: 'text',
	familyTitle: 'text',
	childTitle: 'optional text',
	prompt: 'text',
	speakers: 'texts',
	roots: 'texts',
	restrictedAllowed: 'optional flag'
};

/** The format of a kind, field by field (types.ts says what each means). */
const kindShape: Record<string, Shape> = {
	kind: 'text',
	label: 'text',
	familyLabel: 'text',
	purpose: 'text',
	childLabel: 'optional text',
	childPurpose: 'optional text',
	sections: { list: section },
	expectedParticipants: {
		list: { role: 'text', who: 'text', required: 'flag', note: 'optional text' }
	},
	decisions: {
		list: {
			key: 'text',
			question: 'text',
			familyQuestion: 'text',
			perChild: 'flag',
			options: { list: { value: 'text', label: 'text', familyLabel: 'text' } },
			voters: 'texts',
			outcomeBy: 'text',
			categories: 'optional texts'
		}
	},
	outputs: 'texts',
	quorum: { optional: { minimumAgencies: 'whole number', requiredAgencyKinds: 'texts' } },
	timescales: 'optional texts'
};

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Checks `value` against `shape`, each problem named by its path (`sections[2].speakers`). */
function checkShape(value: unknown, shape: Shape, at: string, problems: Problem[]): void {
	const problem = (message: string) => {
		problems.push({ field: at, message });
	};
	if (shape === 'optional text' || shape === 'optional flag' || shape === 'optional texts') {
		if (value === undefined) return;
		shape = shape === 'optional text' ? 'text' : shape === 'optional flag' ? 'flag' : 'texts';
	}
	if (shape === 'text') {
		if (typeof value !== 'string') problem('Write it as text.');
	} else if (shape === 'flag') {
		if (typeof value !== 'boolean') problem('Write true or false.');
	} else if (shape === 'whole number') {
		if (!Number.isInteger(value) || (value as number) < 1) problem('Write a whole number above 0.');
	} else if (shape === 'texts') {
		if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
			problem('Write a list of texts.');
	} else if ('list' in shape) {
		if (!Array.isArray(value)) return problem('Write a list.');
		value.forEach((item, i) => checkShape(item, { fields: shape.list }, `${at}[${i}]`, problems));
	} else {
		const fields = 'optional' in shape ? shape.optional : shape.fields;
		if ('optional' in shape && value === undefined) return;
		if (!isObject(value)) return problem('Write an object.');
		const prefix = at ? `${at}.` : '';
		for (const key of Object.keys(value))
			if (!(key in fields)) problems.push({ field: `${prefix}${key}`, message: 'Leave it out.' });
		for (const [key, inner] of Object.entries(fields))
			checkShape(value[key], inner, `${prefix}${key}`, problems);
	}
}

/** Each name in `values` must be one of `known` (a vocabulary), or a problem at `at`. */
function namesFrom(
	values: readonly string[] | undefined,
	known: readonly string[],
	at: string,
	what: string,
	problems: Problem[]
) {
	for (const value of values ?? [])
		if (!known.includes(value))
			problems.push({
				field: at,
				message: `"${value}" is not ${what}: one of ${known.join(', ')}.`
			});
}

/** A kind's definition as data → the template, or every problem with where it is. */
export function readKind(raw: unknown): Checked<'template', MeetingTemplate> {
	const problems: Problem[] = [];
	checkShape(raw, { fields: kindShape }, '', problems);
	if (problems.length > 0) return { ok: false, problems };
	const template = raw as MeetingTemplate;
	template.decisions.forEach((d, i) => {
		namesFrom(
			d.categories,
			childProtectionCategories,
			`decisions[${i}].categories`,
			'a category of child protection plan',
			problems
		);
		if (d.outcomeBy !== 'chair')
			problems.push({
				field: `decisions[${i}].outcomeBy`,
				message: 'The chair records it: "chair".'
			});
	});
	namesFrom(
		template.quorum?.requiredAgencyKinds,
		agencyKinds,
		'quorum.requiredAgencyKinds',
		'a kind of agency',
		problems
	);
	namesFrom(template.timescales, Object.keys(timescales), 'timescales', 'a timescale', problems);
	if (problems.length > 0) return { ok: false, problems };
	return validateTemplate(template);
}

/** A built-in kind, read as it loads: a broken file stops the app with every problem listed. */
export function builtInKind(raw: unknown, file: string): MeetingTemplate {
	const read = readKind(raw);
	if (!read.ok)
		throw new Error(
			`Meeting kind ${file} is invalid: ${read.problems.map((p) => `${p.field || 'the kind'}: ${p.message}`).join('; ')}`
		);
	return read.template;
}
