/**
 * Missing from home meeting (issue 25): about a young person's missing episodes — the episodes
 * themselves, what the young person said at the return interview, the risks (exploitation
 * among them), the plan, and the time agreed before the next episode is escalated and to what
 * (a strategy discussion or a child protection conference). Professionals only; restricted
 * passages allowed where the police's intelligence is shared (docs/meeting-kinds.md).
 */
import type { MeetingTemplate } from './types';
import { meetingKindLabel, missingEscalationLabel } from '../labels';

/** The missing from home meeting. */
export const missingFromHome: MeetingTemplate = {
	kind: 'missing-from-home',
	label: meetingKindLabel['missing-from-home'],
	// Required by the format; never shown, since no family reads this kind.
	familyLabel: 'Meeting about being missing from home',
	purpose:
		'The agencies look at a young person’s missing episodes and what they said about them, weigh the risks, agree a plan, and agree how long they may be missing before it is escalated.',
	sections: [
		{
			key: 'welcome',
			title: 'Welcome and who is here',
			familyTitle: 'Welcome',
			prompt: 'Welcome. Who is here, who sent apologies, and has anyone sent an update?',
			speakers: ['chair'],
			roots: ['section:welcome']
		},
		{
			key: 'episodes',
			title: 'The missing episodes',
			familyTitle: 'The times the young person went missing',
			prompt:
				'The episodes in order: when the young person went missing, who reported it, how long they were away, where they were found.',
			speakers: ['chair', 'professional'],
			roots: ['section:episodes'],
			restrictedAllowed: true
		},
		{
			key: 'childs-views',
			title: 'The young person’s views (the return interview)',
			familyTitle: 'What the young person said',
			prompt:
				'What did the young person say at the return interview: where they went, who with, why, and what would help them stay?',
			speakers: ['chair', 'professional'],
			roots: ['section:childs-views']
		},
		{
			key: 'risks',
			title: 'Risks, exploitation among them',
			familyTitle: 'Worries',
			prompt:
				'Each agency: what do you know of the risks when the young person goes missing — exploitation, the people and places they go to, drugs, school?',
			speakers: ['professional'],
			roots: ['contribution:*'],
			restrictedAllowed: true
		},
		{
			key: 'escalation',
			title: 'The agreed time and what to escalate to',
			familyTitle: 'When we act if the young person is missing again',
			prompt:
				'If the young person goes missing and is not found within the agreed time, what happens: a strategy discussion or a child protection conference? How many hours is the agreed time? Each agency says why.',
			speakers: ['chair', 'professional'],
			roots: ['decision:*', 'section:escalation']
		},
		{
			key: 'plan',
			title: 'The plan',
			familyTitle: 'The plan',
			prompt:
				'What each agency does to keep the young person safe and reduce the episodes, who does it and by when.',
			speakers: ['chair', 'professional'],
			roots: ['plan']
		}
	],
	expectedParticipants: [
		{ role: 'chair', who: 'Independent chair', required: true },
		{ role: 'professional', who: 'Police (missing persons)', required: true },
		{ role: 'professional', who: 'The young person’s social worker', required: true },
		{
			role: 'professional',
			who: 'Whoever held the return interview',
			required: false
		},
		{
			role: 'professional',
			who: 'The carers’ or home’s staff, school, health, the exploitation lead',
			required: false
		},
		{ role: 'minute-taker', who: 'Minute-taker', required: true }
	],
	decisions: [
		{
			key: 'missing-escalation',
			question: 'If not found within the agreed time, escalate to',
			familyQuestion: 'What happens if the young person is not found in time',
			perChild: false,
			options: [
				{
					value: 'strategy-discussion',
					label: missingEscalationLabel['strategy-discussion'],
					familyLabel: 'Professionals talk straight away about keeping them safe'
				},
				{
					value: 'conference',
					label: missingEscalationLabel.conference,
					familyLabel: 'A child protection conference'
				}
			],
			voters: ['professional'],
			outcomeBy: 'chair'
		}
	],
	outputs: ['plan-24h', 'notes']
};
