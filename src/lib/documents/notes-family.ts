/**
 * The family's copy of the notes: the record structured by the agenda like the professionals'
 * notes, but made from the open record only. Its input never holds the restricted channel (the
 * caller passes none), and the generator drops restricted passages even if it did, so
 * restricted information can never reach a parent (docs/documents.md, "The two copies").
 */
import { dateInWords } from '../domain';
import { childNames, generatorName, generatorVersion, type DocumentInput } from './input';
import { documentFileName, type MeetingDocument } from './model';
import { agendaSections, meetingFactsBlock } from './parts';

export function notesFamily(input: DocumentInput): MeetingDocument {
	const { meeting } = input;
	const open: DocumentInput = { ...input, restricted: {} };
	return {
		kind: 'notes-family',
		audience: 'family',
		title: `Notes of the meeting: ${meeting.title}`,
		subtitle: `${childNames(input)} · ${dateInWords(meeting.date)}`,
		fileName: documentFileName({
			children: meeting.children,
			meetingTitle: meeting.title,
			date: meeting.date,
			kind: 'notes-family'
		}),
		containsRestricted: false,
		sections: [
			{
				heading: 'About these notes',
				blocks: [
					meetingFactsBlock(open, []),
					{
						type: 'paragraph',
						text: 'This is the family’s copy of the notes of the meeting. It says what was shared with everyone in the meeting.'
					}
				]
			},
			...agendaSections(open, { withRestricted: false })
		],
		generator: { name: generatorName, version: generatorVersion }
	};
}
