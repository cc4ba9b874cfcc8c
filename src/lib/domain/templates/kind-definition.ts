/**
 * A unit's own version of a meeting kind (issue 25): a copy of a built-in kind whose words the
 * unit shapes. The structure — sections and their order, who speaks, which roots each section
 * owns and which may hold restricted passages, the decisions, outputs, expected people and
 * quorum — stays the base kind's, because the socket's gate, the decision checks, the documents
 * and the timescales key on it. Only the words change.
 */
import type { Checked, Problem } from '../problems';
import type { MeetingTemplate, TemplateSection } from './types';
import { validateTemplate } from './validate';

/** The kind's own words: required ones first, then the child's, which may be left out. */
const requiredWords = ['label', 'familyLabel', 'purpose'] as const;
const optionalWords = ['childLabel', 'childPurpose'] as const;
const requiredSectionWords = ['title', 'familyTitle', 'prompt'] as const;
const optionalSectionWords = ['childTitle'] as const;

/** The parts a copy keeps from its base: sent, they must be the base's; left out, they are. */
const keptParts = ['expectedParticipants', 'decisions', 'outputs', 'quorum'] as const;
const keptSectionParts = ['speakers', 'roots', 'restrictedAllowed'] as const;

/** How long a kind's words may be: a name or heading, and a sentence (a purpose, a prompt). */
export const kindWordLimits = { heading: 200, sentence: 2000 } as const;

const headingFields: readonly string[] = ['label', 'familyLabel', 'childLabel', 'title'];
const limitOf = (field: string) =>
	headingFields.includes(field) || field.endsWith('Title')
		? kindWordLimits.heading
		: kindWordLimits.sentence;

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** JSON with object keys sorted, so two values compare equal whatever order their keys came in. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (isObject(value))
		return `{${Object.keys(value)
			.filter((k) => value[k] !== undefined)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
			.join(',')}}`;
	return JSON.stringify(value) ?? 'null';
}

/** Reads one text field into `into`: required (non-blank) or optional (absent, or non-blank). */
function readWords(props: {
	from: Record<string, unknown>;
	field: string;
	at: string;
	required: boolean;
	into: Record<string, string>;
	problem: (field: string, message: string) => void;
}) {
	const { from, field, at, required, into, problem } = props;
	const value = from[field];
	if (value === undefined && !required) return;
	if (typeof value !== 'string' || value.trim() === '') {
		problem(
			at,
			required
				? `Write the ${field}: it cannot be empty.`
				: `Leave out the ${field}, or write it: it cannot be empty.`
		);
		return;
	}
	const max = limitOf(field);
	if (value.length > max) {
		problem(at, `Use at most ${max.toLocaleString('en-GB')} characters for the ${field}.`);
		return;
	}
	into[field] = value.trim();
}

/** Checks a kept part: left out, or the base's own. */
function keepsBase(props: {
	sent: unknown;
	base: unknown;
	at: string;
	problem: (field: string, message: string) => void;
}) {
	if (props.sent !== undefined && canonical(props.sent) !== canonical(props.base))
		props.problem(
			props.at,
			`A unit's copy changes the words only: leave out "${props.at}" or send the base kind's own.`
		);
}

/**
 * Checks a unit's version of a kind, sent as JSON, against the built-in kind it copies: every
 * problem with the field to fix (`sections[2].title`), or the whole template (the base's
 * structure with the version's words), itself checked by `validateTemplate`.
 */
export function checkKindDefinition(
	raw: unknown,
	base: MeetingTemplate
): Checked<'template', MeetingTemplate> {
	const problems: Problem[] = [];
	const problem = (field: string, message: string) => problems.push({ field, message });
	if (!isObject(raw))
		return {
			ok: false,
			problems: [{ field: 'definition', message: 'Send the kind as a JSON object.' }]
		};

	const known = new Set<string>([
		'kind',
		'sections',
		...requiredWords,
		...optionalWords,
		...keptParts
	]);
	for (const key of Object.keys(raw))
		if (!known.has(key)) problem(key, `"${key}" is not part of a meeting kind: leave it out.`);
	if (raw.kind !== base.kind)
		problem('kind', `This is a copy of "${base.kind}": its kind must stay "${base.kind}".`);

	const words: Record<string, string> = {};
	for (const field of requiredWords)
		readWords({ from: raw, field, at: field, required: true, into: words, problem });
	for (const field of optionalWords)
		readWords({ from: raw, field, at: field, required: false, into: words, problem });
	for (const part of keptParts) keepsBase({ sent: raw[part], base: base[part], at: part, problem });

	const sections: TemplateSection[] = [];
	if (!Array.isArray(raw.sections) || raw.sections.length !== base.sections.length) {
		problem(
			'sections',
			`Send the ${base.sections.length} sections of the kind, in order: a copy cannot add or remove one.`
		);
	} else {
		raw.sections.forEach((sent: unknown, i) => {
			const at = `sections[${i}]`;
			const own = base.sections[i];
			if (!isObject(sent)) {
				problem(
					at,
					`Send section ${i + 1} as an object with its key, title, familyTitle and prompt.`
				);
				return;
			}
			if (sent.key !== own.key) {
				problem(`${at}.key`, `Keep the sections in their order: section ${i + 1} is "${own.key}".`);
				return;
			}
			for (const key of Object.keys(sent))
				if (
					key !== 'key' &&
					!(requiredSectionWords as readonly string[]).includes(key) &&
					!(optionalSectionWords as readonly string[]).includes(key) &&
					!(keptSectionParts as readonly string[]).includes(key)
				)
					problem(`${at}.${key}`, `"${key}" is not part of a section: leave it out.`);
			const sectionWords: Record<string, string> = {};
			for (const field of requiredSectionWords)
				readWords({
					from: sent,
					field,
					at: `${at}.${field}`,
					required: true,
					into: sectionWords,
					problem
				});
			for (const field of optionalSectionWords)
				readWords({
					from: sent,
					field,
					at: `${at}.${field}`,
					required: false,
					into: sectionWords,
					problem
				});
			for (const part of keptSectionParts)
				keepsBase({ sent: sent[part], base: own[part], at: `${at}.${part}`, problem });
			sections.push({
				key: own.key,
				speakers: own.speakers,
				roots: own.roots,
				...(own.restrictedAllowed === undefined
					? {}
					: { restrictedAllowed: own.restrictedAllowed }),
				...sectionWords
			} as TemplateSection);
		});
	}
	if (problems.length > 0) return { ok: false, problems };

	const template: MeetingTemplate = {
		label: words.label,
		familyLabel: words.familyLabel,
		purpose: words.purpose,
		kind: base.kind,
		expectedParticipants: base.expectedParticipants,
		decisions: base.decisions,
		outputs: base.outputs,
		...(base.quorum === undefined ? {} : { quorum: base.quorum }),
		...words,
		sections
	};
	return validateTemplate(template);
}

/**
 * A stored version's words laid on the base kind's structure as the code has it now, section by
 * section by key: a version stays readable even if a later release changes the built-in kind
 * (a section it does not name keeps the base's words).
 */
export function withWordsOf(base: MeetingTemplate, stored: unknown): MeetingTemplate {
	if (!isObject(stored)) return base;
	const pick = (from: Record<string, unknown>, fields: readonly string[]) =>
		Object.fromEntries(
			fields.flatMap((f) =>
				typeof from[f] === 'string' && (from[f] as string).trim() !== '' ? [[f, from[f]]] : []
			)
		);
	const storedSections = Array.isArray(stored.sections) ? stored.sections.filter(isObject) : [];
	return {
		...base,
		...pick(stored, [...requiredWords, ...optionalWords]),
		sections: base.sections.map((section) => {
			const own = storedSections.find((s) => s.key === section.key);
			return own
				? { ...section, ...pick(own, [...requiredSectionWords, ...optionalSectionWords]) }
				: section;
		})
	};
}
