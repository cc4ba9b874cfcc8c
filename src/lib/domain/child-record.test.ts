import { describe, expect, it } from 'vitest';
import { checkChildDetails, interpreterProblem } from './child-record';

describe('a child’s details as sent', () => {
	it('changes only the fields sent; blank text is none; ticks are booleans', () => {
		expect(checkChildDetails({ caseSystemId: ' A1 ', disability: '  ', outOfArea: 'on' })).toEqual({
			ok: true,
			details: { caseSystemId: 'A1', disability: null, outOfArea: true }
		});
	});

	it('names each field wrong: an unknown status or placement, a missing date, too long', () => {
		const checked = checkChildDetails({
			legalStatus: 'adopted',
			legalStatusSince: '',
			placementType: 'boarding-school',
			caseSystemId: 'x'.repeat(61)
		});
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.problems.map((p) => p.field).sort()).toEqual([
			'caseSystemId',
			'legalStatus',
			'legalStatusSince',
			'placementType'
		]);
	});

	it('a legal status comes with its date', () => {
		expect(
			checkChildDetails({ legalStatus: 'section-20', legalStatusSince: '2026-04-01' })
		).toEqual({
			ok: true,
			details: { legalStatus: { status: 'section-20', since: '2026-04-01' } }
		});
	});

	it('an interpreter needs a language', () => {
		expect(interpreterProblem({ interpreterNeeded: true, firstLanguage: null })?.field).toBe(
			'firstLanguage'
		);
		expect(interpreterProblem({ interpreterNeeded: true, firstLanguage: 'Urdu' })).toBeNull();
	});
});
