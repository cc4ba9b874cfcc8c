import { describe, expect, it } from 'vitest';
import { blockText } from './check';
import { fixtureInput } from './fixture';
import { notesDocument } from './notes';
import { reportBlocks } from './parts';
import type { DocumentInput } from './input';
import type { MeetingDocument } from './model';

const textOf = (doc: MeetingDocument) =>
	doc.sections.flatMap((s) => [s.heading, ...s.blocks.flatMap(blockText)]).join('\n');

function withRegister(input: DocumentInput): DocumentInput {
	input.reports = [
		{
			id: 'r1',
			participantId: 'p-police',
			from: 'PC Jo Reid',
			agency: 'Police',
			title: 'Police report',
			state: 'shared',
			receivedAt: '2027-01-04T09:00:00Z',
			sharedWithParentsAt: '2027-01-05T09:00:00Z',
			inApp: true,
			parentsFirstOpenedAt: '2027-01-05T19:00:00Z'
		}
	];
	return input;
}

describe('the register of reports in the documents (issue 21)', () => {
	it('says each report, where it stands and when, as the register holds it', () => {
		expect(reportBlocks(withRegister(fixtureInput())).flatMap(blockText)).toContain(
			'Police report (PC Jo Reid, Police): Received, shared with the parents on Tuesday 5 January 2027; the parents first opened it on Tuesday 5 January 2027.'
		);
		expect(reportBlocks(fixtureInput())).toEqual([]);
	});

	it('never says "shared with parents" for a Life Appreciation Day or a disruption meeting', () => {
		for (const kind of ['life-appreciation-day', 'disruption-meeting'] as const) {
			const text = textOf(notesDocument(withRegister(fixtureInput(kind))));
			expect(text).toContain('Police report (PC Jo Reid, Police): Received.');
			expect(text).not.toMatch(/shared with (the )?parents/i);
		}
	});
});
