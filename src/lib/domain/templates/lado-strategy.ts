/**
 * Allegation strategy meeting (the LADO's strategy or evaluation meeting, issue 25): the police,
 * the employer and children's social care share what they know about an allegation against an
 * adult who works with children, weigh the risk to the children and agree who investigates.
 * Every section may hold restricted passages, and the kind has no family view: no parent, child
 * or adult under allegation is ever invited (docs/meeting-kinds.md).
 */
import type { MeetingTemplate } from './types';
import { meetingKindLabel } from '../labels';

/** The allegation strategy meeting. */
export const ladoStrategy: MeetingTemplate = {
	kind: 'lado-strategy',
	label: meetingKindLabel['lado-strategy'],
	// Required by the format; never shown, since no family reads this kind.
	familyLabel: 'Meeting between professionals',
	purpose:
		'The agencies share what they know about an allegation against an adult who works with children, weigh the risk to the children and agree who does what next.',
	sections: [
		{
			key: 'welcome',
			title: 'Welcome, purpose and confidentiality',
			familyTitle: 'Welcome',
			prompt:
				'Welcome. This strategy meeting is confidential: nothing said here is shared with the adult, the family or the children without the agreement of the police and the LADO. Who is here, and who sent apologies?',
			speakers: ['chair'],
			roots: ['section:welcome'],
			restrictedAllowed: true
		},
		{
			key: 'agencies',
			title: 'What each agency knows',
			familyTitle: 'What each agency knows',
			prompt:
				'Each agency in turn: the police, the employer, children’s social care. What do you know about the allegation, the adult and the children, and what have you already done?',
			speakers: ['chair', 'professional'],
			roots: ['contribution:*', 'section:agencies'],
			restrictedAllowed: true
		},
		{
			key: 'risk',
			title: 'The risk to the children',
			familyTitle: 'The risk to the children',
			prompt:
				'Which children are at risk, now and in the adult’s other roles (work, volunteering, home)? What keeps them safe while enquiries go on?',
			speakers: ['chair', 'professional'],
			roots: ['section:risk'],
			restrictedAllowed: true
		},
		{
			key: 'decision',
			title: 'Who investigates: decision, then why',
			familyTitle: 'What happens next',
			prompt:
				'Each agency: does the allegation need a police investigation, enquiries by children’s social care, the employer’s own investigation, or no further action? Say why.',
			speakers: ['chair', 'professional'],
			roots: ['decision:*', 'section:decision'],
			restrictedAllowed: true
		},
		{
			key: 'actions',
			title: 'Actions: who does what, by when',
			familyTitle: 'Who does what',
			prompt:
				'What each agency does next, by when: the police, the employer (suspension or other duties), children’s social care, and what the adult is told, by whom and when.',
			speakers: ['chair', 'professional'],
			roots: ['plan'],
			restrictedAllowed: true
		}
	],
	expectedParticipants: [
		{ role: 'chair', who: 'The LADO (Local Authority Designated Officer)', required: true },
		{ role: 'professional', who: 'Police', required: true },
		{
			role: 'professional',
			who: 'The employer (the head teacher, manager or HR lead)',
			required: true
		},
		{ role: 'professional', who: 'Children’s social care', required: true },
		{
			role: 'professional',
			who: 'The placing authority, for a child placed here by another authority',
			required: false
		},
		{ role: 'minute-taker', who: 'Minute-taker', required: true }
	],
	decisions: [
		{
			key: 'lado-next-step',
			question: 'Who investigates the allegation?',
			familyQuestion: 'What happens next?',
			perChild: false,
			options: [
				{
					value: 'police-investigation',
					label: 'Police investigation',
					familyLabel: 'The police look into it'
				},
				{
					value: 'social-care-enquiries',
					label: 'Enquiries by children’s social care',
					familyLabel: 'Children’s social care look into it'
				},
				{
					value: 'employer-investigation',
					label: 'The employer investigates',
					familyLabel: 'The employer looks into it'
				},
				{ value: 'no-further-action', label: 'No further action', familyLabel: 'Nothing more' }
			],
			voters: ['professional'],
			outcomeBy: 'chair'
		}
	],
	outputs: ['plan-24h', 'notes']
};
