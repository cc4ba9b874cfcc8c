import { describe, expect, it } from 'vitest';
import {
	inReportOrder,
	isFaceToFace,
	mayChase,
	mayRequest,
	nextReviewDue,
	reportState,
	reportsStillMissing,
	type ReportFacts
} from './foster-carer-review';

const report = (over: Partial<ReportFacts> = {}): ReportFacts => ({
	kind: 'child-social-worker',
	childId: 'c1',
	requestedAt: null,
	dueBy: null,
	receivedAt: null,
	...over
});
const asked = new Date('2026-11-01T10:00:00Z');

describe('when a carer’s review is due', () => {
	it('is a year after approval until the first review, then a year after the last', () => {
		expect(nextReviewDue({ approvedOn: '2025-03-14', lastReviewOn: null })).toBe('2026-03-14');
		expect(nextReviewDue({ approvedOn: '2020-03-14', lastReviewOn: '2026-02-01' })).toBe(
			'2027-02-01'
		);
		expect(nextReviewDue({ approvedOn: '2023-02-28', lastReviewOn: '2024-02-29' })).toBe(
			'2025-02-28'
		);
	});

	it('is face to face three years after the last face-to-face review, or after approval', () => {
		const carer = { approvedOn: '2020-01-10', lastFaceToFaceOn: '2024-06-01' };
		expect(isFaceToFace(carer, '2027-05-31')).toBe(false);
		expect(isFaceToFace(carer, '2027-06-01')).toBe(true);
		expect(isFaceToFace({ approvedOn: '2024-01-10', lastFaceToFaceOn: null }, '2026-12-10')).toBe(
			false
		);
		expect(isFaceToFace({ approvedOn: '2023-01-10', lastFaceToFaceOn: null }, '2026-12-10')).toBe(
			true
		);
	});
});

describe('a report’s state', () => {
	it('is not yet requested, requested, late past its due date, received', () => {
		expect(reportState(report(), '2026-12-07')).toBe('not-yet-requested');
		const open = report({ requestedAt: asked, dueBy: '2026-12-07' });
		expect(reportState(open, '2026-12-07')).toBe('requested');
		expect(reportState(open, '2026-12-08')).toBe('late');
		expect(mayChase(open, '2026-12-08')).toBe(true);
		expect(mayChase(open, '2026-12-07')).toBe(false);
		const received = { ...open, receivedAt: new Date('2026-12-09T09:00:00Z') };
		expect(reportState(received, '2026-12-10')).toBe('received');
		expect(mayChase(received, '2026-12-10')).toBe(false);
	});
});

describe('the reports in order', () => {
	it('lists the children’s social workers first, then the supervising social worker, then the views', () => {
		const list = inReportOrder(
			[
				report({ kind: 'child-view', childId: 'c2' }),
				report({ kind: 'carer-view', childId: null }),
				report({ kind: 'supervising-social-worker', childId: null }),
				report({ kind: 'child-social-worker', childId: 'c2' }),
				report({ kind: 'child-view', childId: 'c1' }),
				report({ kind: 'child-social-worker', childId: 'c1' })
			],
			['c1', 'c2']
		);
		expect(list.map((r) => `${r.kind}${r.childId ? `:${r.childId}` : ''}`)).toEqual([
			'child-social-worker:c1',
			'child-social-worker:c2',
			'supervising-social-worker',
			'carer-view',
			'child-view:c1',
			'child-view:c2'
		]);
	});

	it('asks the supervising social worker only once every child’s social worker’s report is in', () => {
		const ssw = report({ kind: 'supervising-social-worker', childId: null });
		const first = report({ childId: 'c1', requestedAt: asked, receivedAt: asked });
		const second = report({ childId: 'c2', requestedAt: asked });
		expect(reportsStillMissing([first, second, ssw])).toEqual([second]);
		expect(mayRequest(ssw, [first, second, ssw])).toBe(false);
		const both = [first, { ...second, receivedAt: asked }, ssw];
		expect(reportsStillMissing(both)).toEqual([]);
		expect(mayRequest(ssw, both)).toBe(true);
		// The views and the children's reports are asked at any time, once each.
		expect(mayRequest(report({ kind: 'carer-view', childId: null }), [second])).toBe(true);
		expect(mayRequest(second, [second])).toBe(false);
	});
});
