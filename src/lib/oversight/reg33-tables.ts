/**
 * Regulation 33 visits in the oversight figures (issue 25): each home's visits in the period and
 * the months that ended without one (with the previous quarter beside them in the quarterly
 * report), and the visits to each home month by month. A period with no visit says so in words.
 * Browser-safe.
 */
import type { OversightFigures } from './figures-model';
import type { FigureTable } from './tables';
import type { BarChart } from './bar-chart';
import { monthInWords } from '../domain/reg33';

const visitsIn = (f: OversightFigures | null) =>
	f ? f.reg33.homes.reduce((n, home) => n + home.visits, 0) : 0;

/** Adds the Regulation 33 tables, after the others. */
export function addReg33Tables(
	now: OversightFigures,
	previous: OversightFigures | null,
	add: (table: Omit<FigureTable, 'chart'>, chart: BarChart | null) => void
) {
	const names = [
		...new Set([...now.reg33.homes, ...(previous?.reg33.homes ?? [])].map((h) => h.name))
	];
	const cells = (f: OversightFigures, name: string) => {
		const home = f.reg33.homes.find((h) => h.name === name);
		return [String(home?.visits ?? 0), String(home?.missedMonths ?? 0)];
	};
	const rows = names.map((name) => {
		if (!previous) return [name, ...cells(now, name)];
		const [visits, missed] = cells(now, name);
		const [visitsBefore, missedBefore] = cells(previous, name);
		return [name, visits, visitsBefore, missed, missedBefore];
	});
	const anyVisit = visitsIn(now) + visitsIn(previous) > 0;
	const none = visitsIn(now) === 0 ? 'No visits in this period. ' : '';
	add(
		{
			name: 'reg33-visits',
			heading: 'Regulation 33 visits to children’s homes',
			note: `${none}Each home’s independent visits recorded in the period, and the months of the period that ended without one (one a month is required, from the month the home was recorded).`,
			head: previous
				? [
						'Home',
						'Visits (this quarter)',
						'Visits (previous quarter)',
						'Months without a visit (this quarter)',
						'Months without a visit (previous quarter)'
					]
				: ['Home', 'Visits', 'Months without a visit'],
			rows
		},
		anyVisit
			? {
					id: 'chart-reg33-visits',
					title: 'Regulation 33 visits by home',
					series: previous ? ['This quarter', 'Previous quarter'] : ['This period'],
					rows: rows.map((r) => ({
						label: r[0],
						values: previous ? [Number(r[1]), Number(r[2])] : [Number(r[1])]
					}))
				}
			: null
	);
	const homes = now.reg33.homes;
	add(
		{
			name: 'reg33-visits-by-month',
			heading: 'Regulation 33 visits, month by month',
			note: `${none}Visits recorded to each home in each month of the period.`,
			head: ['Month', ...homes.map((h) => h.name)],
			rows: homes.length
				? now.reg33.months.map((month, i) => [
						monthInWords(month),
						...homes.map((h) => String(h.byMonth[i]?.visits ?? 0))
					])
				: []
		},
		null
	);
}
