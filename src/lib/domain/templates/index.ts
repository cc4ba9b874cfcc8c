/**
 * The meeting kinds the unit chairs, as data: each built-in kind is a JSON file (./kinds), read
 * and checked as this module loads (`builtInKind`: every field's type, the vocabularies it names,
 * and `validateTemplate`), so a broken file fails at once. `templateFor(kind)` gives a kind's
 * agenda.
 */
import type { MeetingKind } from '../vocabulary';
import { meetingKinds } from '../vocabulary';
import type { MeetingTemplate, TemplateSection } from './types';
import { builtInKindFiles } from './kinds/index';
import { builtInKind } from './read-kind';

export * from './types';
export { validateTemplate } from './validate';

const read = builtInKindFiles.map(({ file, data }) => builtInKind(data, file));
const byKind = Object.fromEntries(read.map((t) => [t.kind, t])) as Record<
	MeetingKind,
	MeetingTemplate
>;
// One file for each kind, each kind once: the app stops here if one is missing or doubled.
for (const kind of meetingKinds)
	if (read.filter((t) => t.kind === kind).length !== 1)
		throw new Error(`There must be one meeting kind file for "${kind}" (./kinds).`);

// The kinds the tests and the documents' fixture name directly.
export const initialConference = byKind['initial-conference'];
export const reviewConference = byKind['review-conference'];
export const coreGroup = byKind['core-group'];
export const lifeAppreciationDay = byKind['life-appreciation-day'];

/** Every built-in meeting template, in the order the unit lists its meeting kinds. */
export const allTemplates: readonly MeetingTemplate[] = read;

/** The template for a meeting kind. */
export function templateFor(kind: MeetingKind): MeetingTemplate {
	const template = byKind[kind];
	// Kinds come from the database as text; say which one is missing rather than fail later.
	if (!template) throw new Error(`No meeting template for kind "${kind}"`);
	return template;
}

/** The section after `key` in the agenda, or undefined at the end (for the chair's "next section"). */
export function nextSection(template: MeetingTemplate, key: string): TemplateSection | undefined {
	const i = template.sections.findIndex((s) => s.key === key);
	return i === -1 ? undefined : template.sections[i + 1];
}

/**
 * The section that owns a root of the live record, given the role of the participant whose root
 * it is (for `contribution:`, `decision:` and `ratings:` roots); undefined if none does.
 */
export function sectionForRoot(
	template: MeetingTemplate,
	rootName: string,
	participantRole?: TemplateSection['speakers'][number]
): TemplateSection | undefined {
	const colon = rootName.indexOf(':');
	const prefix = colon === -1 ? rootName : rootName.slice(0, colon);
	if (prefix === 'section' || prefix === 'plan') {
		return template.sections.find((s) => (s.roots as readonly string[]).includes(rootName));
	}
	const pattern = `${prefix}:*`;
	return template.sections.find(
		(s) =>
			(s.roots as readonly string[]).includes(pattern) &&
			participantRole !== undefined &&
			s.speakers.includes(participantRole)
	);
}
