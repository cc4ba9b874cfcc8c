/**
 * A child in care review, written to the child: what we talked about, what they told us, what
 * we agreed, when we meet again — and a personal letter from the chair. No restricted text.
 */
import { roots } from '../collab/roots';
import { dateInWords, firstName } from '../domain';
import { familyAction, familyWho } from './family-phrasing';
import {
	generatorName,
	generatorVersion,
	paragraphsOf,
	planByOutcome,
	type DocumentInput
} from './input';
import { replaceJargon } from './jargon';
import { documentFileName, type Block, type DocumentSection, type MeetingDocument } from './model';
import { documentSection } from '../domain/templates/document-sections';

const para = (text: string): Block => ({ type: 'paragraph', text });
const plain = (text: string) => replaceJargon(text).text;

export function childLetter(input: DocumentInput): MeetingDocument {
	const { meeting, record } = input;
	const child = meeting.children[0];
	const name = child ? firstName(child.name) : 'you';
	const sections: DocumentSection[] = [];
	sections.push({
		heading: `Dear ${name}`,
		blocks: [
			para(`We met on ${dateInWords(meeting.date)} to talk about how things are going for you.`),
			para('This letter tells you what we talked about and what happens next.')
		]
	});
	// What the child said: their own contributions and the views section, in their words.
	const childIds = input.participants
		.filter((p) => p.role === 'child' || p.role === 'advocate')
		.map((p) => p.id);
	const views = [
		...childIds.flatMap((id) => paragraphsOf(input, roots.contribution(id))),
		...paragraphsOf(input, roots.section(documentSection('childs-views')))
	].map((p) => para(p.text));
	sections.push({
		heading: 'What you told us',
		blocks: views.length
			? views
			: [para('We did not hear from you this time. We would like to next time.')]
	});
	// The record, addressed to the child: each section's notes in plain words, under its family heading.
	for (const section of input.template.sections) {
		if (
			['welcome', documentSection('childs-views'), documentSection('summary')].includes(
				section.key
			) ||
			section.restrictedAllowed
		)
			continue;
		const notes = paragraphsOf(input, roots.section(section.key)).map((p) => para(plain(p.text)));
		if (notes.length)
			sections.push({ heading: section.familyTitle, key: section.key, blocks: notes });
	}
	const { grouped, loose } = planByOutcome(input);
	const actions = [...grouped.flatMap((g) => g.actions), ...loose].map((a) =>
		familyAction(a, input)
	);
	sections.push({
		heading: 'What we agreed',
		blocks: actions.length
			? [{ type: 'list', items: actions }]
			: [para('Nothing new was agreed this time.')]
	});
	const next: Block[] = [];
	if (record.plan.reviewDate)
		next.push(para(`Your next review is on ${dateInWords(record.plan.reviewDate)}.`));
	if (record.plan.leadSocialWorker)
		next.push(
			para(`You can talk to ${familyWho(record.plan.leadSocialWorker, input)} at any time.`)
		);
	next.push(para('You can also ask for an advocate. An advocate helps you say what you want.'));
	sections.push({ heading: 'What happens next', blocks: next });
	const summary = paragraphsOf(input, roots.section(documentSection('summary'))).map((p) =>
		para(plain(p.text))
	);
	sections.push({
		heading: 'A letter from me',
		blocks: [
			...summary,
			para(
				`If you are not happy with your plan, tell me. I am ${meeting.chairName}, and I chair your reviews.`
			),
			para(`From ${meeting.chairName}`)
		]
	});
	return {
		kind: 'child-letter',
		audience: 'family',
		title: `A letter for ${name}`,
		subtitle: `Your review · ${dateInWords(meeting.date)}`,
		fileName: documentFileName({
			children: meeting.children,
			meetingTitle: meeting.title,
			date: meeting.date,
			kind: 'child-letter'
		}),
		containsRestricted: false,
		sections,
		generator: { name: generatorName, version: generatorVersion }
	};
}
