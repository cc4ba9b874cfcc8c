import { describe, expect, it } from 'vitest';
import { canEndMeeting, mayReadDocument } from './policy';
import { documentAudiences } from './domain/vocabulary';

describe('who reads which meeting document', () => {
	it('gives parents and children only family documents', () => {
		for (const role of ['parent', 'child'] as const) {
			expect(mayReadDocument({ role, audience: 'family' })).toBe(true);
			expect(mayReadDocument({ role, audience: 'professionals' })).toBe(false);
		}
		const forParents = Object.entries(documentAudiences)
			.filter(([, audience]) => mayReadDocument({ role: 'parent', audience }))
			.map(([kind]) => kind);
		expect(forParents.sort()).toEqual([
			'child-letter',
			'memory-book',
			'notes-family',
			'parent-plan'
		]);
	});
	it('gives everyone else in the meeting every document, and no one outside it any', () => {
		for (const role of ['chair', 'minute-taker', 'professional', 'advocate', 'observer'] as const) {
			expect(mayReadDocument({ role, audience: 'professionals' })).toBe(true);
		}
		expect(mayReadDocument({ role: null, audience: 'family' })).toBe(false);
	});
	it('lets only the chair end a live meeting', () => {
		const viewer = { id: 'u1', role: 'chair' as const, unitId: 'unit' };
		const meeting = {
			unitId: 'unit',
			chairId: 'u1',
			status: 'live' as const,
			kind: 'core-group' as const
		};
		expect(canEndMeeting({ viewer, meeting, participant: null })).toBe(true);
		expect(
			canEndMeeting({ viewer, meeting: { ...meeting, status: 'ended' }, participant: null })
		).toBe(false);
		expect(
			canEndMeeting({
				viewer: { ...viewer, id: 'u2' },
				meeting,
				participant: { id: 'p', role: 'professional' }
			})
		).toBe(false);
	});
});
