import { describe, expect, it } from 'vitest';
import { CommandError } from '../../command-error';
import type { MissingEpisode } from '../../db/schema';
import { readEscalation } from './escalate-episode';

const episode = {
	id: 'e1',
	childId: 'c1',
	wentMissingAt: new Date('2026-12-06T20:00:00Z'),
	reportedBy: 'Mum',
	agreedHours: 24,
	escalateTo: 'conference',
	foundAt: null,
	foundWhere: null,
	returnInterviewAt: null,
	returnInterviewBy: null,
	escalatedAt: null,
	escalatedTo: null,
	escalatedBy: null,
	escalationReason: null,
	createdBy: 'u1',
	createdAt: new Date('2026-12-06T21:00:00Z')
} satisfies MissingEpisode;
const beforeDue = new Date('2026-12-07T19:00:00Z');
const pastDue = new Date('2026-12-07T20:00:00Z');

function refusedOn(body: unknown, now: Date): string | null {
	try {
		readEscalation(body, episode, now);
		return null;
	} catch (problem) {
		if (!(problem instanceof CommandError)) throw problem;
		expect(problem.status).toBe(400);
		return problem.field ?? 'none';
	}
}

describe('reading an escalation', () => {
	it('needs no reason once the agreed time has run out', () => {
		expect(readEscalation({ to: 'conference' }, episode, pastDue)).toEqual({
			to: 'conference',
			reason: null
		});
	});

	it('is refused before the agreed time runs out unless a reason is given', () => {
		expect(refusedOn({ to: 'strategy-discussion' }, beforeDue)).toBe('reason');
		expect(refusedOn({ to: 'strategy-discussion', reason: '   ' }, beforeDue)).toBe('reason');
		expect(
			readEscalation(
				{ to: 'strategy-discussion', reason: 'Seen with adults who pose a risk' },
				episode,
				beforeDue
			)
		).toEqual({ to: 'strategy-discussion', reason: 'Seen with adults who pose a risk' });
	});

	it('names what to escalate to', () => {
		expect(refusedOn({}, pastDue)).toBe('to');
		expect(refusedOn({ to: 'police' }, pastDue)).toBe('to');
		expect(() => readEscalation({ to: 'police' }, episode, pastDue)).toThrow(
			'strategy-discussion (strategy discussion) or conference (child protection conference)'
		);
	});
});
