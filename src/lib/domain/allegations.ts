/**
 * The LADO's sums (issue 25): when an allegation's initial consideration is due, and the figures
 * the annual report gives — referrals by month, sector and nature, outcomes, and time to resolve
 * against the national expectation (80% within one month, 90% within three, nearly all within
 * twelve). Pure: the server hands in one row per allegation, as London calendar days.
 */
import { addDays, addMonths, compareDates, type CalendarDate } from './calendar-date';
import { addWorkingDays } from './working-days';
import {
	allegationNatures,
	allegationOutcomes,
	allegationSectors,
	type AllegationNature,
	type AllegationOutcome,
	type AllegationSector
} from './vocabulary';

/** The initial consideration is due one working day after the day the allegation was received. */
export function considerationDueBy(receivedOn: CalendarDate): CalendarDate {
	return addWorkingDays(receivedOn, 1);
}

/** Was the initial consideration made late: on a London day after the one it was due by? */
export function considerationLate(dueBy: CalendarDate, decidedOn: CalendarDate): boolean {
	return compareDates(decidedOn, dueBy) > 0;
}

/**
 * How many days a child placed here by another authority may go, after the allegation is
 * received, without that authority seeing them, before the LADO raises it with them. The unit's
 * annual report 2012–13 (section 4.5) calls a child of another authority not seen or spoken to
 * "for up to a week" after making an allegation "clearly unacceptable"; three calendar days is
 * our reading of that, below the week it names, not a statutory figure. Change it here.
 */
export const PLACED_CHILD_SEEN_WITHIN_DAYS = 3;

/** The last day the placing authority should have seen the child, counted from the day received. */
export function placingAuthorityDueBy(receivedOn: CalendarDate): CalendarDate {
	return addDays(receivedOn, PLACED_CHILD_SEEN_WITHIN_DAYS);
}

/** One child placed by another authority, as the placed-elsewhere clock sees them. */
export interface PlacedChildClock {
	/** The day the placing authority saw the child, as the LADO was told; null: not told yet. */
	seenOn: CalendarDate | null;
	dueBy: CalendarDate;
}

/** Overdue: not seen by the placing authority and the day to be seen by has passed. */
export function placedChildOverdue(clock: PlacedChildClock, today: CalendarDate): boolean {
	return clock.seenOn === null && compareDates(today, clock.dueBy) > 0;
}

/** An open case's clocks, as the list of allegations orders them: what is overdue comes first. */
export interface CaseClocks {
	considerationDueBy: CalendarDate;
	/** Null while the initial consideration is not made. */
	consideredOn: CalendarDate | null;
	placedChildren: readonly PlacedChildClock[];
}

/** How many of a case's clocks have run out today (a consideration not made, children not seen). */
export function overdueClocks(clocks: CaseClocks, today: CalendarDate): number {
	const consideration =
		clocks.consideredOn === null && compareDates(today, clocks.considerationDueBy) > 0 ? 1 : 0;
	return (
		consideration + clocks.placedChildren.filter((child) => placedChildOverdue(child, today)).length
	);
}

/** One allegation as the figures count it: the London days it was received and concluded. */
export interface AllegationFigureRow {
	sector: AllegationSector;
	nature: AllegationNature;
	receivedOn: CalendarDate;
	outcome: AllegationOutcome | null;
	concludedOn: CalendarDate | null;
	/** Whether any child it concerns was, when it was received, in care, disabled, placed here by another authority. */
	childInCare: boolean;
	childDisabled: boolean;
	childPlacedByOtherAuthority: boolean;
}

export interface AllegationFigures {
	/** Referrals received in each month of the period (YYYY-MM), every month listed. */
	byMonth: { month: string; count: number }[];
	/** Referrals received in the period by the adult's sector, every sector listed. */
	bySector: { sector: AllegationSector; count: number }[];
	/** Referrals received in the period by what is alleged. */
	byNature: { nature: AllegationNature; count: number }[];
	/**
	 * Referrals received in the period about at least one child in care, disabled, or placed here
	 * by another authority (the vulnerable groups the annual report began counting in 2012–13).
	 */
	concerning: { childInCare: number; childDisabled: number; childPlacedByOtherAuthority: number };
	/** Allegations concluded in the period, by outcome. */
	byOutcome: { outcome: AllegationOutcome; count: number }[];
	/** How many were concluded in the period (what `resolvedWithin` counts out of). */
	resolved: number;
	/**
	 * Of those concluded in the period, how many were concluded within one, three and twelve
	 * calendar months of the day they were received (each count includes the shorter ones).
	 */
	resolvedWithin: { oneMonth: number; threeMonths: number; twelveMonths: number };
}

const within = (day: CalendarDate, from: CalendarDate, to: CalendarDate) =>
	compareDates(day, from) >= 0 && compareDates(day, to) <= 0;

/** True when `concludedOn` is no later than `months` calendar months after `receivedOn`. */
export function resolvedWithinMonths(
	receivedOn: CalendarDate,
	concludedOn: CalendarDate,
	months: number
): boolean {
	return compareDates(concludedOn, addMonths(receivedOn, months)) <= 0;
}

/** Every month from `from` to `to`, as YYYY-MM. */
function monthsOf(from: CalendarDate, to: CalendarDate): string[] {
	const months: string[] = [];
	for (
		let day = `${from.slice(0, 7)}-01`;
		day.slice(0, 7) <= to.slice(0, 7);
		day = addMonths(day, 1)
	)
		months.push(day.slice(0, 7));
	return months;
}

/** The LADO's figures over the period from `from` to `to` (both days included). */
export function allegationFigures(
	rows: readonly AllegationFigureRow[],
	from: CalendarDate,
	to: CalendarDate
): AllegationFigures {
	const received = rows.filter((row) => within(row.receivedOn, from, to));
	const concluded = rows.filter(
		(row): row is AllegationFigureRow & { outcome: AllegationOutcome; concludedOn: CalendarDate } =>
			row.outcome !== null && row.concludedOn !== null && within(row.concludedOn, from, to)
	);
	const countWhere = <T>(list: readonly T[], test: (item: T) => boolean) =>
		list.filter(test).length;
	const resolvedIn = (months: number) =>
		countWhere(concluded, (row) => resolvedWithinMonths(row.receivedOn, row.concludedOn, months));
	return {
		byMonth: monthsOf(from, to).map((month) => ({
			month,
			count: countWhere(received, (row) => row.receivedOn.startsWith(month))
		})),
		bySector: allegationSectors.map((sector) => ({
			sector,
			count: countWhere(received, (row) => row.sector === sector)
		})),
		byNature: allegationNatures.map((nature) => ({
			nature,
			count: countWhere(received, (row) => row.nature === nature)
		})),
		concerning: {
			childInCare: countWhere(received, (row) => row.childInCare),
			childDisabled: countWhere(received, (row) => row.childDisabled),
			childPlacedByOtherAuthority: countWhere(received, (row) => row.childPlacedByOtherAuthority)
		},
		byOutcome: allegationOutcomes.map((outcome) => ({
			outcome,
			count: countWhere(concluded, (row) => row.outcome === outcome)
		})),
		resolved: concluded.length,
		resolvedWithin: {
			oneMonth: resolvedIn(1),
			threeMonths: resolvedIn(3),
			twelveMonths: resolvedIn(12)
		}
	};
}
