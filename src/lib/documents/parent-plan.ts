/**
 * The plan written for the family: named people, no acronyms, short sentences, at most eight
 * actions as "who will do what by when", the scores in words. Restricted information never
 * reaches it: it reads neither the restricted document nor professionals' contributions. The
 * child's own words about each worry are quoted as they were said (./child-words).
 */
import { roots } from '../collab/roots';
import {
	asSubject,
	cameToMeeting,
	compareDates,
	dateInWords,
	familyName,
	firstName,
	isCalendarDate,
	listInWords,
	viewCountSentence
} from '../domain';
import { complaintWorkingDays, isConference } from './plan-24h';
import { familyAction, familyWho, plainCategory } from './family-phrasing';
import {
	childName,
	decisionTallies,
	generatorName,
	generatorVersion,
	paragraphsOf,
	planByOutcome,
	type DocumentInput
} from './input';
import { findJargon, replaceJargon } from './jargon';
import { documentFileName, type Block, type DocumentSection, type MeetingDocument } from './model';
import { riskBlock } from './parts';
import { childWordsSections } from './child-words';
import { documentSection } from '../domain/templates/document-sections';

/** A family plan lists at most this many actions; the rest are in the full plan. */
export const maxFamilyActions = 8;

const plain = (text: string) => replaceJargon(text).text;
const para = (text: string): Block => ({ type: 'paragraph', text });

/** The actions for the family: the earliest-due first, at most eight, and how many more there are. */
export function familyActions(input: DocumentInput): { shown: string[]; more: number } {
	const { grouped, loose } = planByOutcome(input);
	const all = [...grouped.flatMap((g) => g.actions), ...loose];
	const sorted = all
		.map((action, i) => ({ action, i }))
		.sort((a, b) => {
			const [x, y] = [a.action.byWhen, b.action.byWhen];
			if (isCalendarDate(x) && isCalendarDate(y)) return compareDates(x, y) || a.i - b.i;
			return isCalendarDate(x) ? -1 : isCalendarDate(y) ? 1 : a.i - b.i;
		})
		.map(({ action }) => action);
	return {
		shown: sorted.slice(0, maxFamilyActions).map((a) => familyAction(a, input)),
		more: Math.max(0, sorted.length - maxFamilyActions)
	};
}

export function parentPlan(input: DocumentInput): MeetingDocument {
	const { meeting, record } = input;
	const kids = meeting.children.map((c) => firstName(c.name));
	const kidsWords = listInWords(kids) || 'your child';
	const sections: DocumentSection[] = [];
	const came = input.participants
		.filter((p) => cameToMeeting(p.attendance))
		.map((p) => familyName(p.name));
	sections.push({
		heading: 'About this plan',
		blocks: [
			para(`We met on ${dateInWords(meeting.date)} to talk about ${kidsWords}.`),
			...(came.length ? [para(`${listInWords(came)} came.`)] : []),
			para('This is what we agreed, in plain words.')
		]
	});
	if (isConference(input)) {
		const blocks: Block[] = [];
		for (const tally of decisionTallies(input)) {
			const name = firstName(childName(input, tally.childId));
			if (!tally.outcome) {
				blocks.push(para(`We did not yet decide about ${name}.`));
				continue;
			}
			if (tally.outcome.outcome === 'plan') {
				blocks.push(para(`We decided that ${name} needs a plan to stay safe.`));
				const category = plainCategory(tally.outcome.category);
				if (category) blocks.push(para(`The main worry is ${category}.`));
			} else {
				blocks.push(para(`We decided that ${name} does not need a plan to stay safe.`));
			}
			const agreed = tally.decisions.filter(
				(d) => d.recommendation === tally.outcome!.outcome
			).length;
			if (tally.decisions.length)
				blocks.push(para(viewCountSentence(agreed, tally.decisions.length)));
		}
		sections.push({ heading: 'What we decided', blocks });
	}
	const summary = paragraphsOf(input, roots.section(documentSection('summary'))).map((p) =>
		para(plain(p.text))
	);
	if (summary.length) sections.push({ heading: 'What the chair said at the end', blocks: summary });
	if (record.concerns.length) {
		sections.push({
			heading: 'Our worries, and how safe things are',
			blocks: [
				para('Everyone gave each worry a score from 0 to 10.'),
				para('10 means no one needs to worry. 0 means the child will be hurt.'),
				riskBlock(input, true)
			]
		});
	}
	sections.push(...childWordsSections(input));
	const { shown, more } = familyActions(input);
	const actionBlocks: Block[] = shown.length
		? [{ type: 'list', items: shown }]
		: [para('No jobs were agreed yet.')];
	const lead = record.plan.leadSocialWorker ? familyWho(record.plan.leadSocialWorker, input) : null;
	if (more > 0) {
		const count = more === 1 ? 'There is 1 more job' : `There are ${more} more jobs`;
		actionBlocks.push(
			para(
				`${count} in the full plan.${lead ? ` ${asSubject(lead)} can tell you about ${more === 1 ? 'it' : 'them'}.` : ''}`
			)
		);
	}
	sections.push({ heading: 'Who does what, and by when', blocks: actionBlocks });
	const dates: Block[] = [];
	if (record.plan.firstCoreGroup)
		dates.push(
			para(
				`The group who check the plan first meets on ${dateInWords(record.plan.firstCoreGroup)}.`
			)
		);
	if (record.plan.coreGroup.length)
		dates.push(
			para(
				`In the group: ${listInWords(record.plan.coreGroup.map((who) => familyWho(who, input, { withJob: false })))}.`
			)
		);
	if (record.plan.reviewDate)
		dates.push(para(`We all meet again on ${dateInWords(record.plan.reviewDate)}.`));
	if (dates.length) sections.push({ heading: 'When we meet again', blocks: dates });
	if (record.plan.contingency)
		sections.push({
			heading: 'If things do not get better',
			blocks: [para(plain(record.plan.contingency))]
		});
	sections.push({
		heading: 'Who to ask, and if you are not happy',
		blocks: [
			...(lead ? [para(`Your main worker is ${lead}. Ask if anything is not clear.`)] : []),
			para(
				`If you are not happy with what we decided, you can complain. Do it within ${complaintWorkingDays} working days.`
			),
			para(
				`Tell ${meeting.chairName}, who ran the meeting. A manager who was not there will look at it. You will get an answer in writing.`
			)
		]
	});
	return {
		kind: 'parent-plan',
		audience: 'family',
		title: `The plan for ${kidsWords}`,
		subtitle: `${input.template.familyLabel} · ${dateInWords(meeting.date)}`,
		fileName: documentFileName({
			children: meeting.children,
			meetingTitle: meeting.title,
			date: meeting.date,
			kind: 'parent-plan'
		}),
		containsRestricted: false,
		sections,
		jargonReplaced: findJargon(
			[
				...record.plan.actions.flatMap((a) => [a.what, a.who]),
				...record.plan.coreGroup,
				record.plan.contingency,
				...paragraphsOf(input, roots.section(documentSection('summary'))).map((p) => p.text)
			].join('\n')
		),
		generator: { name: generatorName, version: generatorVersion }
	};
}
