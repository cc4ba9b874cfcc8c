/**
 * Review of a child in care, chaired by an independent reviewing officer. The child's views
 * come first; the record is written *to the child* and comes with a personal letter.
 */
import type { MeetingTemplate } from './types';
import { meetingKindLabel } from '../labels';

/** The child in care (looked-after child) review. */
export const cicReview: MeetingTemplate = {
	kind: 'cic-review',
	label: meetingKindLabel['cic-review'],
	familyLabel: 'Your review meeting',
	purpose:
		'We check that your care plan is right for you, listen to what you want, and agree what happens next.',
	sections: [
		{
			key: 'welcome',
			title: 'Welcome and who is here',
			familyTitle: 'Hello, and who is here',
			prompt:
				'Welcome. This meeting is about you and your plan. Who is here, and who sent a report?',
			speakers: ['chair'],
			roots: ['section:welcome']
		},
		{
			key: 'childs-views',
			title: "The child's views (consultation form)",
			familyTitle: 'What you told us',
			prompt:
				'What do you want us to know? What is good, what is not, and what would you like to change? (From your consultation form, or in your own words, or through your advocate.)',
			speakers: ['child', 'advocate'],
			roots: ['contribution:*', 'section:childs-views']
		},
		{
			key: 'carers',
			title: 'Carers and parents',
			familyTitle: 'What the people who look after you said',
			prompt:
				'Carers, and parents if here: how have things been for the child since the last review?',
			speakers: ['parent'],
			roots: ['contribution:*', 'section:carers']
		},
		{
			key: 'social-worker',
			title: 'Social worker and other professionals',
			familyTitle: 'What your social worker and others said',
			prompt:
				"The social worker's report, then each professional: what has happened, and what it means for the child.",
			speakers: ['professional'],
			roots: ['contribution:*'],
			restrictedAllowed: true
		},
		{
			key: 'health',
			title: 'Health assessment',
			familyTitle: 'Your health',
			prompt:
				'Is the health assessment up to date? Dentist, eyes, immunisations, feelings and worries.',
			speakers: ['chair', 'professional'],
			roots: ['section:health']
		},
		{
			key: 'education',
			title: 'Education and the personal education plan (PEP)',
			familyTitle: 'School or college',
			prompt:
				'How is school or college going? Is the personal education plan up to date and working?',
			speakers: ['chair', 'professional'],
			roots: ['section:education']
		},
		{
			key: 'contact',
			title: 'Family time and contact',
			familyTitle: 'Seeing your family and friends',
			prompt: 'Who does the child see, how often, and how does the child feel about it?',
			speakers: ['chair', 'professional', 'parent'],
			roots: ['section:contact']
		},
		{
			key: 'placement',
			title: 'Placement stability',
			familyTitle: 'Where you live',
			prompt:
				"Is this home meeting the child's needs? Is it stable, and is there any risk of it ending?",
			speakers: ['chair', 'professional', 'parent'],
			roots: ['section:placement']
		},
		{
			key: 'care-plan',
			title: 'Care plan or pathway plan',
			familyTitle: 'Your plan for the future',
			prompt:
				'Is the care plan (or pathway plan) still right for the child? Does anything significant need to change?',
			speakers: ['chair', 'professional'],
			roots: ['section:care-plan']
		},
		{
			key: 'recommendations',
			title: 'Recommendations with timescales',
			familyTitle: 'What will happen, who will do it, and by when',
			prompt: 'The recommendations: what will be done, who will do it, and by when.',
			speakers: ['chair', 'professional'],
			roots: ['plan']
		},
		{
			key: 'summary',
			title: 'Summary to the child',
			familyTitle: 'What we agreed',
			prompt: 'Tell the child, in their words, what was agreed and when the next review is.',
			speakers: ['chair'],
			roots: ['section:summary']
		}
	],
	expectedParticipants: [
		{ role: 'chair', who: 'Independent reviewing officer', required: true },
		{
			role: 'child',
			who: 'The child or young person',
			required: true,
			note: 'In person, by consultation form, or through an advocate'
		},
		{ role: 'advocate', who: "The child's advocate", required: false },
		{ role: 'parent', who: 'Carers', required: true },
		{ role: 'parent', who: 'Parents, where appropriate', required: false },
		{ role: 'professional', who: 'Social worker', required: true },
		{ role: 'professional', who: 'Designated teacher or school', required: false },
		{ role: 'professional', who: 'Health (looked-after children nurse)', required: false },
		{ role: 'minute-taker', who: 'Minute-taker', required: false }
	],
	decisions: [],
	outputs: ['plan-24h', 'notes', 'child-letter']
};
