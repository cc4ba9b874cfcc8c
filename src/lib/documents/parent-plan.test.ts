import { describe, expect, it } from 'vitest';
import { blockText } from './check';
import { documentReadability } from './check';
import { fixtureInput, restrictedText } from './fixture';
import { renderDocumentHtml } from './html';
import type { DocumentInput } from './input';
import type { MeetingDocument } from './model';
import { parentPlan } from './parent-plan';

const chrissieSays = 'I hate walking in when everyone is already sitting down.';
const leoAccount = 'Leo is too young to say; he points and uses few words.';

/** The fixture conference with what the children said on the worry cards (as the demo has). */
function withChildWords(): DocumentInput {
	const input = fixtureInput();
	const [late, weight] = input.record.concerns;
	late.childSays = chrissieSays;
	weight.childSays = leoAccount;
	return input;
}

function section(doc: MeetingDocument, heading: string) {
	return doc.sections.find((s) => s.heading === heading);
}

function textOf(doc: MeetingDocument): string {
	return doc.sections.flatMap((s) => [s.heading, ...s.blocks.flatMap(blockText)]).join('\n');
}

describe("the child's own words in the parent plan", () => {
	it('quotes what the child said about each worry, under the worry', () => {
		const doc = parentPlan(withChildWords());
		const words = section(doc, 'What Chrissie told us');
		expect(words).toBeDefined();
		expect(words!.blocks).toEqual([
			{
				type: 'list',
				items: [`Chrissie is often an hour late for school. Chrissie said: “${chrissieSays}”`]
			}
		]);
		// Leo's worker-written line sits under its own heading, never under Chrissie's words.
		const account = section(doc, 'What we wrote down about Leo');
		expect(account?.blocks.at(-1)).toEqual({
			type: 'list',
			items: [`Leo is not gaining weight. We wrote down: ${leoAccount}`]
		});
		// Right after the worries and their scores, before the jobs.
		const headings = doc.sections.map((s) => s.heading);
		expect(headings.indexOf('What Chrissie told us')).toBe(
			headings.indexOf('Our worries, and how safe things are') + 1
		);
		expect(renderDocumentHtml(doc)).toContain(
			'Chrissie said: “I hate walking in when everyone is already sitting down.”'
		);
	});

	it('does not put a worker’s account of a child in quotation marks as if the child said it', () => {
		const text = textOf(parentPlan(withChildWords()));
		expect(text).not.toContain('Leo said');
		expect(text).not.toContain(`“${leoAccount}”`);
	});

	it('keeps the child’s words as they were said, without doubling the quotation marks typed around them', () => {
		const input = withChildWords();
		input.record.concerns[0].childSays = '  “Sometimes there is nothing for breakfast.” ';
		const text = textOf(parentPlan(input));
		expect(text).toContain('Chrissie said: “Sometimes there is nothing for breakfast.”');
		expect(text).not.toContain('““');
	});

	it('quotes a child who took part in their own words, and never a restricted passage', () => {
		const input = withChildWords();
		input.participants = [
			...input.participants,
			{ ...input.participants[0], id: 'p-chrissie', name: 'Chrissie Walker', role: 'child' }
		];
		input.paragraphs['contribution:p-chrissie'] = [
			{ text: 'I want Mum to wake me up and I want my own alarm clock.', authors: ['Chrissie'] }
		];
		input.restricted['p-chrissie'] = [restrictedText];
		const doc = parentPlan(input);
		const text = textOf(doc);
		expect(text).toContain(
			'Chrissie wrote: “I want Mum to wake me up and I want my own alarm clock.”'
		);
		expect(text).not.toContain(restrictedText);
		expect(text).not.toContain('4471');
		// Professionals' contributions stay out, as before.
		expect(text).not.toContain('call-outs to the address');
	});

	it('has no such section when the record holds none of the child’s words', () => {
		const doc = parentPlan(fixtureInput());
		expect(doc.sections.map((s) => s.heading).filter((h) => /told us/.test(h))).toEqual([]);
	});

	it('still reads at a reading age of about 11 or below', () => {
		expect(
			documentReadability(parentPlan(withChildWords())).overall.readingAge
		).toBeLessThanOrEqual(11);
	});
});
