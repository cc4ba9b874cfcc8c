import { describe, expect, it } from 'vitest';
import {
	allegationFigures,
	considerationDueBy,
	considerationLate,
	overdueClocks,
	placedChildOverdue,
	placingAuthorityDueBy,
	resolvedWithinMonths,
	type AllegationFigureRow
} from './allegations';

const row = (over: Partial<AllegationFigureRow>): AllegationFigureRow => ({
	sector: 'education',
	nature: 'physical',
	receivedOn: '2026-01-10',
	outcome: null,
	concludedOn: null,
	childInCare: false,
	childDisabled: false,
	childPlacedByOtherAuthority: false,
	...over
});

describe('the initial consideration’s due date', () => {
	it('is the next working day', () => {
		expect(considerationDueBy('2026-12-01')).toBe('2026-12-02'); // Tuesday → Wednesday
		expect(considerationDueBy('2026-12-04')).toBe('2026-12-07'); // Friday → Monday
	});

	it('skips bank holidays: received on Christmas Eve 2026, due on 29 December', () => {
		expect(considerationDueBy('2026-12-24')).toBe('2026-12-29');
	});

	it('received on a Saturday, due the Monday', () => {
		expect(considerationDueBy('2026-12-05')).toBe('2026-12-07');
	});
});

describe('resolved within months', () => {
	it('counts to the same day of the month, inclusive', () => {
		expect(resolvedWithinMonths('2026-01-10', '2026-02-10', 1)).toBe(true);
		expect(resolvedWithinMonths('2026-01-10', '2026-02-11', 1)).toBe(false);
	});

	it('clamps the end of a short month: 31 January to 28 February is one month', () => {
		expect(resolvedWithinMonths('2026-01-31', '2026-02-28', 1)).toBe(true);
		expect(resolvedWithinMonths('2026-01-31', '2026-03-01', 1)).toBe(false);
	});
});

describe('the LADO’s figures', () => {
	const rows: AllegationFigureRow[] = [
		// Received in the period and concluded within a month.
		row({ receivedOn: '2026-01-10', outcome: 'unsubstantiated', concludedOn: '2026-02-01' }),
		// Received in the period, concluded after two months.
		row({
			receivedOn: '2026-01-20',
			sector: 'foster-care',
			nature: 'sexual',
			outcome: 'substantiated',
			concludedOn: '2026-03-25'
		}),
		// Received the year before, concluded in the period after eleven months.
		row({ receivedOn: '2025-04-15', outcome: 'false', concludedOn: '2026-03-10' }),
		// Received years before, concluded in the period after more than twelve months.
		row({ receivedOn: '2024-06-01', outcome: 'malicious', concludedOn: '2026-02-15' }),
		// Received in the period, still open.
		row({
			receivedOn: '2026-03-31',
			sector: 'health',
			nature: 'conduct',
			childInCare: true,
			childPlacedByOtherAuthority: true
		}),
		// Received and concluded after the period: not counted.
		row({
			receivedOn: '2026-04-01',
			outcome: 'unsubstantiated',
			concludedOn: '2026-04-02',
			childDisabled: true
		})
	];
	const figures = allegationFigures(rows, '2026-01-01', '2026-03-31');

	it('counts referrals by the month received, every month of the period listed', () => {
		expect(figures.byMonth).toEqual([
			{ month: '2026-01', count: 2 },
			{ month: '2026-02', count: 0 },
			{ month: '2026-03', count: 1 }
		]);
	});

	it('counts referrals received in the period by sector and nature', () => {
		const sectors = Object.fromEntries(figures.bySector.map((s) => [s.sector, s.count]));
		expect(sectors).toMatchObject({ education: 1, 'foster-care': 1, health: 1, police: 0 });
		const natures = Object.fromEntries(figures.byNature.map((n) => [n.nature, n.count]));
		expect(natures).toEqual({ physical: 1, sexual: 1, emotional: 0, neglect: 0, conduct: 1 });
	});

	it('counts referrals received in the period about a child in care, disabled or placed here', () => {
		expect(figures.concerning).toEqual({
			childInCare: 1,
			childDisabled: 0,
			childPlacedByOtherAuthority: 1
		});
	});

	it('counts outcomes of the allegations concluded in the period, whenever received', () => {
		const outcomes = Object.fromEntries(figures.byOutcome.map((o) => [o.outcome, o.count]));
		expect(outcomes).toEqual({
			substantiated: 1,
			unsubstantiated: 1,
			false: 1,
			malicious: 1,
			unfounded: 0
		});
		expect(figures.resolved).toBe(4);
	});

	it('counts how many were resolved within one, three and twelve months of receipt', () => {
		expect(figures.resolvedWithin).toEqual({ oneMonth: 1, threeMonths: 2, twelveMonths: 3 });
	});

	it('an empty period has every month, sector and outcome at nought', () => {
		const none = allegationFigures([], '2026-11-15', '2027-01-02');
		expect(none.byMonth.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01']);
		expect(none.resolvedWithin).toEqual({ oneMonth: 0, threeMonths: 0, twelveMonths: 0 });
		expect(none.bySector.every((s) => s.count === 0)).toBe(true);
	});
});

describe('the clocks of an open case', () => {
	it('a consideration is late when made on a day after the one it was due by', () => {
		expect(considerationLate('2026-12-07', '2026-12-07')).toBe(false);
		expect(considerationLate('2026-12-07', '2026-12-04')).toBe(false);
		expect(considerationLate('2026-12-07', '2026-12-08')).toBe(true);
	});

	it('a child placed by another authority is to be seen within three days of receipt', () => {
		expect(placingAuthorityDueBy('2026-12-04')).toBe('2026-12-07');
		const clock = { seenOn: null, dueBy: '2026-12-07' };
		expect(placedChildOverdue(clock, '2026-12-07')).toBe(false);
		expect(placedChildOverdue(clock, '2026-12-08')).toBe(true);
		expect(placedChildOverdue({ ...clock, seenOn: '2026-12-09' }, '2026-12-10')).toBe(false);
	});

	it('counts the clocks run out: a consideration not made, each child not seen', () => {
		const clocks = {
			considerationDueBy: '2026-12-07',
			consideredOn: null,
			placedChildren: [
				{ seenOn: null, dueBy: '2026-12-07' },
				{ seenOn: '2026-12-05', dueBy: '2026-12-07' }
			]
		};
		expect(overdueClocks(clocks, '2026-12-07')).toBe(0);
		expect(overdueClocks(clocks, '2026-12-08')).toBe(2);
		expect(overdueClocks({ ...clocks, consideredOn: '2026-12-09' }, '2026-12-10')).toBe(1);
	});
});
