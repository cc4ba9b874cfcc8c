import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { notesDocumentFrom, notesParagraphs, seedNotesFragment } from './notes-fragment';
import { restrictedQuotes } from './restricted-quotes';
import type { MeetingDocument } from './model';

const draft: MeetingDocument = {
	kind: 'notes',
	audience: 'professionals',
	title: 'Draft notes: Initial conference',
	subtitle: 'Chrissie · 18 December 2026',
	fileName: 'chrissie-initial-conference-2026-12-18-draft-notes',
	containsRestricted: true,
	sections: [
		{
			heading: 'About these notes',
			blocks: [{ type: 'facts', items: [{ term: 'Chair', value: 'Priya Shah' }] }]
		},
		{
			heading: 'Worries',
			blocks: [
				{ type: 'paragraph', text: 'Two call-outs last year.', author: 'Jo Reid' },
				{ type: 'restricted', author: 'Jo Reid', paragraphs: ['A lodger has a record for arson.'] },
				{ type: 'list', items: ['Core group in 10 days', 'Home visit weekly'] }
			]
		}
	],
	generator: { name: 'test', version: '1' }
};

describe('the notes fragment', () => {
	it('seeds headings, paragraphs and lists in TipTap’s shape and reads them back', () => {
		const doc = new Y.Doc();
		const fragment = doc.getXmlFragment('notes');
		seedNotesFragment(fragment, draft);
		expect(fragment.toArray().map((n) => (n as Y.XmlElement).nodeName)).toEqual([
			'heading',
			'bulletList',
			'heading',
			'paragraph',
			'paragraph',
			'bulletList'
		]);
		expect(notesParagraphs(fragment)).toEqual([
			'About these notes',
			'Chair: Priya Shah',
			'Worries',
			'Jo Reid: Two call-outs last year.',
			'Restricted (from Jo Reid): A lodger has a record for arson.',
			'Core group in 10 days',
			'Home visit weekly'
		]);
		const back = notesDocumentFrom({ fragment, base: draft, containsRestricted: true });
		expect(back.title).toBe('Notes: Initial conference');
		expect(back.sections.map((s) => s.heading)).toEqual(['About these notes', 'Worries']);
		expect(back.sections[1].blocks).toEqual([
			{ type: 'paragraph', text: 'Jo Reid: Two call-outs last year.' },
			{ type: 'paragraph', text: 'Restricted (from Jo Reid): A lodger has a record for arson.' },
			{ type: 'list', items: ['Core group in 10 days', 'Home visit weekly'] }
		]);
	});

	it('leaves out the draft’s own words about being a draft, so a final version never says it', () => {
		const doc = new Y.Doc();
		const fragment = doc.getXmlFragment('notes');
		seedNotesFragment(fragment, {
			...draft,
			sections: [
				{
					heading: 'About these notes',
					blocks: [
						{
							type: 'facts',
							items: [
								{ term: 'Chair', value: 'Priya Shah' },
								{
									term: 'Status',
									value: 'draft, to be finalised and circulated by 13 January 2027'
								}
							]
						},
						{
							type: 'paragraph',
							text: 'These notes hold restricted information, marked where it appears. Remove it before any copy goes to the family.'
						}
					]
				},
				...draft.sections.slice(1)
			]
		});
		const text = notesParagraphs(fragment).join('\n');
		expect(text).toContain('Chair: Priya Shah');
		expect(text).not.toMatch(/Status|draft, to be finalised|Remove it before/);
		expect(text).toContain('Restricted (from Jo Reid): A lodger has a record for arson.');
	});

	it('warns where a paragraph quotes a restricted passage, not where it shares a few words', () => {
		const passages = [
			{
				author: 'Jo Reid',
				text: 'The lodger called Brannigan has a conviction for arson in Swindon.'
			},
			{ author: 'Hana Health', text: 'Mum missed scans.' }
		];
		const quotes = restrictedQuotes({
			paragraphs: [
				'The lodger has moved out.',
				'We heard that Brannigan has a conviction for arson in Swindon, so…',
				'Health said mum missed scans!'
			],
			passages
		});
		expect(quotes.map((q) => [q.paragraph, q.author])).toEqual([
			[1, 'Jo Reid'],
			[2, 'Hana Health']
		]);
	});
});
