/**
 * The quarterly report: the figures for a quarter with the previous quarter beside each, as
 * tables with their charts (the page), one CSV per table, and a PDF with the same tables and
 * charts after a front page of what went well and what did not (./quarterly-pdf.ts).
 */
import { stringify } from 'csv-stringify/sync';
import type { Database } from '../db';
import type { SessionUser } from '../auth/session';
import { oversightTables, type FigureTable } from '../../oversight/tables';
import { oversightForViewer } from './view';
import { previousQuarter, quarterOf, quarterPeriod, quarterWords } from './period';
import { addMonths, calendarDateOf } from '../../domain/calendar-date';
import { neutraliseCsvRows } from '../../domain/csv-cell';
import { quarterSummary, type QuarterSummary } from '../../oversight/quarter-summary';
import { renderQuarterlyPdf } from './quarterly-pdf';

export interface QuarterlyReport {
	quarter: string;
	previous: string;
	words: string;
	previousWords: string;
	tables: FigureTable[];
	/** What went well and what did not, against the previous quarter (the PDF's front page). */
	summary: QuarterSummary;
}

/** The last quarter that has ended. */
export function lastFullQuarter(today = calendarDateOf(new Date())): string {
	return quarterOf(addMonths(today, -3));
}

/** The report for `quarter`, or null when the viewer may not read the figures (404). */
export async function quarterlyReport(props: {
	db: Database;
	user: SessionUser;
	quarter: string;
}): Promise<QuarterlyReport | null> {
	const now = quarterPeriod(props.quarter);
	if (!now) return null;
	const previous = previousQuarter(props.quarter);
	const [current, before] = await Promise.all([
		oversightForViewer({ db: props.db, user: props.user, ...now }),
		oversightForViewer({ db: props.db, user: props.user, ...quarterPeriod(previous)! })
	]);
	if (!current || !before) return null;
	return {
		quarter: props.quarter,
		previous,
		words: quarterWords(props.quarter),
		previousWords: quarterWords(previous),
		tables: oversightTables(current, before),
		summary: quarterSummary(current, before)
	};
}

/**
 * One table as CSV (a header row, then its rows), or null when there is no such table. Names
 * people typed (chairs, agencies) are in these cells: any that could start a spreadsheet
 * formula is written as text (src/lib/domain/csv-cell.ts), numbers as numbers.
 */
export function tableCsv(report: QuarterlyReport, name: string): string | null {
	const table = report.tables.find((t) => t.name === name);
	if (!table) return null;
	return stringify(neutraliseCsvRows([table.head, ...table.rows]));
}

/** The report as a PDF: the summary first, then each table with its chart (./quarterly-pdf.ts). */
export function quarterlyPdf(report: QuarterlyReport, unitName: string): Promise<Buffer> {
	return renderQuarterlyPdf({
		title: `Quarterly report: ${report.words}`,
		subtitle: `${unitName}. Each figure with ${report.previousWords} beside it.`,
		words: report.words,
		previousWords: report.previousWords,
		tables: report.tables,
		summary: report.summary
	});
}
