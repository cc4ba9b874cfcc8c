import { describe, expect, it } from 'vitest';
import { CommandError } from '../../command-error';
import { readReturnInterview } from './record-return-interview';

const now = new Date('2026-12-07T12:00:00Z');
const foundAt = new Date('2026-12-05T10:00:00Z');

function refusedOn(body: unknown): string | null {
	try {
		readReturnInterview(body, now, foundAt);
		return null;
	} catch (problem) {
		if (!(problem instanceof CommandError)) throw problem;
		expect(problem.status).toBe(400);
		return problem.field ?? 'none';
	}
}

describe('reading a return interview', () => {
	it('reads when it was held and by whom', () => {
		expect(
			readReturnInterview(
				{ doneAt: '2026-12-06T15:00:00Z', by: 'Sam Ellis, Barnardo’s' },
				now,
				foundAt
			)
		).toEqual({
			returnInterviewAt: new Date('2026-12-06T15:00:00Z'),
			returnInterviewBy: 'Sam Ellis, Barnardo’s'
		});
	});

	it('refuses a time before the young person was found or in the future, and no one holding it', () => {
		expect(refusedOn({ by: 'Sam Ellis' })).toBe('doneAt');
		expect(refusedOn({ doneAt: '2026-12-05T09:59:00Z', by: 'Sam Ellis' })).toBe('doneAt');
		expect(refusedOn({ doneAt: '2026-12-08T09:00:00Z', by: 'Sam Ellis' })).toBe('doneAt');
		expect(refusedOn({ doneAt: '2026-12-06T15:00:00Z', by: '' })).toBe('by');
		expect(refusedOn({ doneAt: '2026-12-06T15:00:00Z', by: 'Sam Ellis' })).toBeNull();
	});
});
