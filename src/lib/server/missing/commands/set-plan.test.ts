import { describe, expect, it } from 'vitest';
import { CommandError } from '../../command-error';
import { readPlan } from './set-plan';

function refusedOn(body: unknown): string | null {
	try {
		readPlan(body);
		return null;
	} catch (problem) {
		if (!(problem instanceof CommandError)) throw problem;
		expect(problem.status).toBe(400);
		return problem.field ?? 'none';
	}
}

describe('reading the meeting’s plan for an episode', () => {
	it('reads the hours agreed and what to escalate to', () => {
		expect(readPlan({ agreedHours: 6, escalateTo: 'strategy-discussion' })).toEqual({
			agreedHours: 6,
			escalateTo: 'strategy-discussion'
		});
	});

	it('names the field to fix: both are needed, nothing stands in for what was agreed', () => {
		expect(refusedOn({})).toBe('agreedHours');
		expect(refusedOn({ agreedHours: 6 })).toBe('escalateTo');
		expect(refusedOn({ agreedHours: 0, escalateTo: 'conference' })).toBe('agreedHours');
		expect(refusedOn({ agreedHours: 6, escalateTo: 'conference' })).toBeNull();
	});
});
