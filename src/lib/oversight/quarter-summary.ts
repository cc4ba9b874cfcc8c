/**
 * The quarterly report's front page: what went well and what did not, against last quarter,
 * from the figures alone (no words but the measure's name and its two numbers). A rate that
 * rose where higher is better went well; one that fell did not; a count where lower is better
 * the other way round. A measure with nothing to count in either quarter is left out.
 */
import type { OversightFigures } from './figures-model';

/** One measure in both quarters. */
export interface SummaryLine {
	measure: string;
	now: number;
	before: number;
	/** "%" for a rate, "" for a count. */
	unit: string;
	/** The words a board reads: "… 92% (last quarter 85%)". */
	words: string;
}

export interface QuarterSummary {
	wentWell: SummaryLine[];
	didNot: SummaryLine[];
	unchanged: SummaryLine[];
}

const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : null);
const sum = <T>(items: T[], of: (item: T) => number) => items.reduce((n, i) => n + of(i), 0);

type Measure = {
	measure: string;
	value: (f: OversightFigures) => number | null;
	unit: '%' | '';
	better: 'higher' | 'lower';
};

const measures: Measure[] = [
	{
		measure: '24-hour plans sent within a working day',
		value: (f) => rate(f.plansOut.onTime, f.plansOut.due),
		unit: '%',
		better: 'higher'
	},
	{
		measure: 'Notes finished within 15 working days',
		value: (f) => rate(f.notesOnTime.onTime, f.notesOnTime.due),
		unit: '%',
		better: 'higher'
	},
	{
		measure: 'Child in care reviews within timescale',
		value: (f) => rate(f.cicReviews.withinTimescale, f.cicReviews.held),
		unit: '%',
		better: 'higher'
	},
	{
		measure: 'Agencies invited who attended',
		value: (f) =>
			rate(
				sum(f.agencies, (a) => a.attended),
				sum(f.agencies, (a) => a.invited)
			),
		unit: '%',
		better: 'higher'
	},
	{
		measure: 'Reports asked for that came before the meeting',
		value: (f) =>
			rate(
				sum(f.agencies, (a) => a.reportsBefore),
				sum(f.agencies, (a) => a.reportsRequested)
			),
		unit: '%',
		better: 'higher'
	},
	{
		measure: 'Children over 5 offered an advocate',
		value: (f) => rate(f.advocacy.offered, f.advocacy.eligible),
		unit: '%',
		better: 'higher'
	},
	{
		measure: 'Late 24-hour plans and notes',
		value: (f) => f.plansOut.late.length + f.notesOnTime.late.length,
		unit: '',
		better: 'lower'
	},
	{
		measure: 'Chairs over their caseload limit',
		value: (f) => f.caseloads.filter((c) => c.count > c.limit).length,
		unit: '',
		better: 'lower'
	}
];

/** The front page's three lists, each measure in the order above. */
export function quarterSummary(now: OversightFigures, before: OversightFigures): QuarterSummary {
	const out: QuarterSummary = { wentWell: [], didNot: [], unchanged: [] };
	for (const m of measures) {
		const a = m.value(now);
		const b = m.value(before);
		if (a === null || b === null) continue;
		const line: SummaryLine = {
			measure: m.measure,
			now: a,
			before: b,
			unit: m.unit,
			words: `${m.measure}: ${a}${m.unit} (last quarter ${b}${m.unit})`
		};
		const better = m.better === 'higher' ? a > b : a < b;
		if (a === b) out.unchanged.push(line);
		else (better ? out.wentWell : out.didNot).push(line);
	}
	return out;
}
