/**
 * The 24-hour plan (the chair's decision letter, or a review's recommendations): decisions with
 * reasons, outcomes and actions with who and by when, core group, dates, contingency and how to
 * complain — ready for every agency and the emergency duty team the same day.
 */
import { addWorkingDays, dateInWords, decisionLetterDue, isCalendarDate } from '../domain';
import { childNames, generatorName, generatorVersion, type DocumentInput } from './input';
import { documentFileName, type DocumentSection, type MeetingDocument } from './model';
import {
	decisionBlocks,
	endConfirmationBlocks,
	meetingFactsBlock,
	planBlocks,
	planFactBlocks,
	registerBlocks,
	riskBlock
} from './parts';

/** Working days a family has to complain about a conference's decision or conduct. */
export const complaintWorkingDays = 20;

/** How to complain, with the date by which to do it. */
export function howToComplain(input: DocumentInput): string[] {
	const by = isCalendarDate(input.meeting.date)
		? ` (by ${dateInWords(addWorkingDays(input.meeting.date, complaintWorkingDays))})`
		: '';
	return [
		`Anyone at the meeting, parents included, who disagrees with a decision or with how the meeting was run can complain within ${complaintWorkingDays} working days${by}.`,
		`Speak or write first to the chair, ${input.meeting.chairName}, through the Safeguarding and Quality Assurance Unit. If that does not resolve it, the unit's manager, who was not at the meeting, looks at it and answers in writing.`,
		'A complaint does not stop the plan: the plan goes on while the complaint is looked at.'
	];
}

export function isConference(input: DocumentInput): boolean {
	return input.template.decisions.some((d) => d.key === 'child-protection-plan');
}

/** The 24-hour plan. */
export function plan24h(input: DocumentInput): MeetingDocument {
	const conference = isConference(input);
	const { meeting } = input;
	const due = isCalendarDate(meeting.date)
		? dateInWords(decisionLetterDue(meeting.date))
		: 'within one working day';
	const sections: DocumentSection[] = [
		{
			heading: 'The meeting',
			blocks: [
				meetingFactsBlock(input, [
					{
						term: 'Circulate to',
						value: `everyone invited, parents included, every agency and the emergency duty team (EDT), by ${due}`
					}
				]),
				...endConfirmationBlocks(input)
			]
		}
	];
	if (conference)
		sections.push({
			heading: 'Decision and category for each child, with the reasons given',
			blocks: decisionBlocks(input)
		});
	sections.push({
		heading: conference ? 'Outcomes and actions' : 'Recommendations with timescales',
		blocks: planBlocks(input, { outcomesLabel: conference ? 'Outcome' : 'Recommendation' })
	});
	sections.push({
		heading: conference ? 'Core group and dates' : 'People and dates',
		blocks: planFactBlocks(
			input,
			conference ? ['lead', 'core', 'first', 'review'] : ['lead', 'core', 'review']
		)
	});
	sections.push({
		heading: 'If the plan does not work (contingency)',
		blocks: planFactBlocks(input, ['contingency'])
	});
	if (input.record.concerns.length)
		sections.push({ heading: 'How safe: scores over time', blocks: [riskBlock(input, false)] });
	sections.push({ heading: 'Who was there', blocks: registerBlocks(input) });
	sections.push({
		heading: 'How to complain',
		blocks: howToComplain(input).map((text) => ({ type: 'paragraph' as const, text }))
	});
	return {
		kind: 'plan-24h',
		audience: 'professionals',
		title: conference ? `24-hour plan: ${meeting.title}` : `Recommendations: ${meeting.title}`,
		subtitle: `${childNames(input)} · ${dateInWords(meeting.date)}`,
		fileName: documentFileName({
			children: meeting.children,
			meetingTitle: meeting.title,
			date: meeting.date,
			kind: 'plan-24h'
		}),
		containsRestricted: false,
		sections,
		generator: { name: generatorName, version: generatorVersion }
	};
}
