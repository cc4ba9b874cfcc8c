/**
 * Review child protection conference: the same "parents first, then why?" order as the initial
 * conference, asked about what has changed since the plan began, to decide whether it continues.
 */
import {
	childProtectionPlanDecision,
	conferenceParticipants,
	conferenceQuorum
} from './conference';
import { conferenceSummary } from './sections';
import type { MeetingTemplate } from './types';
import { meetingKindLabel } from '../labels';

/** The review child protection conference. */
export const reviewConference: MeetingTemplate = {
	kind: 'review-conference',
	label: meetingKindLabel['review-conference'],
	familyLabel: 'Meeting to check how the plan is going',
	purpose:
		'We look at what has changed for the child since the plan began, and decide whether the child still needs it.',
	childPurpose:
		'We look at what has changed for you since the plan began, and decide whether you still need it.',
	sections: [
		{
			key: 'welcome',
			title: 'Welcome, purpose and confidentiality',
			familyTitle: 'Hello, and why we are here',
			prompt:
				'Welcome everyone. We are here to see how things have changed for the children since the last conference. What is said here stays here, except to keep a child safe. Let us say who we are; these people sent apologies or a report.',
			speakers: ['chair'],
			roots: ['section:welcome']
		},
		{
			key: 'parents-first',
			title: 'Parents first: how things are for the child now',
			familyTitle: 'You tell us how your child is doing',
			childTitle: 'Your family tells us how you are doing',
			prompt:
				'Before anyone else speaks, tell us about your child now: what they enjoy, their day, what has got better and what is still hard.',
			speakers: ['parent'],
			roots: ['contribution:*', 'section:parents-first']
		},
		{
			key: 'childs-voice',
			title: "The child's wishes and feelings",
			familyTitle: 'What your child says',
			childTitle: 'What you told us',
			prompt:
				'What does the child want us to know? How do they feel things have changed? In their own words, or told by their advocate.',
			speakers: ['child', 'advocate'],
			roots: ['contribution:*', 'section:childs-voice']
		},
		{
			key: 'professionals',
			title: 'Each professional in turn: progress on the plan',
			familyTitle: 'What the workers have seen',
			prompt:
				'Each of you in turn: what has happened since the last conference, what has been done on the plan, and what it means for this child, in words the parents understand.',
			speakers: ['professional'],
			roots: ['contribution:*'],
			restrictedAllowed: true
		},
		{
			key: 'child-journey',
			title: "The child's journey: concerns re-scored",
			familyTitle: "Your child's day, and how safe it is now",
			childTitle: 'Your day, and how safe it is now',
			prompt:
				'For each worry from the last conference: what is the child experiencing now? Each of us scores it again from 0 to 10, and we compare with last time.',
			speakers: ['chair', 'parent', 'child', 'professional'],
			roots: ['section:child-journey', 'ratings:*']
		},
		{
			key: 'strengths-worries',
			title: 'Strengths, worries and what needs to happen',
			familyTitle: 'What is going well, what we are worried about, what needs to happen',
			prompt:
				'What is working well now? What are we still worried about? What still needs to happen?',
			speakers: ['chair', 'parent', 'professional'],
			roots: ['section:strengths-worries']
		},
		{
			key: 'decision',
			title: 'Decision, then why?',
			familyTitle: 'What we decided, and why',
			prompt:
				'Each of you, for each child: does the child still need a plan, and why? No decision is recorded without its reason. I will then give the outcome and the category.',
			speakers: ['professional', 'chair'],
			roots: ['decision:*', 'section:decision']
		},
		{
			key: 'plan',
			title: 'The plan',
			familyTitle: 'The plan: who does what, and by when',
			prompt:
				'If the plan continues: what still needs to be different for the child, who does what by when, the core group, the next review date, and what happens if things do not change.',
			speakers: ['chair', 'parent', 'professional'],
			roots: ['plan']
		},
		conferenceSummary
	],
	expectedParticipants: conferenceParticipants
		.filter((p) => p.role !== 'advocate')
		.concat([{ role: 'advocate', who: "The child's advocate", required: false }]),
	decisions: [childProtectionPlanDecision],
	outputs: ['plan-24h', 'notes', 'parent-plan'],
	quorum: conferenceQuorum
};
