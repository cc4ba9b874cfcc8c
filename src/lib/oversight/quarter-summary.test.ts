import { describe, expect, it } from 'vitest';
import { quarterSummary } from './quarter-summary';
import { allegationFigures } from '../domain/allegations';
import { missingFigures } from '../domain/missing-figures';
import type { OversightFigures } from './figures-model';

const figures = (over: Partial<OversightFigures>): OversightFigures => ({
	from: '2026-07-01',
	to: '2026-09-30',
	asOf: '2026-10-01',
	meetingsHeld: [],
	plans: [],
	plansOut: { due: 0, onTime: 0, late: [] },
	notesOnTime: { due: 0, onTime: 0, late: [] },
	cicReviews: { held: 0, withinTimescale: 0, late: [], dueSoon: [] },
	agencies: [],
	advocacy: { eligible: 0, offered: 0, takenUp: 0, parentsOffered: 0 },
	challenges: { raised: 0, byStage: [], resolvedAfter: [] },
	caseloads: [],
	feedback: {
		responses: 0,
		listenedTo: 0,
		knowWhatNext: 0,
		byRole: { parent: 0, child: 0, professional: 0 },
		byKind: [],
		byChair: [],
		byMonth: [],
		comments: []
	},
	allegations: allegationFigures([], '2026-07-01', '2026-09-30'),
	reg33: { months: [], homes: [] },
	exploitation: { referrals: 0, sittings: 0, childrenDiscussed: 0, outputsSent: 0 },
	fosterCarerReviews: { held: 0, faceToFace: 0, recommended: 0, asked: 0, late: 0, chased: 0 },
	missing: missingFigures([], new Date('2026-07-01'), new Date('2026-10-01')),
	...over
});

describe('the quarterly report’s summary against last quarter', () => {
	it('sorts each measure by its own direction: a rate up went well, late documents up did not', () => {
		const late = {
			meetingId: 'm',
			kind: 'core-group' as const,
			day: '2026-08-01',
			dueBy: '2026-08-02',
			workingDaysLate: 1,
			done: true
		};
		const now = figures({
			plansOut: { due: 20, onTime: 19, late: [late] },
			notesOnTime: { due: 10, onTime: 6, late: [late, late, late] },
			cicReviews: { held: 4, withinTimescale: 4, late: [], dueSoon: [] }
		});
		const before = figures({
			plansOut: { due: 10, onTime: 8, late: [late, late] },
			notesOnTime: { due: 10, onTime: 8, late: [late] },
			cicReviews: { held: 5, withinTimescale: 5, late: [], dueSoon: [] }
		});
		const summary = quarterSummary(now, before);
		expect(summary.wentWell.map((l) => l.words)).toEqual([
			'24-hour plans sent within a working day: 95% (last quarter 80%)'
		]);
		expect(summary.didNot.map((l) => l.words)).toEqual([
			'Notes finished within 15 working days: 60% (last quarter 80%)',
			'Late 24-hour plans and notes: 4 (last quarter 3)'
		]);
		expect(summary.unchanged.map((l) => l.measure)).toEqual([
			'Child in care reviews within timescale',
			'Chairs over their caseload limit'
		]);
	});

	it('leaves out a rate with nothing to count in either quarter', () => {
		const summary = quarterSummary(figures({}), figures({}));
		const all = [...summary.wentWell, ...summary.didNot, ...summary.unchanged];
		expect(all.map((l) => l.measure)).not.toContain('Agencies invited who attended');
		expect(all.map((l) => l.measure)).toContain('Late 24-hour plans and notes');
	});
});
