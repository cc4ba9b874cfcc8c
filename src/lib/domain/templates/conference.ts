/**
 * What the initial and review child protection conferences share: the decision they take and
 * the people they expect. Their agendas are written out in full in each kind's file, because
 * the chair's words differ (a review asks what has changed since the plan began).
 */
import { childProtectionCategories } from '../decisions';
import type { QuorumRule } from '../register';
import type { ExpectedParticipant, TemplateDecision } from './types';

/** The conference decision: does each child need a child protection plan, and under which category? */
export const childProtectionPlanDecision: TemplateDecision = {
	key: 'child-protection-plan',
	question: 'Does this child need a child protection plan? If so, under which category?',
	familyQuestion: 'Does your child need a plan to keep them safe?',
	perChild: true,
	options: [
		{ value: 'plan', label: 'Child protection plan', familyLabel: 'Yes, a plan is needed' },
		{ value: 'no-plan', label: 'No child protection plan', familyLabel: 'No plan is needed' }
	],
	voters: ['professional'],
	outcomeBy: 'chair',
	categories: childProtectionCategories
};

/** Who a conference invites; the advocate is offered to every child over 5 at an initial conference. */
export const conferenceParticipants: readonly ExpectedParticipant[] = [
	{ role: 'chair', who: 'Chair (independent of the case)', required: true },
	{ role: 'minute-taker', who: 'Minute-taker', required: true },
	{ role: 'parent', who: 'Parents and carers', required: true },
	{ role: 'professional', who: 'Social worker', required: true },
	{ role: 'professional', who: 'Police', required: true },
	{ role: 'professional', who: 'Health (health visitor or school nurse)', required: true },
	{ role: 'professional', who: 'School or nursery', required: false },
	{ role: 'professional', who: 'GP (or a written report)', required: false },
	{ role: 'professional', who: 'Other agencies working with the family', required: false },
	{ role: 'child', who: 'The child or young person, where old enough', required: false },
	{
		role: 'advocate',
		who: "The child's advocate",
		required: false,
		note: 'Offered to every child over 5, arranged within 1 working day'
	}
];

/**
 * Local procedures hold a conference quorate when at least three agencies are present,
 * children's social care among them. A unit may set its own minimum (units.conference_quorum_agencies).
 */
export const conferenceQuorum: QuorumRule = {
	minimumAgencies: 3,
	requiredAgencyKinds: ['social-care']
};
