/**
 * The meeting kinds the unit chairs, as data. `templateFor(kind)` gives a kind's agenda; every
 * built-in template is validated when this module loads, so a broken edit fails at once.
 */
import { cicReview } from './cic-review';
import { cinReview } from './cin-review';
import { coreGroup } from './core-group';
import { disruptionMeeting } from './disruption-meeting';
import { exploitationGroup } from './exploitation-group';
import { fosterCarerReview } from './foster-carer-review';
import { initialConference } from './initial-conference';
import { lifeAppreciationDay } from './life-appreciation-day';
import { reviewConference } from './review-conference';
import { reg33Visit } from './reg33-visit';
import { ladoStrategy } from './lado-strategy';
import { missingFromHome } from './missing-from-home';
import type { MeetingKind } from '../vocabulary';
import type { MeetingTemplate, TemplateSection } from './types';
import { validateTemplate } from './validate';

export * from './types';
export { validateTemplate } from './validate';
export {
	initialConference,
	reviewConference,
	coreGroup,
	cicReview,
	cinReview,
	lifeAppreciationDay,
	disruptionMeeting,
	reg33Visit
};

// A Record over MeetingKind: the compiler refuses this file if a kind has no template.
const byKind: Record<MeetingKind, MeetingTemplate> = {
	'initial-conference': initialConference,
	'review-conference': reviewConference,
	'core-group': coreGroup,
	'cic-review': cicReview,
	'cin-review': cinReview,
	'life-appreciation-day': lifeAppreciationDay,
	'disruption-meeting': disruptionMeeting,
	'reg33-visit': reg33Visit,
	'exploitation-group': exploitationGroup,
	'foster-carer-review': fosterCarerReview,
	'lado-strategy': ladoStrategy,
	'missing-from-home': missingFromHome
};

for (const template of Object.values(byKind)) {
	const checked = validateTemplate(template);
	if (!checked.ok) {
		const list = checked.problems.map((p) => `${p.field}: ${p.message}`).join('; ');
		throw new Error(`Meeting template "${template.kind}" is invalid: ${list}`);
	}
}

/** Every built-in meeting template, in the order the unit lists its meeting kinds. */
export const allTemplates: readonly MeetingTemplate[] = Object.values(byKind);

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
