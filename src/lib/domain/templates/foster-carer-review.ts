/**
 * Foster carer review (issue 25): the annual review of a foster carer's approval (The Fostering
 * Services (England) Regulations 2011, reg. 28), every third year face to face with the reviewing
 * officer. The reports come first and in order (the children's social workers', then the
 * supervising social worker's with sight of them), then the carer's and the children's views, and
 * the reviewing officer's recommendation to the fostering panel. Birth parents are never invited:
 * no section is theirs (the meeting refuses them as invitees).
 */
import type { MeetingTemplate } from './types';
import { meetingKindLabel } from '../labels';

/** The foster carer review. */
export const fosterCarerReview: MeetingTemplate = {
	kind: 'foster-carer-review',
	label: meetingKindLabel['foster-carer-review'],
	familyLabel: 'Review of the foster carers',
	purpose:
		'We look at how the fostering has gone this year, hear from the carers and the children, and say what should happen next with the carers’ approval.',
	childPurpose:
		'We look at how living with your foster carers has gone this year, and we want to hear what you think.',
	sections: [
		{
			key: 'welcome',
			title: 'Welcome and purpose',
			familyTitle: 'Hello, and why we are here',
			prompt:
				'Welcome. This is the review of the carers’ approval: whether it is the three-yearly review held face to face, and who is here.',
			speakers: ['chair'],
			roots: ['section:welcome']
		},
		{
			key: 'reports',
			title: 'The children’s social workers’ reports',
			familyTitle: 'What the children’s social workers say',
			childTitle: 'What your social worker says',
			prompt:
				'The reports of each placed child’s social worker, in turn: how the child is, and how the carers meet their needs. Which reports came late or not at all?',
			speakers: ['chair', 'professional'],
			roots: ['section:reports'],
			restrictedAllowed: true
		},
		{
			key: 'supervising-social-worker',
			title: 'The supervising social worker',
			familyTitle: 'What the carers’ own social worker says',
			prompt:
				'The supervising social worker’s report, written with sight of the children’s social workers’ reports: supervision, training, support and any concerns.',
			speakers: ['chair', 'professional'],
			roots: ['contribution:*', 'section:supervising-social-worker'],
			restrictedAllowed: true
		},
		{
			key: 'carers-view',
			title: 'The carers’ view',
			familyTitle: 'What the carers say',
			prompt:
				'What do the carers say about the year: what went well, what was hard, the support they had and what they need?',
			speakers: ['chair', 'observer'],
			roots: ['section:carers-view']
		},
		{
			key: 'childrens-views',
			title: 'The children’s views',
			familyTitle: 'What the children say',
			childTitle: 'What you told us',
			prompt:
				'What have the children placed said about living with the carers, directly, in writing or through their advocate?',
			speakers: ['child', 'advocate'],
			roots: ['section:childrens-views']
		},
		{
			key: 'recommendation',
			title: 'The reviewing officer’s recommendation to the fostering panel',
			familyTitle: 'What we suggest to the fostering panel',
			prompt:
				'The recommendation to the fostering panel on the carers’ approval and its terms, and the reasons for it.',
			speakers: ['chair'],
			roots: ['section:recommendation']
		}
	],
	expectedParticipants: [
		{ role: 'chair', who: 'Reviewing officer', required: true },
		{ role: 'professional', who: 'Supervising social worker', required: true },
		{ role: 'professional', who: 'Each placed child’s social worker', required: false },
		{
			role: 'observer',
			who: 'The foster carers',
			required: true,
			note: 'Face to face with the reviewing officer every third year'
		},
		{ role: 'child', who: 'The children placed, where appropriate', required: false },
		{ role: 'advocate', who: 'A child’s advocate', required: false },
		{ role: 'minute-taker', who: 'Minute-taker', required: false }
	],
	decisions: [],
	outputs: ['notes']
};
