/**
 * A unit's own version of a meeting kind (issue 25): a copy of a built-in kind whose words and
 * agenda the unit shapes. It may reword anything a person reads, put the sections in another
 * order, leave out a section that only holds shared notes, and add sections of its own notes.
 * What the socket's gate, the decision checks, the documents and the timescales key on stays the
 * base kind's: the decisions, outputs, expected people, quorum and timescales; each kept section's speakers,
 * roots and restricted passages; and every section where people give their own words, decide,
 * score or plan, or that a document reads. The whole is then held to the rules every template
 * follows (`validateTemplate`: parents first, decision before the plan).
 */
import type { Checked, Problem } from '../problems';
import { meetingRoles, type MeetingRole } from '../vocabulary';
import { documentsReading } from './document-sections';
import { rootKeyPattern, type MeetingTemplate, type TemplateSection } from './types';
import { validateTemplate } from './validate';

/** The kind's own words: required ones first, then the child's, which may be left out. */
const requiredWords = ['label', 'familyLabel', 'purpose'] as const;
const optionalWords = ['childLabel', 'childPurpose'] as const;
const requiredSectionWords = ['title', 'familyTitle', 'prompt'] as const;
const optionalSectionWords = ['childTitle'] as const;

/** The parts a copy keeps from its base: sent, they must be the base's; left out, they are. */
const keptParts = ['expectedParticipants', 'decisions', 'outputs', 'quorum', 'timescales'] as const;
const keptSectionParts = ['speakers', 'roots', 'restrictedAllowed'] as const;

/** The most sections an agenda may have. */
export const maxSections = 20;

/**
 * Who may be named as speaking in a section a unit adds: everyone who takes part, but the
 * observer and the interpreter, who write nothing in the record.
 */
export const addedSectionSpeakers: readonly MeetingRole[] = meetingRoles.filter(
	(role) => role !== 'observer' && role !== 'interpreter'
);

/**
 * Why every copy keeps a section of its base kind, in words to finish "Keep this section: …";
 * null when a copy may leave it out (it holds only the meeting's shared notes, and no document
 * reads it).
 */
export function whySectionStays(section: TemplateSection): string | null {
	if (section.roots.includes('plan')) return 'the plan is made in it.';
	if (section.roots.includes('decision:*')) return 'the decision is taken in it.';
	if (section.roots.includes('contribution:*'))
		return 'the people who speak in it give their own words there.';
	if (section.roots.includes('ratings:*')) return 'the scores are given in it.';
	const documents = documentsReading(section.key);
	return documents ? `it goes into ${documents}.` : null;
}

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

/** Reads a section's words (title, familyTitle, prompt; childTitle if sent) into `into`. */
function readSectionWords(props: {
	sent: Record<string, unknown>;
	at: string;
	into: Record<string, string>;
	problem: (field: string, message: string) => void;
}) {
	const { sent, at, into, problem } = props;
	for (const field of requiredSectionWords)
		readWords({ from: sent, field, at: `${at}.${field}`, required: true, into, problem });
	for (const field of optionalSectionWords)
		readWords({ from: sent, field, at: `${at}.${field}`, required: false, into, problem });
}

/** Refuses any field a section does not have. */
function onlySectionFields(props: {
	sent: Record<string, unknown>;
	at: string;
	problem: (field: string, message: string) => void;
}) {
	const fields: readonly string[] = [
		'key',
		...requiredSectionWords,
		...optionalSectionWords,
		...keptSectionParts
	];
	for (const key of Object.keys(props.sent))
		if (!fields.includes(key))
			props.problem(`${props.at}.${key}`, `"${key}" is not part of a section: leave it out.`);
}

/**
 * A section the unit adds, as sent (its key not one of the base's): its words, who speaks in it
 * (1 or more of `addedSectionSpeakers`), and the one root it owns, its own shared notes, which
 * everyone at the meeting reads, the family included. Null after reporting its problems.
 */
export function readAddedSection(props: {
	sent: Record<string, unknown>;
	at: string;
	problem: (field: string, message: string) => void;
}): TemplateSection | null {
	const { sent, at } = props;
	let ok = true;
	const problem = (field: string, message: string) => {
		ok = false;
		props.problem(field, message);
	};
	const key = sent.key;
	if (typeof key !== 'string' || !rootKeyPattern.test(key)) {
		problem(`${at}.key`, 'Give the new section a key of 1–64 letters, digits, "-" or "_".');
		return null;
	}
	onlySectionFields({ sent, at, problem });
	const words: Record<string, string> = {};
	readSectionWords({ sent, at, into: words, problem });
	const speakers = sent.speakers;
	if (
		!Array.isArray(speakers) ||
		speakers.length === 0 ||
		new Set(speakers).size !== speakers.length ||
		!speakers.every((role) => (addedSectionSpeakers as readonly unknown[]).includes(role))
	)
		problem(
			`${at}.speakers`,
			`Say who speaks in the new section: one or more of ${addedSectionSpeakers.join(', ')}, each once.`
		);
	const root = `section:${key}`;
	if (sent.roots !== undefined && canonical(sent.roots) !== canonical([root]))
		problem(
			`${at}.roots`,
			`A section the unit adds holds its own notes only: leave out "roots" or send ["${root}"].`
		);
	if (sent.restrictedAllowed !== undefined && sent.restrictedAllowed !== false)
		problem(
			`${at}.restrictedAllowed`,
			'What is written in a section the unit adds is read by everyone at the meeting, the family included: restricted passages stay in the sections the kind keeps them in.'
		);
	if (!ok) return null;
	return {
		key,
		...(words as Pick<TemplateSection, 'title' | 'familyTitle' | 'prompt' | 'childTitle'>),
		speakers: speakers as MeetingRole[],
		roots: [`section:${key}`]
	};
}

/**
 * Checks a unit's version of a kind, sent as JSON, against the built-in kind it copies: every
 * problem with the field to fix (`sections[2].title`), or the whole template, itself checked by
 * `validateTemplate`. The sections come in the order sent: each of the base's by its key (its
 * words sent, its structure the base's), and any new key a section of the unit's own.
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
	if (!Array.isArray(raw.sections) || raw.sections.length === 0) {
		problem('sections', 'Send the agenda’s sections, in order.');
	} else if (raw.sections.length > maxSections) {
		problem('sections', `An agenda has at most ${maxSections} sections.`);
	} else {
		const seen = new Map<string, number>();
		raw.sections.forEach((sent: unknown, i) => {
			const at = `sections[${i}]`;
			if (!isObject(sent)) {
				problem(
					at,
					`Send section ${i + 1} as an object with its key, title, familyTitle and prompt.`
				);
				return;
			}
			if (typeof sent.key === 'string') {
				const earlier = seen.get(sent.key);
				if (earlier !== undefined) {
					problem(
						`${at}.key`,
						`Section ${i + 1} has the key of section ${earlier + 1}: each section once.`
					);
					return;
				}
				seen.set(sent.key, i);
			}
			const own = base.sections.find((s) => s.key === sent.key);
			if (!own) {
				const added = readAddedSection({ sent, at, problem });
				if (added) sections.push(added);
				return;
			}
			onlySectionFields({ sent, at, problem });
			const sectionWords: Record<string, string> = {};
			readSectionWords({ sent, at, into: sectionWords, problem });
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
		for (const own of base.sections) {
			const why = whySectionStays(own);
			if (why && !seen.has(own.key))
				problem('sections', `Keep the section “${own.title}” (${own.key}): ${why}`);
		}
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
		...(base.timescales === undefined ? {} : { timescales: base.timescales }),
		...words,
		sections
	};
	return validateTemplate(template);
}

/**
 * A stored version laid on its base kind as the code has it now, so a version stays readable
 * even if a later release changes the built-in kind: the base's sections it names carry its
 * words on the base's structure, in its order; its own sections are read again; a section every
 * copy keeps that it does not name (new in the base) comes after the one before it in the base.
 * Should the result break a template's rules, the base's agenda with the version's words.
 */
export function withWordsOf(base: MeetingTemplate, stored: unknown): MeetingTemplate {
	if (!isObject(stored)) return base;
	const pick = (from: Record<string, unknown>, fields: readonly string[]) =>
		Object.fromEntries(
			fields.flatMap((f) =>
				typeof from[f] === 'string' && (from[f] as string).trim() !== '' ? [[f, from[f]]] : []
			)
		);
	const sectionWords = [...requiredSectionWords, ...optionalSectionWords];
	const words = pick(stored, [...requiredWords, ...optionalWords]);
	const storedSections = Array.isArray(stored.sections) ? stored.sections.filter(isObject) : [];

	const sections: TemplateSection[] = [];
	for (const own of storedSections) {
		if (sections.some((s) => s.key === own.key)) continue;
		const section = base.sections.find((s) => s.key === own.key);
		const laid = section
			? { ...section, ...pick(own, sectionWords) }
			: readAddedSection({ sent: own, at: '', problem: () => {} });
		if (laid) sections.push(laid);
	}
	base.sections.forEach((section, i) => {
		if (sections.some((s) => s.key === section.key) || whySectionStays(section) === null) return;
		const before = base.sections
			.slice(0, i)
			.findLast((s) => sections.some((laid) => laid.key === s.key));
		const at = before ? sections.findIndex((s) => s.key === before.key) + 1 : 0;
		sections.splice(at, 0, section);
	});
	const laid: MeetingTemplate = { ...base, ...words, sections };
	if (validateTemplate(laid).ok) return laid;
	return {
		...base,
		...words,
		sections: base.sections.map((section) => {
			const own = storedSections.find((s) => s.key === section.key);
			return own ? { ...section, ...pick(own, sectionWords) } : section;
		})
	};
}
