/**
 * Core group: the parents and professionals who carry out a child protection plan between
 * conferences. Each action's progress, each risk re-scored, changes to the plan.
 */
import { welcomeWhoIsHere } from './sections';
import type { MeetingTemplate } from './types';
import { meetingKindLabel } from '../labels';

/** The core group meeting. */
export const coreGroup: MeetingTemplate = {
	kind: 'core-group',
	label: meetingKindLabel['core-group'],
	familyLabel: 'Meeting to work on the plan together',
	purpose:
		'The family and the workers check each part of the plan, see whether the child is safer, and change the plan if needed.',
	childPurpose:
		'Your family and the workers check each part of the plan, see whether you are safer, and change the plan if needed.',
	sections: [
		welcomeWhoIsHere,
		{
			key: 'family-update',
			title: 'Parents first: how things are',
			familyTitle: 'You tell us how things are',
			childTitle: 'Your family tells us how things are',
			prompt:
				'Before the workers, tell us how things have been for your child and for you since we last met.',
			speakers: ['parent'],
			roots: ['contribution:*', 'section:family-update']
		},
		{
			key: 'childs-voice',
			title: "The child's wishes and feelings",
			familyTitle: 'What your child says',
			childTitle: 'What you told us',
			prompt: 'What has the child told us, or their advocate, since we last met?',
			speakers: ['child', 'advocate'],
			roots: ['contribution:*', 'section:childs-voice']
		},
		{
			key: 'actions',
			title: "Progress on each of the plan's actions",
			familyTitle: 'How each part of the plan is going',
			prompt:
				'For each action in the plan: has it been done, by whom, and what difference has it made for the child?',
			speakers: ['chair', 'professional'],
			roots: ['contribution:*', 'section:actions'],
			restrictedAllowed: true
		},
		{
			key: 'child-journey',
			title: 'Risks re-scored',
			familyTitle: 'How safe your child is now',
			childTitle: 'How safe you are now',
			prompt:
				'For each worry: what is the child experiencing now? Each of us scores it again from 0 to 10.',
			speakers: ['chair', 'parent', 'child', 'professional'],
			roots: ['section:child-journey', 'ratings:*']
		},
		{
			key: 'plan',
			title: 'Changes to the plan',
			familyTitle: 'Changes to the plan',
			prompt: 'What needs to change in the plan? New actions need who does what and by when.',
			speakers: ['chair', 'parent', 'professional'],
			roots: ['plan']
		},
		{
			key: 'summary',
			title: 'Summary and next meeting',
			familyTitle: 'What happens next',
			prompt: 'In plain words: what we agreed, what happens next, and when we meet again.',
			speakers: ['chair'],
			roots: ['section:summary']
		}
	],
	expectedParticipants: [
		{ role: 'chair', who: 'Chair (usually the lead social worker)', required: true },
		{ role: 'minute-taker', who: 'Minute-taker', required: false },
		{ role: 'parent', who: 'Parents and carers', required: true },
		{ role: 'professional', who: 'Lead social worker', required: true },
		{ role: 'professional', who: 'Core group members named in the plan', required: true },
		{ role: 'child', who: 'The child or young person, where old enough', required: false },
		{ role: 'advocate', who: "The child's advocate", required: false }
	],
	decisions: [],
	outputs: ['plan-24h', 'notes', 'parent-plan']
};
