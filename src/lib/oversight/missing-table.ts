/**
 * The missing-from-home table of the oversight figures (issue 25), for the dashboard, the
 * quarterly report, its PDF and its CSV alike (./tables.ts adds it): episodes begun, escalated
 * and open at the end of the period, and of those found, the return interviews held within
 * 72 hours. A period (and the one before) no episode touched has nothing to count: no rows, so
 * every renderer says so in words rather than list noughts. Browser-safe.
 */
import type { OversightFigures } from './figures-model';
import type { BarChart } from './bar-chart';
import { nothingMissingToCount, type MissingFigures } from '../domain/missing-figures';

const lines: [string, (f: MissingFigures) => number][] = [
	['Went missing', (f) => f.wentMissing],
	['Escalated (strategy discussion or conference)', (f) => f.escalated],
	['Still open at the end of the period', (f) => f.openAtEnd],
	['Found', (f) => f.found],
	['Return interview within 72 hours of being found', (f) => f.returnInterview.within72Hours],
	['Return interview later than 72 hours', (f) => f.returnInterview.later],
	['Return interview not held yet', (f) => f.returnInterview.notYet]
];

/** The table and its chart; with `previous`, each number has the previous quarter's beside it. */
export function missingTable(now: OversightFigures, previous: OversightFigures | null) {
	const empty =
		nothingMissingToCount(now.missing) && (!previous || nothingMissingToCount(previous.missing));
	const rows = empty
		? []
		: lines.map(([label, of]) =>
				previous
					? [label, String(of(now.missing)), String(of(previous.missing))]
					: [label, String(of(now.missing))]
			);
	const chart: BarChart | null = empty
		? null
		: {
				id: 'chart-missing-episodes',
				title: 'Missing from home episodes',
				series: previous ? ['This quarter', 'Previous quarter'] : ['This period'],
				rows: rows.slice(0, 4).map(([label, ...values]) => ({
					label,
					values: values.map(Number)
				}))
			};
	return {
		table: {
			name: 'missing-episodes',
			heading: 'Young people missing from home or care',
			note: 'Episodes that began, were escalated or were open in the period; of the young people found in it, whether the return interview was held within 72 hours.',
			head: previous ? ['', 'This quarter', 'Previous quarter'] : ['', 'Episodes'],
			rows
		},
		chart
	};
}
