import { describe, expect, it } from 'vitest';
import { CommandError } from '../../command-error';
import { readFound } from './record-found';

const now = new Date('2026-12-07T12:00:00Z');
const wentMissingAt = new Date('2026-12-06T20:00:00Z');

function refusedOn(body: unknown): string | null {
	try {
		readFound(body, now, wentMissingAt);
		return null;
	} catch (problem) {
		if (!(problem instanceof CommandError)) throw problem;
		expect(problem.status).toBe(400);
		return problem.field ?? 'none';
	}
}

describe('reading that the young person was found', () => {
	it('reads when and where', () => {
		expect(
			readFound({ foundAt: '2026-12-07T08:00:00Z', where: ' A friend’s flat ' }, now, wentMissingAt)
		).toEqual({
			foundAt: new Date('2026-12-07T08:00:00Z'),
			foundWhere: 'A friend’s flat'
		});
	});

	it('refuses a time before they went missing or in the future, and a missing place', () => {
		expect(refusedOn({ where: 'Home' })).toBe('foundAt');
		expect(refusedOn({ foundAt: '2026-12-06T19:59:00Z', where: 'Home' })).toBe('foundAt');
		expect(refusedOn({ foundAt: '2026-12-07T12:01:00Z', where: 'Home' })).toBe('foundAt');
		expect(refusedOn({ foundAt: '2026-12-07T08:00:00Z' })).toBe('where');
		expect(refusedOn({ foundAt: '2026-12-07T08:00:00Z', where: 'x'.repeat(301) })).toBe('where');
		expect(refusedOn({ foundAt: '2026-12-06T20:00:00Z', where: 'Home' })).toBeNull();
	});
});
