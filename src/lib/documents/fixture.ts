/**
 * A fixed conference record for the generators' tests: built with the live record's own
 * writers, read back with readRecord, so the tests cover the shape the server hands over.
 */
import * as Y from 'yjs';
import {
	addConcern,
	addPlanAction,
	addPlanOutcome,
	readRecord,
	recordDecision,
	recordOutcome,
	setCoreGroup,
	setPlanField,
	setRating
} from '../collab/record-shape';
import { quorumRuleWords, templateFor, type MeetingKind } from '../domain';
import type { DocumentInput, DocumentParticipant } from './input';

export const restrictedText =
	'Police intelligence 4471: a man with a violence record visits the home at night.';

const person = (
	id: string,
	name: string,
	role: DocumentParticipant['role'],
	agency: string | null,
	extra: Partial<DocumentParticipant> = {}
): DocumentParticipant => ({
	id,
	name,
	role,
	agency,
	attendance: 'present',
	voting: role === 'professional',
	reportRequested: false,
	reportReceived: false,
	reportSharedWithParents: false,
	...extra
});

export const fixtureParticipants: DocumentParticipant[] = [
	person('p-chair', 'Priya Shah', 'chair', null),
	person('p-sw', 'Sam Okafor', 'professional', "Children's Social Care", {
		reportRequested: true,
		reportReceived: true,
		reportSharedWithParents: true
	}),
	person('p-police', 'Jo Reid', 'professional', 'Police', {
		reportRequested: true,
		reportReceived: true
	}),
	person('p-hv', 'Kim Lee', 'professional', 'Health visiting service', {
		reportRequested: true,
		reportReceived: true,
		reportSharedWithParents: true
	}),
	person('p-gp', 'Ravi Patel', 'professional', 'Riverside GP practice', {
		attendance: 'apologies',
		reportRequested: true
	}),
	person('p-mum', 'Dawn Walker', 'parent', null)
];

export const fixtureActions = [
	{ what: 'Visit the family every week', who: 'Social worker', byWhen: '2027-01-08' },
	{ what: 'Make a GP appointment for Leo', who: 'Dawn Walker', byWhen: '2027-01-12' },
	{ what: 'Check Leo’s weight', who: 'Health visitor', byWhen: '2027-01-14' },
	{ what: 'Walk Chrissie to school every day', who: 'Mum', byWhen: '2027-01-11' },
	{
		what: 'Tell the core group about attendance each week',
		who: 'Oakfield Primary School',
		byWhen: '2027-01-15'
	},
	{ what: 'Share any new police call-outs', who: 'Police', byWhen: '2027-01-20' },
	{ what: 'Arrange a parenting course', who: 'Sam Okafor', byWhen: '2027-01-22' },
	{ what: 'Complete the assessment', who: 'Sam Okafor', byWhen: '2027-02-01' },
	{ what: 'Review the home conditions with Mum', who: 'Kim Lee', byWhen: '2027-02-05' }
];

/** The input for a conference about Chrissie and Leo Walker with nine actions, one dissent and one restricted passage. */
export function fixtureInput(kind: MeetingKind = 'initial-conference'): DocumentInput {
	const doc = new Y.Doc();
	const chrissie = 'c-chrissie';
	const leo = 'c-leo';
	const late = addConcern(doc, {
		id: 'k1',
		childId: chrissie,
		title: 'Chrissie is often an hour late for school',
		dayToDay: 'She misses breakfast club.',
		safetyGoal: 'Chrissie is in school on time every day.'
	});
	addConcern(doc, {
		id: 'k2',
		childId: leo,
		title: 'Leo is not gaining weight',
		dayToDay: 'Meals are missed.'
	});
	setRating(doc, 'p-sw', late, 3);
	setRating(doc, 'p-hv', late, 4);
	setRating(doc, 'p-mum', late, 7);
	setRating(doc, 'p-sw', 'k2', 2);
	recordDecision(doc, 'p-sw', {
		childId: chrissie,
		recommendation: 'plan',
		reason: 'Chrissie misses school and meals; neglect is likely without a plan.'
	});
	recordDecision(doc, 'p-hv', {
		childId: chrissie,
		recommendation: 'plan',
		reason: 'Home conditions have not improved since the summer.'
	});
	recordDecision(doc, 'p-police', {
		childId: chrissie,
		recommendation: 'no-plan',
		reason: 'No police call-outs since March; a CIN plan would be enough.'
	});
	recordDecision(doc, 'p-sw', {
		childId: leo,
		recommendation: 'plan',
		reason: 'Leo has dropped two weight centiles in three months.'
	});
	recordOutcome(doc, {
		childId: chrissie,
		outcome: 'plan',
		category: 'neglect',
		reason: 'Chrissie is late or hungry most days and nobody checks on her at night.'
	});
	recordOutcome(doc, {
		childId: leo,
		outcome: 'plan',
		category: 'neglect',
		reason: 'Leo is a baby and his weight has dropped since the summer.'
	});
	const o1 = addPlanOutcome(doc, {
		childId: chrissie,
		text: 'Chrissie gets to school on time every day',
		concernId: late
	});
	const o2 = addPlanOutcome(doc, {
		childId: leo,
		text: 'Leo eats three meals a day and gains weight',
		concernId: 'k2'
	});
	fixtureActions.forEach((a, i) => addPlanAction(doc, { ...a, outcomeId: i % 2 === 0 ? o1 : o2 }));
	setCoreGroup(doc, ['Dawn Walker', 'Sam Okafor', 'Kim Lee', 'Oakfield Primary School']);
	setPlanField(doc, 'leadSocialWorker', 'Sam Okafor');
	setPlanField(doc, 'firstCoreGroup', '2027-01-18');
	setPlanField(doc, 'reviewDate', '2027-04-05');
	setPlanField(
		doc,
		'contingency',
		'If things do not improve, the local authority will seek legal advice about the safeguarding concerns.'
	);
	const record = readRecord(
		doc,
		fixtureParticipants.map((p) => p.id)
	);
	doc.destroy();
	return {
		meeting: {
			id: 'm1',
			kind,
			title: 'Initial child protection conference',
			date: '2027-01-06',
			children: [
				{ id: chrissie, name: 'Chrissie Walker' },
				{ id: leo, name: 'Leo Walker' }
			],
			chairName: 'Priya Shah'
		},
		participants: fixtureParticipants,
		// The register says three agencies were present, social care among them.
		...(templateFor(kind).quorum
			? {
					quorum: {
						quorate: true,
						agenciesPresent: ["Children's Social Care", 'Police', 'Health visiting service'],
						rule: quorumRuleWords(templateFor(kind).quorum!),
						lacking: []
					}
				}
			: {}),
		template: templateFor(kind),
		record,
		paragraphs: {
			'contribution:p-mum': [
				{ text: 'Chrissie loves drawing and her little brother.', authors: ['Dawn Walker'] }
			],
			'contribution:p-sw': [
				{ text: 'I have visited six times since the referral.', authors: ['Sam Okafor'] }
			],
			'contribution:p-police': [
				{ text: 'There were two call-outs to the address last year.', authors: ['Jo Reid'] }
			],
			'section:summary': [
				{
					text: 'Chrissie and Leo will have a CP plan. The core group meets soon.',
					authors: ['Priya Shah']
				}
			],
			'section:welcome': [{ text: 'Everyone introduced themselves.', authors: ['Priya Shah'] }]
		},
		restricted: { 'p-police': [restrictedText] }
	};
}
