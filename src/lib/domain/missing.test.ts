import { describe, expect, it } from 'vitest';
import {
	byUrgency,
	episodeClocks,
	escalationDue,
	escalationDueAt,
	returnInterviewDueAt,
	type EpisodeFacts
} from './missing';

const at = (iso: string) => new Date(iso);
const missing: EpisodeFacts = {
	wentMissingAt: at('2026-12-01T20:00:00Z'),
	agreedHours: 24,
	escalateTo: 'conference',
	foundAt: null,
	returnInterviewAt: null,
	escalatedAt: null
};

describe('the escalation clock', () => {
	it('runs out the agreed number of hours after the young person went missing', () => {
		expect(escalationDueAt(missing.wentMissingAt, 24).toISOString()).toBe(
			'2026-12-02T20:00:00.000Z'
		);
		expect(escalationDueAt(missing.wentMissingAt, 6).toISOString()).toBe(
			'2026-12-02T02:00:00.000Z'
		);
	});

	it('is not due a minute before the agreed time, and due from the moment it runs out', () => {
		expect(escalationDue(missing, at('2026-12-02T19:59:00Z'))).toBe(false);
		expect(escalationDue(missing, at('2026-12-02T20:00:00Z'))).toBe(true);
		expect(escalationDue(missing, at('2026-12-05T20:00:00Z'))).toBe(true);
	});

	it('stops once the young person is found or the episode is escalated', () => {
		const late = at('2026-12-03T00:00:00Z');
		expect(escalationDue({ ...missing, foundAt: at('2026-12-02T21:00:00Z') }, late)).toBe(false);
		expect(escalationDue({ ...missing, escalatedAt: at('2026-12-02T21:00:00Z') }, late)).toBe(
			false
		);
	});

	it('says what the episode escalates to', () => {
		const clocks = episodeClocks(missing, at('2026-12-03T00:00:00Z'));
		expect(clocks.toEscalate).toBe(true);
		expect(clocks.escalateTo).toBe('conference');
		expect(
			episodeClocks({ ...missing, escalateTo: 'strategy-discussion' }, at('2026-12-03T00:00:00Z'))
				.escalateTo
		).toBe('strategy-discussion');
	});
});

describe('the return interview clock', () => {
	const found = { ...missing, foundAt: at('2026-12-02T10:00:00Z') };

	it('is due 72 hours after the young person was found', () => {
		expect(returnInterviewDueAt(found.foundAt).toISOString()).toBe('2026-12-05T10:00:00.000Z');
		expect(episodeClocks(missing, at('2026-12-02T00:00:00Z')).returnInterviewDueAt).toBeNull();
	});

	it('is overdue after 72 hours without an interview, not at 72 hours', () => {
		expect(episodeClocks(found, at('2026-12-05T10:00:00Z')).returnInterviewOverdue).toBe(false);
		expect(episodeClocks(found, at('2026-12-05T10:01:00Z')).returnInterviewOverdue).toBe(true);
	});

	it('is never overdue once the interview is recorded, and the episode closes', () => {
		const done = { ...found, returnInterviewAt: at('2026-12-06T09:00:00Z') };
		const clocks = episodeClocks(done, at('2026-12-10T00:00:00Z'));
		expect(clocks.returnInterviewOverdue).toBe(false);
		expect(clocks.open).toBe(false);
		expect(episodeClocks(found, at('2026-12-10T00:00:00Z')).open).toBe(true);
		expect(episodeClocks(missing, at('2026-12-10T00:00:00Z')).open).toBe(true);
	});
});

describe('the order of the unit’s open episodes', () => {
	it('puts escalations due first, then overdue return interviews, then what falls due next', () => {
		const now = at('2026-12-10T12:00:00Z');
		const episode = (name: string, facts: Partial<EpisodeFacts>) => {
			const all = { ...missing, ...facts };
			return { name, clocks: episodeClocks(all, now) };
		};
		const list = [
			episode('not yet due', { wentMissingAt: at('2026-12-10T10:00:00Z'), agreedHours: 48 }),
			episode('interview overdue', { foundAt: at('2026-12-01T12:00:00Z') }),
			episode('escalate, recent', { wentMissingAt: at('2026-12-09T10:00:00Z') }),
			episode('escalate, longest', { wentMissingAt: at('2026-12-08T10:00:00Z') }),
			episode('interview not due', { foundAt: at('2026-12-10T11:00:00Z') })
		];
		expect(byUrgency(list).map((e) => e.name)).toEqual([
			'escalate, longest',
			'escalate, recent',
			'interview overdue',
			'not yet due',
			'interview not due'
		]);
	});
});
