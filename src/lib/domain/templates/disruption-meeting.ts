/**
 * Disruption meeting: held after an adoption or long-term placement breaks down, to learn
 * lessons without blame and to plan what the child needs next.
 */
import type { MeetingTemplate } from './types';
import { meetingKindLabel } from '../labels';

/** The disruption meeting. */
export const disruptionMeeting: MeetingTemplate = {
	kind: 'disruption-meeting',
	label: meetingKindLabel['disruption-meeting'],
	familyLabel: 'Meeting to understand why the placement ended',
	purpose:
		'We look back at why the placement ended, without blame, to learn what to do better and to plan what the child needs next.',
	childPurpose:
		'We look back at why the placement ended, without blame, to learn what to do better and to plan what you need next.',
	sections: [
		{
			key: 'welcome',
			title: 'Welcome, purpose and ground rules',
			familyTitle: 'Hello, and why we are here',
			prompt:
				'Welcome. This meeting is to understand and to learn, not to blame. What is said here stays here, except to keep a child safe.',
			speakers: ['chair'],
			roots: ['section:welcome']
		},
		{
			key: 'placement-history',
			title: 'Placement history',
			familyTitle: 'Where the child has lived',
			childTitle: 'Where you have lived',
			prompt:
				"The social worker sets out the child's placements in order, and how this one was matched and began.",
			speakers: ['chair', 'professional'],
			roots: ['section:placement-history']
		},
		{
			key: 'childs-voice',
			title: "The child's views",
			familyTitle: 'What the child says',
			childTitle: 'What you told us',
			prompt:
				'What has the child said about the placement and about what they want now, directly or through their advocate?',
			speakers: ['child', 'advocate'],
			roots: ['contribution:*', 'section:childs-voice']
		},
		{
			key: 'what-happened',
			title: 'What happened: each account',
			familyTitle: 'What happened',
			prompt:
				'Each of you in turn: what happened, from where you stood? What helped, and what was missing?',
			speakers: ['parent', 'professional'],
			roots: ['contribution:*'],
			restrictedAllowed: true
		},
		{
			key: 'lessons',
			title: 'Lessons for practice',
			familyTitle: 'What we have learned',
			prompt:
				'What should we do differently in matching, preparation and support? Each lesson should be something someone can act on.',
			speakers: ['chair', 'professional', 'parent'],
			roots: ['section:lessons']
		},
		{
			key: 'child-next',
			title: 'What the child needs next',
			familyTitle: 'What the child needs next',
			childTitle: 'What you need next',
			prompt:
				'What does the child need from the next placement, and who will do what, by when, to make it happen?',
			speakers: ['chair', 'professional'],
			roots: ['plan']
		},
		{
			key: 'summary',
			title: 'Summary',
			familyTitle: 'What happens next',
			prompt: 'In plain words: what we learned and what happens next for the child.',
			speakers: ['chair'],
			roots: ['section:summary']
		}
	],
	expectedParticipants: [
		{ role: 'chair', who: 'Independent chair', required: true },
		{ role: 'parent', who: 'The adopters or carers whose placement ended', required: true },
		{ role: 'professional', who: "Child's social worker", required: true },
		{ role: 'professional', who: "Adopters' or carers' social worker", required: true },
		{
			role: 'professional',
			who: 'Others who supported the placement (school, health, therapy)',
			required: false
		},
		{ role: 'child', who: 'The child or young person, where appropriate', required: false },
		{ role: 'advocate', who: "The child's advocate", required: false },
		{ role: 'minute-taker', who: 'Minute-taker', required: true }
	],
	decisions: [],
	outputs: ['notes', 'lessons']
};
