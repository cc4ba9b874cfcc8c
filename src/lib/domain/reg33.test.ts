import { describe, expect, it } from 'vitest';
import {
	homeCadence,
	homesInOrder,
	monthsBetween,
	monthsBefore,
	ofstedUrn,
	reg33Figures,
	visitDateProblem,
	visitReport
} from './reg33';

describe('homeCadence: one visit per calendar month', () => {
	const recordedOn = '2026-09-14';

	it('is overdue when last month ended without a visit, and names every missed month', () => {
		const cadence = homeCadence({ recordedOn, visitDates: ['2026-10-03'], today: '2026-12-07' });
		expect(cadence.state).toBe('overdue');
		expect(cadence.missedMonths).toEqual(['2026-09', '2026-11']);
		expect(cadence.lastVisitOn).toBe('2026-10-03');
	});

	it('is visited once a visit this month is recorded, clearing overdue', () => {
		const cadence = homeCadence({
			recordedOn,
			visitDates: ['2026-10-03', '2026-12-02'],
			today: '2026-12-07'
		});
		expect(cadence.state).toBe('visited');
		expect(cadence.lastVisitOn).toBe('2026-12-02');
		// The month missed stays missed (the figures count it).
		expect(cadence.missedMonths).toEqual(['2026-09', '2026-11']);
	});

	it('is due this month when last month had a visit', () => {
		expect(homeCadence({ recordedOn, visitDates: ['2026-11-30'], today: '2026-12-01' }).state).toBe(
			'due'
		);
	});

	it('counts from the month the home was recorded: a new home is due, not overdue', () => {
		const cadence = homeCadence({ recordedOn: '2026-12-01', visitDates: [], today: '2026-12-31' });
		expect(cadence).toEqual({ state: 'due', lastVisitOn: null, missedMonths: [] });
		expect(
			homeCadence({ recordedOn: '2026-12-01', visitDates: [], today: '2027-01-01' }).state
		).toBe('overdue');
	});

	it('orders the overdue first, then due, then visited', () => {
		const at = (state: 'visited' | 'due' | 'overdue', name: string) => ({
			name,
			cadence: { state, lastVisitOn: null, missedMonths: [] }
		});
		const order = homesInOrder([at('visited', 'A'), at('due', 'B'), at('overdue', 'C')]);
		expect(order.map((h) => h.name)).toEqual(['C', 'B', 'A']);
	});
});

describe('months', () => {
	it('steps back over a year end and lists months in order', () => {
		expect(monthsBefore('2027-01')).toBe('2026-12');
		expect(monthsBetween('2026-11', '2027-02')).toEqual([
			'2026-11',
			'2026-12',
			'2027-01',
			'2027-02'
		]);
		expect(monthsBetween('2027-02', '2027-01')).toEqual([]);
	});
});

describe('what is recorded', () => {
	it('takes an Ofsted URN as SC and six digits', () => {
		expect(ofstedUrn('sc 041522')).toBe('SC041522');
		expect(ofstedUrn('SC04152')).toBeNull();
		expect(ofstedUrn('041522')).toBeNull();
		expect(ofstedUrn('XY041522')).toBeNull();
	});

	it('never holds a visit before it happens (unannounced)', () => {
		expect(visitDateProblem('2026-12-08', '2026-12-07')).toMatch(/after today/);
		expect(visitDateProblem('2026-12-07', '2026-12-07')).toBeNull();
	});
});

describe('visitReport', () => {
	const visit = {
		homeName: 'Inglefield',
		ofstedUrn: 'SC041522',
		managerName: 'Pat Jones',
		visitedOn: '2026-12-02',
		visitorName: 'Sam Visitor',
		spokenTo: { staffCount: 2, staffRoles: 'deputy manager, night worker', youngPeopleCount: 1 },
		findings: 'Records of incidents were up to date.',
		recommendations: ''
	};

	it('is made from the record alone, saying none where none is recorded', () => {
		const report = visitReport(visit);
		expect(report.subject).toBe('Regulation 33 visit to Inglefield on Wednesday 2 December 2026');
		expect(report.text).toContain(
			'To Pat Jones, registered manager of Inglefield (Ofsted URN SC041522)'
		);
		expect(report.text).toContain('by Sam Visitor');
		expect(report.text).toContain('Staff: 2 members of staff (deputy manager, night worker).');
		expect(report.text).toContain('Young people: 1 young person.');
		expect(report.text).toContain('Records of incidents were up to date.');
		expect(report.text).toContain('Recommendations\nNone recorded.');
	});
});

describe('reg33Figures', () => {
	it('counts each home’s visits by month, and the months ended without one', () => {
		const figures = reg33Figures({
			homes: [
				{ name: 'Inglefield', recordedOn: '2026-01-05', visitDates: ['2026-07-02', '2026-09-30'] },
				{ name: 'Edinburgh Road', recordedOn: '2026-08-20', visitDates: ['2026-06-01'] }
			],
			from: '2026-07-01',
			to: '2026-09-30',
			asOf: '2026-09-15'
		});
		expect(figures.months).toEqual(['2026-07', '2026-08', '2026-09']);
		expect(figures.homes[0]).toMatchObject({ visits: 2, missedMonths: 1 });
		expect(figures.homes[0].byMonth.map((m) => m.visits)).toEqual([1, 0, 1]);
		// Recorded in August: July is not counted against it; September has not ended.
		expect(figures.homes[1]).toMatchObject({ visits: 0, missedMonths: 1 });
	});
});
