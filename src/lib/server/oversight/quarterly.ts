/**
 * The quarterly report: the figures for a quarter with the previous quarter beside each, as
 * tables (the page), one CSV per table, and a PDF through the documents' PDF worker pool (the
 * tables become a document model's sections, as every PDF Roundtable makes).
 */
import { stringify } from 'csv-stringify/sync';
import type { Database } from '../db';
import type { SessionUser } from '../auth/session';
import type { MeetingDocument } from '../../documents/model';
import type { DocumentKind } from '../../domain/vocabulary';
import { oversightTables, type FigureTable } from '../../oversight/tables';
import { oversightForViewer } from './view';
import { previousQuarter, quarterOf, quarterPeriod, quarterWords } from './period';
import { addMonths, calendarDateOf } from '../../domain/calendar-date';
import { neutraliseCsvRows } from '../../domain/csv-cell';

export interface QuarterlyReport {
	quarter: string;
	previous: string;
	words: string;
	previousWords: string;
	tables: FigureTable[];
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
		tables: oversightTables(current, before)
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

/** The report as a document model for the PDF worker pool. */
export function quarterlyDocument(report: QuarterlyReport, unitName: string): MeetingDocument {
	return {
		// The PDF renderer does not read the kind; the report is not one of a meeting's documents.
		kind: 'quarterly-report' as DocumentKind,
		audience: 'professionals',
		title: `Quarterly report: ${report.words}`,
		subtitle: `${unitName}. Each figure with ${report.previousWords} beside it.`,
		fileName: `quarterly-report-${report.quarter}`,
		containsRestricted: false,
		sections: report.tables.map((table) => ({
			heading: table.heading,
			blocks: [
				{ type: 'paragraph' as const, text: table.note },
				table.rows.length
					? {
							type: 'table' as const,
							caption: table.heading,
							head: table.head,
							rows: table.rows
						}
					: { type: 'paragraph' as const, text: 'Nothing to count in this quarter.' }
			]
		})),
		generator: { name: 'roundtable-quarterly', version: '1' }
	};
}
