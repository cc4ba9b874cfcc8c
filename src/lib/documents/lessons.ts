/**
 * A disruption meeting's lessons: what happened, the lessons for practice and the
 * recommendations for the child's next placement. Professionals only; restricted passages marked.
 */
import { roots } from '../collab/roots';
import { dateInWords } from '../domain';
import {
	childNames,
	generatorName,
	generatorVersion,
	paragraphsOf,
	type DocumentInput
} from './input';
import { documentFileName, type Block, type MeetingDocument } from './model';
import { agendaSections, planBlocks } from './parts';
import { documentSection } from '../domain/templates/document-sections';

export function lessons(input: DocumentInput): MeetingDocument {
	const { meeting } = input;
	const lessonsList = paragraphsOf(input, roots.section(documentSection('lessons'))).map(
		(p) => p.text
	);
	const context = agendaSections(input, { withRestricted: true }).filter((s) =>
		[
			documentSection('placement-history'),
			documentSection('childs-voice'),
			documentSection('what-happened')
		].includes(s.key ?? '')
	);
	const containsRestricted = context.some((s) => s.blocks.some((b) => b.type === 'restricted'));
	return {
		kind: 'lessons',
		audience: 'professionals',
		title: `Lessons: ${meeting.title}`,
		subtitle: `${childNames(input)} · ${dateInWords(meeting.date)}`,
		fileName: documentFileName({
			children: meeting.children,
			meetingTitle: meeting.title,
			date: meeting.date,
			kind: 'lessons'
		}),
		containsRestricted,
		sections: [
			{
				heading: 'Lessons for practice',
				key: 'lessons',
				blocks: lessonsList.length
					? [{ type: 'list', items: lessonsList }]
					: [{ type: 'paragraph', text: 'No lessons were recorded.' } as Block]
			},
			{
				heading: 'Recommendations for the next placement',
				key: 'child-next',
				blocks: planBlocks(input, { outcomesLabel: 'What the child needs' })
			},
			...context
		],
		generator: { name: generatorName, version: generatorVersion }
	};
}
