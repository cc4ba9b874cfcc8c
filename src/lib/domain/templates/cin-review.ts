/**
 * Child in need review: like a core group for a child below the child protection threshold,
 * with a check whether to carry on, close, or step up to a strategy discussion.
 */
import { welcomeWhoIsHere } from './sections';
import type { MeetingTemplate } from './types';
import { meetingKindLabel } from '../labels';

/** The child in need review. */
export const cinReview: MeetingTemplate = {
	kind: 'cin-review',
	label: meetingKindLabel['cin-review'],
	familyLabel: 'Meeting to check how the help is going',
	purpose:
		'The family and the workers check how the help is going, whether the child is doing better, and what happens next.',
	childPurpose:
		'Your family and the workers check how the help is going, whether things are better for you, and what happens next.',
	sections: [
		welcomeWhoIsHere,
		{
			key: 'family-update',
			title: 'Parents first: how things are',
			familyTitle: 'You tell us how things are',
			childTitle: 'Your family tells us how things are',
			prompt: 'Before the workers, tell us how things have been for your child and for you.',
			speakers: ['parent'],
			roots: ['contribution:*', 'section:family-update']
		},
		{
			key: 'childs-voice',
			title: "The child's wishes and feelings",
			familyTitle: 'What your child says',
			childTitle: 'What you told us',
			prompt: 'What has the child told us, or their advocate?',
			speakers: ['child', 'advocate'],
			roots: ['contribution:*', 'section:childs-voice']
		},
		{
			key: 'actions',
			title: "Progress on the plan's actions",
			familyTitle: 'How each part of the plan is going',
			prompt:
				'For each action in the plan: has it been done, and what difference has it made for the child?',
			speakers: ['chair', 'professional'],
			roots: ['contribution:*', 'section:actions'],
			restrictedAllowed: true
		},
		{
			key: 'child-journey',
			title: 'Needs and risks re-scored',
			familyTitle: 'How things are for your child now',
			childTitle: 'How things are for you now',
			prompt:
				'For each worry: what is the child experiencing now? Each of us scores it from 0 to 10.',
			speakers: ['chair', 'parent', 'child', 'professional'],
			roots: ['section:child-journey', 'ratings:*']
		},
		{
			key: 'next-step',
			title: 'Carry on, close or step up? Then why?',
			familyTitle: 'What we decided next, and why',
			prompt:
				'Each of you: should the plan carry on, can the case close, or are we worried enough to ask for a strategy discussion? And why?',
			speakers: ['professional', 'chair'],
			roots: ['decision:*', 'section:next-step']
		},
		{
			key: 'plan',
			title: 'The plan',
			familyTitle: 'The plan: who does what, and by when',
			prompt: 'What needs to change in the plan? Each action says who does what and by when.',
			speakers: ['chair', 'parent', 'professional'],
			roots: ['plan']
		},
		{
			key: 'summary',
			title: 'Summary and next review',
			familyTitle: 'What happens next',
			prompt: 'In plain words: what we agreed, what happens next, and when we meet again.',
			speakers: ['chair'],
			roots: ['section:summary']
		}
	],
	expectedParticipants: [
		{ role: 'chair', who: 'Chair', required: true },
		{ role: 'minute-taker', who: 'Minute-taker', required: false },
		{ role: 'parent', who: 'Parents and carers', required: true },
		{ role: 'professional', who: 'Social worker', required: true },
		{ role: 'professional', who: 'Agencies named in the plan', required: false },
		{ role: 'child', who: 'The child or young person, where old enough', required: false },
		{ role: 'advocate', who: "The child's advocate", required: false }
	],
	decisions: [
		{
			key: 'cin-next-step',
			question:
				'Should the child in need plan carry on, close, or be stepped up to a strategy discussion?',
			familyQuestion: 'What happens next with the help for your child?',
			perChild: true,
			options: [
				{
					value: 'continue',
					label: 'Continue the child in need plan',
					familyLabel: 'The help carries on'
				},
				{
					value: 'close',
					label: 'Close: needs are met',
					familyLabel: 'The help can stop: things are good enough'
				},
				{
					value: 'step-up',
					label: 'Step up: ask for a strategy discussion',
					familyLabel: 'We are worried enough to meet about keeping your child safe'
				}
			],
			voters: ['professional'],
			outcomeBy: 'chair'
		}
	],
	outputs: ['plan-24h', 'notes', 'parent-plan']
};
