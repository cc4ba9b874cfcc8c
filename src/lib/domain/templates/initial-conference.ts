/**
 * Initial child protection conference, in the unit's "parents first, then why?" order
 * (DESIGN §2): parents speak about their child before any professional does, and every
 * decision is followed by its reason before the plan is written.
 */
import {
	childProtectionPlanDecision,
	conferenceParticipants,
	conferenceQuorum
} from './conference';
import { conferenceSummary } from './sections';
import type { MeetingTemplate } from './types';
import { meetingKindLabel } from '../labels';

/** The initial child protection conference. */
export const initialConference: MeetingTemplate = {
	kind: 'initial-conference',
	label: meetingKindLabel['initial-conference'],
	familyLabel: 'First meeting about keeping your child safe',
	purpose:
		'Everyone who knows the child shares what they know, and together we decide whether the child needs a plan to keep them safe.',
	childLabel: 'First meeting about keeping you safe',
	childPurpose:
		'Everyone who knows you shares what they know, and together we decide whether you need a plan to keep you safe.',
	sections: [
		{
			key: 'welcome',
			title: 'Welcome, purpose and confidentiality',
			familyTitle: 'Hello, and why we are here',
			prompt:
				'Welcome everyone. We are here to think together about how safe the children are. What is said here stays here, except to keep a child safe. Let us say who we are; these people sent apologies or a report.',
			speakers: ['chair'],
			roots: ['section:welcome']
		},
		{
			key: 'parents-first',
			title: 'Parents first: about the child',
			familyTitle: 'You tell us about your child',
			childTitle: 'Your family tells us about you',
			prompt:
				'Before anyone else speaks, tell us about your child: what they like and dislike, their day, their hobbies, and anything that is hard at the moment.',
			speakers: ['parent'],
			roots: ['contribution:*', 'section:parents-first']
		},
		{
			key: 'childs-voice',
			title: "The child's wishes and feelings",
			familyTitle: 'What your child says',
			childTitle: 'What you told us',
			prompt:
				'What does the child want us to know? Their wishes and feelings, in their own words, or told by their advocate.',
			speakers: ['child', 'advocate'],
			roots: ['contribution:*', 'section:childs-voice']
		},
		{
			key: 'professionals',
			title: 'Each professional in turn',
			familyTitle: 'What the workers know',
			prompt:
				'Each of you in turn: what do you know, and what does it mean for this child? Please use words the parents understand.',
			speakers: ['professional'],
			roots: ['contribution:*'],
			restrictedAllowed: true
		},
		{
			key: 'child-journey',
			title: "The child's journey: concerns and risk",
			familyTitle: "Your child's day, and how safe it is",
			childTitle: 'Your day, and how safe it is',
			prompt:
				'For each worry: what happens to the child day to day, what it does to them now and later, and what they say. Then each of us scores it from 0 (the child will be harmed) to 10 (safe enough that no one needs to worry).',
			speakers: ['chair', 'parent', 'child', 'professional'],
			roots: ['section:child-journey', 'ratings:*']
		},
		{
			key: 'strengths-worries',
			title: 'Strengths, worries and what needs to happen',
			familyTitle: 'What is going well, what we are worried about, what needs to happen',
			prompt:
				'What is working well for this child? What are we worried about? What needs to happen?',
			speakers: ['chair', 'parent', 'professional'],
			roots: ['section:strengths-worries']
		},
		{
			key: 'decision',
			title: 'Decision, then why?',
			familyTitle: 'What we decided, and why',
			prompt:
				'Each of you, for each child: plan or no plan, and why? No decision is recorded without its reason. I will then give the outcome and the category.',
			speakers: ['professional', 'chair'],
			roots: ['decision:*', 'section:decision']
		},
		{
			key: 'plan',
			title: 'The plan',
			familyTitle: 'The plan: who does what, and by when',
			prompt:
				'What needs to be different for the child? For each outcome, what will be done, who will do it and by when. Who is in the core group, when it first meets, when we review, and what happens if things do not change.',
			speakers: ['chair', 'parent', 'professional'],
			roots: ['plan']
		},
		conferenceSummary
	],
	expectedParticipants: conferenceParticipants,
	decisions: [childProtectionPlanDecision],
	outputs: ['plan-24h', 'notes', 'parent-plan'],
	quorum: conferenceQuorum
};
