/**
 * Foster carer reviews (issue 25). A foster carer's approval is reviewed at least once a year
 * (The Fostering Services (England) Regulations 2011, reg. 28); every third year the reviewing
 * officer holds the review face to face (the unit's practice, annual report section 4.1). The
 * reports are asked in order: each placed child's social worker's report first; the supervising
 * social worker's only once all of those are in, so it is written with sight of them (the annual
 * report: "the supervising social workers complete their reports in the absence of having sight of
 * the social workers' reports"); the carer's own view and the children's views alongside.
 * Pure: dates and facts in, states out.
 */
import { addMonths, compareDates, type CalendarDate } from './calendar-date';
import { fosterReportKinds, type FosterReportKind, type FosterReportState } from './vocabulary';

/** The review of approval is due this many months after approval or the last review. */
export const REVIEW_EVERY_MONTHS = 12;
/** The reviewing officer holds the review face to face every this many years. */
export const FACE_TO_FACE_EVERY_YEARS = 3;

/** When a carer's next review is due: a year after their last review, or after approval. */
export function nextReviewDue(carer: {
	approvedOn: CalendarDate;
	lastReviewOn: CalendarDate | null;
}): CalendarDate {
	return addMonths(carer.lastReviewOn ?? carer.approvedOn, REVIEW_EVERY_MONTHS);
}

/**
 * Is a review held on `reviewOn` the three-yearly face-to-face one: three years or more since the
 * last face-to-face review (since approval when there has been none)?
 */
export function isFaceToFace(
	carer: { approvedOn: CalendarDate; lastFaceToFaceOn: CalendarDate | null },
	reviewOn: CalendarDate
): boolean {
	const since = carer.lastFaceToFaceOn ?? carer.approvedOn;
	return compareDates(reviewOn, addMonths(since, FACE_TO_FACE_EVERY_YEARS * 12)) >= 0;
}

/** One report of a review as it is held: asked when and by when, received when. */
export interface ReportFacts {
	kind: FosterReportKind;
	/** The child a child's social worker's report or a child's view is about; null otherwise. */
	childId: string | null;
	requestedAt: Date | null;
	dueBy: CalendarDate | null;
	receivedAt: Date | null;
}

/**
 * Where a report stands on `today`: not yet requested; requested and not yet due; received; or
 * late (requested, not received, and its due date has passed).
 */
export function reportState(report: ReportFacts, today: CalendarDate): FosterReportState {
	if (report.receivedAt !== null) return 'received';
	if (report.requestedAt === null) return 'not-yet-requested';
	if (report.dueBy !== null && compareDates(today, report.dueBy) > 0) return 'late';
	return 'requested';
}

/**
 * The reports in the order they are asked: the children's social workers' reports, then the
 * supervising social worker's, then the carer's view, then the children's views; the children
 * in the order given (`childOrder`, the placed children's), so the list reads the same each time.
 */
export function inReportOrder<T extends Pick<ReportFacts, 'kind' | 'childId'>>(
	reports: readonly T[],
	childOrder: readonly string[] = []
): T[] {
	const child = (r: T) => (r.childId === null ? -1 : childOrder.indexOf(r.childId));
	return [...reports].sort(
		(a, b) =>
			fosterReportKinds.indexOf(a.kind) - fosterReportKinds.indexOf(b.kind) || child(a) - child(b)
	);
}

/**
 * The children's social workers' reports still to come in before the supervising social worker's
 * report may be asked: those not yet received. Empty: it may be asked.
 */
export function reportsStillMissing<
	T extends { kind: FosterReportKind; receivedAt: Date | string | null }
>(reports: readonly T[]): T[] {
	return reports.filter((r) => r.kind === 'child-social-worker' && r.receivedAt === null);
}

/**
 * May this report be requested now? Not once received or already requested (chase it instead);
 * the supervising social worker's only once every placed child's social worker's report is in.
 */
export function mayRequest(
	report: Pick<ReportFacts, 'kind' | 'requestedAt' | 'receivedAt'>,
	all: readonly { kind: FosterReportKind; receivedAt: Date | string | null }[]
): boolean {
	if (report.receivedAt !== null || report.requestedAt !== null) return false;
	return report.kind !== 'supervising-social-worker' || reportsStillMissing(all).length === 0;
}

/** A late report may be chased: requested, not received, past its due date. */
export function mayChase(report: ReportFacts, today: CalendarDate): boolean {
	return reportState(report, today) === 'late';
}

/** A period's foster carer reviews as the oversight figures count them (issue 25). */
export interface FosterReviewFigures {
	/** Reviews whose day fell in the period and has come (not cancelled). */
	held: number;
	/** Of those, the three-yearly face-to-face reviews. */
	faceToFace: number;
	/** Recommendations to the fostering panel recorded in the period. */
	recommended: number;
	/** Reports asked for in the period. */
	asked: number;
	/** Of those, late: in after their due date, or still not in past it. */
	late: number;
	/** Of those, chased at least once. */
	chased: number;
}
