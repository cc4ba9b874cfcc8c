import { describe, expect, it } from 'vitest';
import { missingFigures, nothingMissingToCount } from './missing-figures';

const at = (iso: string) => new Date(iso);
const start = at('2026-10-01T00:00:00+01:00');
const end = at('2027-01-01T00:00:00Z');

describe('missing-from-home figures for a quarter', () => {
	it('counts episodes begun, escalated, open at the end, and return interviews against 72 hours', () => {
		const f = missingFigures(
			[
				// Began and ended in the quarter: interview at the 72nd hour counts as within.
				{
					wentMissingAt: at('2026-10-02T10:00:00Z'),
					foundAt: at('2026-10-03T10:00:00Z'),
					returnInterviewAt: at('2026-10-06T10:00:00Z'),
					escalatedAt: null
				},
				// Found in the quarter, interview a minute past 72 hours: later.
				{
					wentMissingAt: at('2026-09-29T10:00:00Z'),
					foundAt: at('2026-10-01T10:00:00Z'),
					returnInterviewAt: at('2026-10-04T10:01:00Z'),
					escalatedAt: at('2026-09-30T10:00:00Z')
				},
				// Escalated in the quarter, still missing at its end.
				{
					wentMissingAt: at('2026-12-30T10:00:00Z'),
					foundAt: null,
					returnInterviewAt: null,
					escalatedAt: at('2026-12-31T10:00:00Z')
				},
				// Found in the quarter, interview after it: not yet (and open at the end).
				{
					wentMissingAt: at('2026-12-30T20:00:00Z'),
					foundAt: at('2026-12-31T20:00:00Z'),
					returnInterviewAt: at('2027-01-02T09:00:00Z'),
					escalatedAt: null
				},
				// Began after the quarter: not counted at all.
				{
					wentMissingAt: at('2027-01-01T10:00:00Z'),
					foundAt: null,
					returnInterviewAt: null,
					escalatedAt: null
				}
			],
			start,
			end
		);
		expect(f).toEqual({
			wentMissing: 3,
			escalated: 1,
			openAtEnd: 2,
			found: 3,
			returnInterview: { within72Hours: 1, later: 1, notYet: 1 }
		});
		expect(nothingMissingToCount(f)).toBe(false);
	});

	it('a quarter no episode touched has nothing to count', () => {
		expect(nothingMissingToCount(missingFigures([], start, end))).toBe(true);
	});
});
