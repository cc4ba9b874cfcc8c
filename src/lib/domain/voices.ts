/**
 * Voices before the meeting (issue 12), as data: the child's consultation form in words for
 * their age, and who is offered an advocate. Pure: the child's age comes from `ageOn`
 * (child-clocks.ts) on the meeting's date, a birthday on the day counting.
 */
import { ageOn } from './child-clocks';
import type { CalendarDate } from './calendar-date';
import type { MeetingKind } from './vocabulary';

/** The three forms: under 8, 8 to 12, 13 and over. */
export const ageBands = ['under-8', '8-12', '13-plus'] as const;
export type AgeBand = (typeof ageBands)[number];

/** The form for a child of this age (whole years); a child whose age is unknown gets the middle one. */
export function ageBandOf(age: number | null): AgeBand {
	if (age === null) return '8-12';
	if (age < 8) return 'under-8';
	if (age <= 12) return '8-12';
	return '13-plus';
}

/** The form for a child born on `dateOfBirth`, at a meeting on `meetingDate`. */
export function consultationBand(
	dateOfBirth: CalendarDate | null,
	meetingDate: CalendarDate
): AgeBand {
	return ageBandOf(ageOn(dateOfBirth, meetingDate));
}

/** The three questions of the form, keyed as they are stored. */
export const consultationFields = ['worries', 'goingWell', 'wishes'] as const;
export type ConsultationField = (typeof consultationFields)[number];

/** Each band's words for the three questions. */
export const consultationQuestions: Record<AgeBand, Record<ConsultationField, string>> = {
	'under-8': {
		worries: 'What makes you sad or scared?',
		goingWell: 'What makes you happy?',
		wishes: 'If you had a magic wand, what would you change?'
	},
	'8-12': {
		worries: 'What are you worried about at home or at school?',
		goingWell: 'What is going well for you?',
		wishes: 'What would you like to happen next?'
	},
	'13-plus': {
		worries: 'What worries you, or what do you think needs to change?',
		goingWell: 'What is working well in your life right now?',
		wishes: 'What do you want the meeting to decide or do?'
	}
};

/** How each band is named on the form. */
export const ageBandLabel: Record<AgeBand, string> = {
	'under-8': 'For children under 8',
	'8-12': 'For children aged 8 to 12',
	'13-plus': 'For young people aged 13 and over'
};

/** Conferences at which every child over 5 is offered an advocate. */
const advocacyMeetings: ReadonlySet<MeetingKind> = new Set([
	'initial-conference',
	'review-conference'
]);

/**
 * Is this child offered an advocate for this meeting? At an initial or review conference,
 * every child over 5 on the meeting's date (an unknown age is asked about too).
 */
export function advocacyForChild(props: {
	kind: MeetingKind;
	dateOfBirth: CalendarDate | null;
	meetingDate: CalendarDate;
}): boolean {
	if (!advocacyMeetings.has(props.kind)) return false;
	const age = ageOn(props.dateOfBirth, props.meetingDate);
	return age === null || age > 5;
}

/** Are the parents offered an advocate for this meeting? At an initial or review conference. */
export function advocacyForParents(kind: MeetingKind): boolean {
	return advocacyMeetings.has(kind);
}
