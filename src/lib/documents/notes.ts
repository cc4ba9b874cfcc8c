/**
 * The draft notes: the whole record structured by the agenda — attendance, apologies and
 * reports, each contribution with its author, decisions with reasons and dissent, the risk
 * summary, the plan. Restricted passages are kept and marked: professionals only.
 */
import { dateInWords, notesDueDate, isCalendarDate } from '../domain';
import { childNames, generatorName, generatorVersion, type DocumentInput } from './input';
import { documentFileName, type MeetingDocument } from './model';
import { agendaSections, endConfirmationBlocks, meetingFactsBlock } from './parts';

export function notesDocument(input: DocumentInput): MeetingDocument {
	const { meeting } = input;
	const containsRestricted = Object.values(input.restricted).some((list) => list.length > 0);
	const due = isCalendarDate(meeting.date)
		? dateInWords(notesDueDate(meeting.date))
		: 'within 15 working days';
	return {
		kind: 'notes',
		audience: 'professionals',
		title: `Draft notes: ${meeting.title}`,
		subtitle: `${childNames(input)} · ${dateInWords(meeting.date)}`,
		fileName: documentFileName({
			children: meeting.children,
			meetingTitle: meeting.title,
			date: meeting.date,
			kind: 'notes'
		}),
		containsRestricted,
		sections: [
			{
				heading: 'About these notes',
				blocks: [
					meetingFactsBlock(input, [
						{ term: 'Status', value: `draft, to be finalised and circulated by ${due}` }
					]),
					...endConfirmationBlocks(input),
					...(containsRestricted
						? [
								{
									type: 'paragraph' as const,
									text: 'These notes hold restricted information, marked where it appears. Remove it before any copy goes to the family.'
								}
							]
						: [])
				]
			},
			...agendaSections(input, { withRestricted: true })
		],
		generator: { name: generatorName, version: generatorVersion }
	};
}
