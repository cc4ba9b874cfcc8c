/**
 * The family's words for a meeting (issue 27): its name as the family would say it, from the
 * children's own names ("Meeting to keep Chrissie and Leo safe"), and the easy-read plan: short
 * lines, one idea a line. Pure: the family view, the child's own space and their tests use it.
 */
import { actionSentence } from './action-words';
import type { CalendarDate } from './calendar-date';
import { dateInWords, firstName, listInWords } from './plain-words';
import type { MeetingKind, MeetingRole } from './vocabulary';
import type { MeetingTemplate, TemplateSection } from './templates/types';

/** What a child is called by the family: the name they like, or their first name. */
export function callName(child: { name: string; preferredName?: string | null }): string {
	const preferred = child.preferredName?.trim();
	return preferred ? preferred : firstName(child.name);
}

/** Each kind of meeting's name in the family's words, given the children's names in words. */
const titleByKind: Record<MeetingKind, (names: string) => string> = {
	'initial-conference': (names) => `Meeting to keep ${names} safe`,
	'review-conference': (names) => `Meeting to keep ${names} safe`,
	'core-group': (names) => `Meeting to work on the plan for ${names}`,
	'cic-review': (names) => `Meeting to check how things are going for ${names}`,
	'cin-review': (names) => `Meeting to check how the help is going for ${names}`,
	'life-appreciation-day': (names) => `A day to remember ${names}'s story`,
	'disruption-meeting': (names) => `Meeting to understand what ${names} needs next`,
	// No family is told of a Regulation 33 visit (it is unannounced, about a home); every kind has words.
	'reg33-visit': (names) => `A visit to the children’s home of ${names}`,
	'exploitation-group': (names) => `Meeting to keep ${names} safe`,
	'foster-carer-review': (names) => `Meeting about the foster carers looking after ${names}`,
	// Never shown to a family (no family view), but a name is never empty.
	'lado-strategy': (names) => `Meeting to keep ${names} safe`,
	'missing-from-home': (names) => `Meeting to keep ${names} safe when missing`
};

/** The same names when the child reading is one of them: "you", or "you and Leo". */
const titleForReaderByKind: Record<MeetingKind, (names: string) => string> = {
	...titleByKind,
	'life-appreciation-day': (names) =>
		names === 'you' ? 'A day to remember your story' : `A day to remember the story of ${names}`,
	'disruption-meeting': (names) => `Meeting to understand what ${names} need next`,
	'exploitation-group': (names) => `Meeting to keep ${names} safe`
};

/**
 * The meeting's name in the family's words: "Meeting to keep Chrissie and Leo safe". With no
 * child named, "your child" (so a name is never empty). A child reading about their own meeting
 * (issue 27: `reader` on their entry) is "you": "Meeting to keep you and Leo safe".
 */
export function familyMeetingTitle(
	kind: MeetingKind,
	children: readonly { name: string; preferredName?: string | null; reader?: boolean }[]
): string {
	if (children.some((child) => child.reader)) {
		const others = children.filter((child) => !child.reader).map(callName);
		return titleForReaderByKind[kind](listInWords(['you', ...others]));
	}
	const names = children.length ? listInWords(children.map(callName)) : 'your child';
	return titleByKind[kind](names);
}

/** Who reads the family's view: a parent or carer, or the child the meeting is about (issue 27). */
export type FamilyReader = 'parent' | 'child';

/** The reader of the family's view for a meeting role: a child reads in their own words. */
export function familyReaderOf(role: MeetingRole | null): FamilyReader {
	return role === 'child' ? 'child' : 'parent';
}

/**
 * An agenda section's heading in the family view: for a child, their own words where the
 * family's speak to the parents ("What your child says" → "What you told us").
 */
export function familySectionTitle(
	section: Pick<TemplateSection, 'familyTitle' | 'childTitle'>,
	reader: FamilyReader
): string {
	return reader === 'child' ? (section.childTitle ?? section.familyTitle) : section.familyTitle;
}

/** The meeting kind's name and what it is for, above the family's agenda, in the reader's words. */
export function familyAgendaWords(
	template: Pick<MeetingTemplate, 'familyLabel' | 'purpose' | 'childLabel' | 'childPurpose'>,
	reader: FamilyReader
): { label: string; purpose: string } {
	if (reader === 'parent') return { label: template.familyLabel, purpose: template.purpose };
	return {
		label: template.childLabel ?? template.familyLabel,
		purpose: template.childPurpose ?? template.purpose
	};
}

/** The plan as the family view holds it (the live record's plan). */
export interface EasyReadPlanInput {
	outcomes: readonly { id: string; childId: string; text: string }[];
	actions: readonly { outcomeId: string; what: string; who: string; byWhen: string }[];
	leadSocialWorker: string;
	firstCoreGroup: string;
	reviewDate: string;
	contingency: string;
}

/** One part of the easy-read plan: a short heading and its lines, one idea each. */
export interface EasyReadPart {
	heading: string;
	lines: string[];
}

/** The longest line the easy-read plan writes before it breaks a sentence at a comma or "and". */
export const EASY_READ_LINE = 70;

/**
 * Breaks words into short lines, one idea a line: at each sentence's end and semicolon, and a
 * sentence longer than `EASY_READ_LINE` also at its commas (or, failing that, its "and"s).
 */
export function easyReadLines(text: string): string[] {
	const sentences = text
		.replace(/\s+/g, ' ')
		.split(/(?<=[.!?;])\s+/)
		.map((s) => s.trim())
		.filter(Boolean);
	const lines: string[] = [];
	for (const sentence of sentences) {
		if (sentence.length <= EASY_READ_LINE) {
			lines.push(tidy(sentence));
			continue;
		}
		const parts = sentence.includes(', ') ? sentence.split(/,\s+/) : sentence.split(/\s+and\s+/);
		for (const part of parts) if (part.trim()) lines.push(tidy(part));
	}
	return lines;
}

/** A capital at the start and a full stop at the end (a semicolon or comma becomes one). */
function tidy(line: string): string {
	const trimmed = line.trim().replace(/[;,:]$/, '');
	const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
	return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/**
 * The family's plan in easy read: what we want for each child, who will do what (each action
 * its own line, with when on the next), who helps and when we meet next, and what happens if
 * things do not get better. Parts with nothing in them are left out.
 */
export function easyReadPlan(props: {
	plan: EasyReadPlanInput;
	children: readonly { id: string; name: string; preferredName?: string | null }[];
	names: readonly string[];
	today?: CalendarDate;
}): EasyReadPart[] {
	const { plan, children, names, today } = props;
	const parts: EasyReadPart[] = [];
	for (const child of children) {
		const outcomes = plan.outcomes.filter((o) => o.childId === child.id && o.text.trim());
		if (!outcomes.length) continue;
		parts.push({
			heading: `What we want for ${callName(child)}`,
			lines: outcomes.flatMap((o) => easyReadLines(o.text))
		});
	}
	const doing = plan.actions.filter((a) => a.what.trim());
	if (doing.length) {
		const lines: string[] = [];
		for (const action of doing) {
			const sentence = actionSentence({ ...action, byWhen: '' }, { today, names });
			lines.push(...easyReadLines(sentence));
			if (action.byWhen.trim()) lines.push(`When: by ${dateInWords(action.byWhen, today)}.`);
		}
		parts.push({ heading: 'Who will do what', lines });
	}
	const help: string[] = [];
	if (plan.leadSocialWorker.trim())
		help.push(`Your social worker is ${plan.leadSocialWorker.trim()}.`);
	if (plan.firstCoreGroup.trim())
		help.push(`We meet again to work on the plan: ${dateInWords(plan.firstCoreGroup, today)}.`);
	if (plan.reviewDate.trim())
		help.push(`We check how things are going: ${dateInWords(plan.reviewDate, today)}.`);
	if (help.length) parts.push({ heading: 'Who helps, and when we meet', lines: help });
	if (plan.contingency.trim())
		parts.push({
			heading: 'If things do not get better',
			lines: easyReadLines(plan.contingency)
		});
	return parts;
}
