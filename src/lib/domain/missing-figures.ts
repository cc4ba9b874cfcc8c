/**
 * The missing-from-home figures for a period (issue 25), counted from the episodes it touches:
 * how many young people went missing, how many episodes were escalated, how many were still open
 * at its end, and of those found in it, whether the return interview was held within 72 hours.
 * Pure: the oversight query gives the rows and the period's instants.
 */
import { returnInterviewDueAt } from './missing';

/** One episode as the figures need it. */
export interface MissingFigureRow {
	wentMissingAt: Date;
	foundAt: Date | null;
	returnInterviewAt: Date | null;
	escalatedAt: Date | null;
}

export interface MissingFigures {
	/** Episodes that began in the period. */
	wentMissing: number;
	/** Episodes escalated in the period (to a strategy discussion or a conference). */
	escalated: number;
	/** Open at the period's end: still missing, or found with the return interview still to do. */
	openAtEnd: number;
	/** Episodes whose young person was found in the period. */
	found: number;
	/** Of those found: the return interview held within 72 hours, later, or not yet. */
	returnInterview: { within72Hours: number; later: number; notYet: number };
}

const within = (at: Date | null, start: Date, end: Date): at is Date =>
	at !== null && at.getTime() >= start.getTime() && at.getTime() < end.getTime();
const before = (at: Date | null, end: Date) => at !== null && at.getTime() < end.getTime();

/** The figures over [start, end): instants, the start of the period's first London day and the day after its last. */
export function missingFigures(
	rows: readonly MissingFigureRow[],
	start: Date,
	end: Date
): MissingFigures {
	const figures: MissingFigures = {
		wentMissing: 0,
		escalated: 0,
		openAtEnd: 0,
		found: 0,
		returnInterview: { within72Hours: 0, later: 0, notYet: 0 }
	};
	for (const row of rows) {
		if (within(row.wentMissingAt, start, end)) figures.wentMissing += 1;
		if (within(row.escalatedAt, start, end)) figures.escalated += 1;
		if (
			before(row.wentMissingAt, end) &&
			(!before(row.foundAt, end) || !before(row.returnInterviewAt, end))
		)
			figures.openAtEnd += 1;
		if (within(row.foundAt, start, end)) {
			figures.found += 1;
			const due = returnInterviewDueAt(row.foundAt).getTime();
			if (row.returnInterviewAt === null || !before(row.returnInterviewAt, end))
				figures.returnInterview.notYet += 1;
			else if (row.returnInterviewAt.getTime() <= due) figures.returnInterview.within72Hours += 1;
			else figures.returnInterview.later += 1;
		}
	}
	return figures;
}

/** True when the period has nothing to count: no episode began, was escalated, found or open. */
export function nothingMissingToCount(f: MissingFigures): boolean {
	return f.wentMissing + f.escalated + f.openAtEnd + f.found === 0;
}
