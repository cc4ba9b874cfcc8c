/**
 * Regulation 33 visit (issue 25): an independent person's monthly, unannounced visit to one of the
 * authority's children's homes — staff interviewed, time with the young people, findings and
 * recommendations, a report each time. The unit records a visit on the home's page
 * (`/homes/{id}`, `docs/reg33-visits.md`), not in the meeting room: this template is the visit's
 * parts in order, so the kind reads like every other kind where kinds are listed.
 */
import type { MeetingTemplate } from './types';
import { meetingKindLabel } from '../labels';

/** The Regulation 33 visit. */
export const reg33Visit: MeetingTemplate = {
	kind: 'reg33-visit',
	label: meetingKindLabel['reg33-visit'],
	familyLabel: 'A visit to the children’s home',
	purpose:
		'An independent person visits the children’s home without warning, talks with the staff and the young people, and writes down what is going well and what should change.',
	sections: [
		{
			key: 'arrival',
			title: 'Arrival, unannounced',
			familyTitle: 'Arriving at the home',
			prompt:
				'The visitor arrives without notice, says who they are and why they are here, and who is on shift.',
			speakers: ['chair'],
			roots: ['section:arrival']
		},
		{
			key: 'staff',
			title: 'Staff interviews',
			familyTitle: 'Talking with the staff',
			prompt: 'Which staff were spoken to, in which roles, and what did they say?',
			speakers: ['chair', 'professional'],
			roots: ['section:staff']
		},
		{
			key: 'young-people',
			title: 'Time with the young people',
			familyTitle: 'Talking with the young people',
			prompt:
				'How many young people did the visitor spend time with, and what did they say about living here?',
			speakers: ['chair', 'child'],
			roots: ['section:young-people']
		},
		{
			key: 'findings',
			title: 'Findings',
			familyTitle: 'What the visitor found',
			prompt:
				'What did the visitor see and read (records, the building, the log of incidents), and what did they find?',
			speakers: ['chair'],
			roots: ['section:findings']
		},
		{
			key: 'recommendations',
			title: 'Recommendations',
			familyTitle: 'What should change',
			prompt: 'What should the registered manager do, and by when?',
			speakers: ['chair'],
			roots: ['plan']
		}
	],
	expectedParticipants: [
		{
			role: 'chair',
			who: 'The independent visitor',
			required: true,
			note: 'Independent of the home’s management'
		},
		{ role: 'professional', who: 'Staff on shift at the home', required: false },
		{ role: 'child', who: 'Young people living at the home who wish to talk', required: false }
	],
	decisions: [],
	outputs: ['notes']
};
