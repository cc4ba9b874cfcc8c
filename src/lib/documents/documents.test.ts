import { describe, expect, it } from 'vitest';
import { templateFor } from '../domain';
import {
	childLetter,
	documentReadability,
	notesDocument,
	generateDocuments,
	lessons,
	memoryBook,
	parentPlan,
	plan24h,
	renderDocumentHtml,
	type MeetingDocument
} from './index';
import { blockText } from './check';
import { fixtureActions, fixtureInput, restrictedText } from './fixture';
import { maxFamilyActions } from './parent-plan';

/** Every piece of text in a document, joined. */
function textOf(doc: MeetingDocument): string {
	return [
		doc.title,
		doc.subtitle,
		...doc.sections.flatMap((s) => [s.heading, ...s.blocks.flatMap(blockText)])
	].join('\n');
}
function rowsOf(doc: MeetingDocument): string[][] {
	return doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.type === 'table' ? b.rows : [])));
}

describe('the 24-hour plan', () => {
	const doc = plan24h(fixtureInput());
	it('lists every action with what, who and by when', () => {
		const rows = rowsOf(doc);
		for (const action of fixtureActions) {
			expect(rows).toContainEqual([
				action.what,
				action.who,
				expect.stringContaining(action.byWhen.slice(0, 4))
			]);
		}
		expect(textOf(doc)).toContain('Friday 8 January 2027');
	});
	it('gives each child’s decision and category with every reason, and the dissent', () => {
		const text = textOf(doc);
		expect(text).toContain(
			'Decision for Chrissie Walker: child protection plan, category: neglect'
		);
		expect(text).toContain('Decision for Leo Walker: child protection plan, category: neglect');
		expect(text).toContain('Chrissie misses school and meals; neglect is likely without a plan.');
		expect(text).toContain('Home conditions have not improved since the summer.');
		expect(text).toContain('Leo has dropped two weight centiles in three months.');
		expect(text).toMatch(
			/Dissent: Jo Reid \(Police\) recommended no plan because no police call-outs/
		);
		expect(text).toContain(
			"The chair's reason: Chrissie is late or hungry most days and nobody checks on her at night."
		);
	});
	it('counts the views honestly: never "unanimous" when a voting professional present gave none, and names them', () => {
		const text = textOf(doc);
		expect(text).toContain(
			'Views: All three voting professionals present gave a view: 2 for a plan, 1 for no plan.'
		);
		// Leo: one of the three voting professionals present gave a view (the GP sent apologies).
		expect(text).toContain(
			'Views: Three voting professionals present; one gave a view: 1 for a plan, 0 for no plan.'
		);
		expect(text).toContain('No view given: Jo Reid (Police) and Kim Lee (Health visiting service)');
		expect(text).not.toContain('unanimous');
		const all = fixtureInput();
		for (const pid of ['p-police', 'p-hv'])
			all.record.decisions[pid]['c-leo'] = {
				recommendation: 'plan',
				reason: 'Leo has lost weight and is not seen by a doctor.',
				recordedAt: 1
			};
		expect(textOf(plan24h(all))).toContain(
			'Views: All three voting professionals present gave a view: 3 for a plan, 0 for no plan (unanimous).'
		);
	});
	it('records a decision taken without a quorum as such, with the chair’s reason and what happens next', () => {
		const input = fixtureInput();
		input.quorum = {
			quorate: false,
			agenciesPresent: ['Police', 'Health visiting service'],
			rule: "At least three agencies present, children's social care among them.",
			lacking: [
				'two agencies were present, fewer than three',
				"children's social care was not present"
			]
		};
		input.endConfirmation = {
			problems: [{ kind: 'not-quorate', message: 'The meeting is not quorate.' }],
			reason: 'Leo cannot wait three weeks for a reconvened conference.',
			nextStep: 'ratify'
		};
		const text = textOf(plan24h(input));
		expect(text).toContain(
			'Decision for Leo Walker: child protection plan, category: neglect (taken when the conference was not quorate)'
		);
		expect(text).toContain('Ended although: the meeting was not quorate');
		expect(text).toContain(
			"The chair's reason: Leo cannot wait three weeks for a reconvened conference."
		);
		expect(text).toContain(
			'What happens next: The decision is to be ratified by a quorate conference.'
		);
		expect(text).toContain(
			"Not quorate: two agencies were present, fewer than three and children's social care was not present"
		);
		expect(textOf(notesDocument(input))).toContain(
			"The chair's reason: Leo cannot wait three weeks for a reconvened conference."
		);
	});
	it('has the core group, lead social worker, dates, contingency and how to complain', () => {
		const text = textOf(doc);
		expect(text).toContain('Lead social worker: Sam Okafor');
		expect(text).toContain(
			'Core group: Dawn Walker, Sam Okafor, Kim Lee and Oakfield Primary School'
		);
		expect(text).toContain('First core group: Monday 18 January 2027');
		expect(text).toContain('Review: Monday 5 April 2027');
		expect(text).toContain('seek legal advice');
		expect(doc.sections.map((s) => s.heading)).toContain('How to complain');
		expect(text).toMatch(/complain within 20 working days \(by Wednesday 3 February 2027\)/);
	});
	it('holds no restricted text and names child, meeting and date in the file name', () => {
		expect(textOf(doc)).not.toContain(restrictedText);
		expect(doc.fileName).toBe(
			'chrissie-walker-leo-walker-initial-child-protection-conference-2027-01-06-plan-24h'
		);
	});
	it('calls a review’s plan its recommendations', () => {
		const cic = plan24h(fixtureInput('cic-review'));
		expect(cic.sections.map((s) => s.heading)).toContain('Recommendations with timescales');
		expect(textOf(cic)).not.toContain('Decision for');
	});
});

describe('the draft notes', () => {
	const doc = notesDocument(fixtureInput());
	const text = textOf(doc);
	it('follows the agenda with attendance, apologies and reports', () => {
		expect(doc.sections.slice(1).map((s) => s.key)).toEqual(
			templateFor('initial-conference').sections.map((s) => s.key)
		);
		expect(text).toContain('Apologies: Ravi Patel (Riverside GP practice), no report sent.');
		expect(rowsOf(doc)).toContainEqual([
			'Jo Reid',
			'Police',
			'present in the room',
			'received',
			'no'
		]);
		expect(text).not.toContain('not recorded');
		expect(text).toContain(
			"Quorate: agencies present: Children's Social Care, Police and Health visiting service."
		);
		expect(text).toContain(
			'Reports not shared with the parents before the meeting: Jo Reid (Police).'
		);
	});
	it('says "not recorded" only for those the register was not taken for, and marks late arrivals and online', () => {
		const input = fixtureInput();
		input.participants = input.participants.map((p) =>
			p.id === 'p-mum'
				? { ...p, attendance: 'invited' }
				: p.id === 'p-hv'
					? { ...p, attendance: 'present-online', arrivedLate: true }
					: p
		);
		const notes = notesDocument(input);
		expect(rowsOf(notes)).toContainEqual([
			'Dawn Walker',
			'parent or carer',
			'not recorded',
			'not requested',
			'—'
		]);
		expect(rowsOf(notes).find((r) => r[0] === 'Kim Lee')?.[2]).toBe('present online, arrived late');
		expect(textOf(notes)).toContain(
			'The register was not taken for Dawn Walker (parent or carer).'
		);
		expect(rowsOf(notes).filter((r) => r[2] === 'not recorded')).toHaveLength(1);
	});
	it('keeps each contribution with its author, in its section', () => {
		const parents = doc.sections.find((s) => s.key === 'parents-first')!;
		expect(parents.blocks).toContainEqual({
			type: 'paragraph',
			text: 'Chrissie loves drawing and her little brother.',
			author: 'Dawn Walker (parent or carer)'
		});
		const professionals = doc.sections.find((s) => s.key === 'professionals')!;
		expect(professionals.blocks).toContainEqual({
			type: 'paragraph',
			text: 'I have visited six times since the referral.',
			author: "Sam Okafor (Children's Social Care)"
		});
	});
	it('marks restricted information and says so', () => {
		expect(doc.containsRestricted).toBe(true);
		const professionals = doc.sections.find((s) => s.key === 'professionals')!;
		expect(professionals.blocks).toContainEqual({
			type: 'restricted',
			author: 'Jo Reid (Police)',
			paragraphs: [restrictedText]
		});
		expect(renderDocumentHtml(doc)).toContain('Restricted — not to be shared with the family.');
	});
	it('has every decision with its reason, the dissent, the scores and every action', () => {
		expect(text).toContain('Home conditions have not improved since the summer.');
		expect(text).toContain('Dissent: Jo Reid');
		const risk = doc.sections.flatMap((s) => s.blocks).find((b) => b.type === 'risk-plot');
		expect(risk).toMatchObject({
			concerns: [
				{ title: 'Chrissie is often an hour late for school', lowest: 3, highest: 7 },
				{ lowest: 2, highest: 2 }
			]
		});
		for (const action of fixtureActions)
			expect(rowsOf(doc).some((r) => r[0] === action.what && r[1] === action.who)).toBe(true);
	});
});

describe('the parent plan', () => {
	const input = fixtureInput();
	const doc = parentPlan(input);
	const text = textOf(doc);
	it('never holds restricted text or professionals’ contributions', () => {
		expect(text).not.toContain(restrictedText);
		expect(text).not.toContain('4471');
		expect(text).not.toContain('call-outs to the address');
		expect(doc.audience).toBe('family');
		expect(doc.containsRestricted).toBe(false);
	});
	it('has at most eight actions, each saying who does what by when, earliest first, and says how many more', () => {
		const list = doc.sections.find((s) => s.heading === 'Who does what, and by when')!;
		const items = list.blocks.find((b) => b.type === 'list')!;
		expect(items.type === 'list' && items.items).toHaveLength(maxFamilyActions);
		expect(items.type === 'list' && items.items[0]).toBe(
			'Sam Okafor, the social worker, will visit the family every week, by Friday 8 January 2027.'
		);
		expect(text).toContain(
			'Dawn Walker will make a family doctor appointment for Leo, by Tuesday 12 January 2027.'
		);
		expect(text).toContain(
			'Kim Lee, the health visitor, will check Leo’s weight, by Thursday 14 January 2027.'
		);
		expect(text).toContain(
			'There is 1 more job in the full plan. Sam Okafor, the social worker, can tell you about it.'
		);
	});
	it('names people instead of roles and agencies, with no acronyms', () => {
		expect(text).toContain('Jo Reid, the police officer, will share any new police call-outs');
		expect(text).not.toMatch(/\b(CP|CIN|GP|ICPC|EDT)\b/);
		expect(documentReadability(doc).acronyms).toEqual([]);
		expect(text).toContain('The group who check the plan first meets on Monday 18 January 2027.');
		expect(text).toContain('will have a plan to keep your child safe');
	});
	it('says what was decided and why in plain words', () => {
		expect(text).toContain('We decided that Chrissie needs a plan to stay safe.');
		expect(text).toContain('The main worry is not getting the care they need.');
		expect(text).toContain('2 of the 3 workers who gave a view said this.');
	});
	it('reads at a reading age of about 11 or below, and lists the jargon it replaced', () => {
		const check = documentReadability(doc);
		expect(check.overall.readingAge).toBeLessThanOrEqual(11);
		expect(check.jargonLeft).toEqual([]);
		expect(check.jargonReplaced.map((j) => j.term)).toEqual(
			expect.arrayContaining(['GP', 'CP plan', 'core group', 'safeguarding concerns'])
		);
	});
});

describe('the other kinds', () => {
	it('writes a CIC review’s letter to the child, with what was agreed and no restricted text', () => {
		const input = fixtureInput('cic-review');
		input.meeting.children = input.meeting.children.slice(0, 1);
		const doc = childLetter(input);
		const text = textOf(doc);
		expect(doc.sections[0].heading).toBe('Dear Chrissie');
		expect(text).toContain(
			'Sam Okafor, the social worker, will visit the family every week, by Friday 8 January 2027.'
		);
		expect(text).toContain('Your next review is on Monday 5 April 2027.');
		expect(text).not.toContain(restrictedText);
	});
	it('puts a memory book’s memories in time order with their authors', () => {
		const input = fixtureInput('life-appreciation-day');
		input.paragraphs = {
			'contribution:p-sw': [
				{
					text: 'In 2019 Chrissie started nursery and loved the sand pit.',
					authors: ['Sam Okafor']
				}
			],
			'contribution:p-mum': [
				{ text: 'Chrissie was born in 2018 on a snowy morning.', authors: ['Dawn Walker'] }
			]
		};
		const doc = memoryBook(input);
		const memories = doc.sections.find((s) => s.key === 'memories')!.blocks;
		expect(memories).toEqual([
			{
				type: 'paragraph',
				text: 'Chrissie was born in 2018 on a snowy morning.',
				author: 'Dawn Walker'
			},
			{
				type: 'paragraph',
				text: 'In 2019 Chrissie started nursery and loved the sand pit.',
				author: 'Sam Okafor'
			}
		]);
		expect(textOf(doc)).not.toContain(restrictedText);
	});
	it('lists a disruption meeting’s lessons and recommendations, restricted passages marked', () => {
		const input = fixtureInput('disruption-meeting');
		input.paragraphs['section:lessons'] = [
			{ text: 'Carers need respite before a crisis, not after.', authors: ['Priya Shah'] }
		];
		const doc = lessons(input);
		expect(textOf(doc)).toContain('Carers need respite before a crisis, not after.');
		expect(rowsOf(doc).some((r) => r[0] === 'Visit the family every week')).toBe(true);
		expect(doc.containsRestricted).toBe(true);
	});
	it('makes exactly the documents the template lists', () => {
		for (const kind of [
			'initial-conference',
			'cic-review',
			'life-appreciation-day',
			'disruption-meeting',
			'core-group'
		] as const) {
			expect(generateDocuments(fixtureInput(kind)).map((d) => d.kind)).toEqual(
				templateFor(kind).outputs
			);
		}
	});
});

describe('HTML', () => {
	it('escapes what people typed and labels tables', () => {
		const input = fixtureInput();
		input.paragraphs['section:welcome'] = [{ text: '<script>alert(1)</script>', authors: [] }];
		const html = renderDocumentHtml(notesDocument(input));
		expect(html).not.toContain('<script>');
		expect(html).toContain('&lt;script&gt;');
		expect(html).toContain('<caption>Attendance and reports</caption>');
		expect(html).toContain('data-slot="risk-plot"');
	});
	it('fits a letter inside another page’s headings: no second h1 in a child’s space', () => {
		const input = fixtureInput('cic-review');
		input.meeting.children = input.meeting.children.slice(0, 1);
		const letter = childLetter(input);
		const own = renderDocumentHtml(letter);
		expect(own.match(/<h1[ >]/g)).toHaveLength(1);
		const inside = renderDocumentHtml(letter, { headingLevel: 3 });
		expect(inside).not.toMatch(/<h[12][ >]/);
		expect(inside.match(/<h3[ >]/g)).toHaveLength(1);
		expect(inside).toContain('<h4 id="doc-s0">Dear Chrissie</h4>');
	});
});
