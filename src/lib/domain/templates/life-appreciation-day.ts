/**
 * Life Appreciation Day: everyone who knew the child shares memories, in time order, with the
 * prospective adopters. Its output is a memory book, not a plan.
 */
import type { MeetingTemplate } from './types';
import { meetingKindLabel } from '../labels';

/** The Life Appreciation Day. */
export const lifeAppreciationDay: MeetingTemplate = {
	kind: 'life-appreciation-day',
	label: meetingKindLabel['life-appreciation-day'],
	familyLabel: "A day to share the child's story",
	purpose:
		"Everyone who has known the child shares memories along the child's journey, so the new family knows the child's story.",
	childLabel: 'A day to share your story',
	childPurpose:
		'Everyone who has known you shares memories of your life so far, so your new family knows your story.',
	sections: [
		{
			key: 'welcome',
			title: 'Welcome and purpose',
			familyTitle: 'Hello, and why we are here',
			prompt:
				"Welcome. Today is about the child's story: everyone who has known them shares what they remember, so the new family can know and tell it.",
			speakers: ['chair'],
			roots: ['section:welcome']
		},
		{
			key: 'story-so-far',
			title: "The child's journey so far",
			familyTitle: "The child's story so far",
			childTitle: 'Your story so far',
			prompt:
				"The social worker gives the outline of the child's journey: where they have lived and with whom, in time order.",
			speakers: ['chair', 'professional'],
			roots: ['section:story-so-far']
		},
		{
			key: 'memories',
			title: 'Memories along the journey',
			familyTitle: 'Memories of the child',
			childTitle: 'Memories of you',
			prompt:
				'Each of you in turn, in time order: when did you know the child, and what do you remember? What made them laugh, what comforted them, what did they love?',
			speakers: ['professional', 'parent'],
			roots: ['contribution:*'],
			restrictedAllowed: true
		},
		{
			key: 'adopters-questions',
			title: "The new family's questions",
			familyTitle: 'Your questions',
			prompt:
				'What would you like to know about the child, and what will help you tell them their story?',
			speakers: ['chair', 'professional', 'parent'],
			roots: ['section:adopters-questions']
		},
		{
			key: 'closing',
			title: 'Closing and the memory book',
			familyTitle: 'The memory book',
			prompt:
				'Thank you. These memories become the memory book for the new family. Is anything missing?',
			speakers: ['chair'],
			roots: ['section:closing']
		}
	],
	expectedParticipants: [
		{ role: 'chair', who: 'Chair', required: true },
		{ role: 'parent', who: 'Prospective adopters', required: true },
		{ role: 'professional', who: "Child's social worker", required: true },
		{ role: 'professional', who: 'Adoption social worker', required: true },
		{ role: 'parent', who: 'Foster carers, past and present', required: false },
		{
			role: 'professional',
			who: 'Nursery or school staff, health visitor and others who knew the child',
			required: false
		},
		{ role: 'minute-taker', who: 'Note-taker', required: false }
	],
	decisions: [],
	outputs: ['notes', 'memory-book']
};
