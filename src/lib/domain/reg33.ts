/**
 * Regulation 33 visits (issue 25): an independent person visits each of the authority's
 * children's homes once a calendar month, unannounced, and reports each time (regulation 33 of
 * the Children's Homes Regulations 2001; in England replaced by regulation 44 of the Children's
 * Homes (England) Regulations 2015 — the unit's report calls them "Reg 33"). Pure: a home's
 * cadence from its visit dates and today, the checks on what is recorded, and the report's text
 * from the record alone.
 */
import { compareDates, formatCalendarDate, type CalendarDate } from './calendar-date';

/** Why a Regulation 33 visit is not scheduled as a meeting (it is recorded on its home's page). */
export const REG33_NOT_A_MEETING =
	'A Regulation 33 visit is not scheduled: it is unannounced, and recorded on the home’s page (Children’s homes) once it has happened.';

/** A calendar month, 'YYYY-MM'. */
export type CalendarMonth = string;

/** The month a date falls in. */
export function monthOf(date: CalendarDate): CalendarMonth {
	return date.slice(0, 7);
}

/** The month before (or n months before) a month. */
export function monthsBefore(month: CalendarMonth, n = 1): CalendarMonth {
	const [year, m] = month.split('-').map(Number);
	const index = year * 12 + (m - 1) - n;
	const y = Math.floor(index / 12);
	return `${y}-${String(index - y * 12 + 1).padStart(2, '0')}`;
}

/** The months from `first` to `last`, both included, in order (none when first is after last). */
export function monthsBetween(first: CalendarMonth, last: CalendarMonth): CalendarMonth[] {
	const months: CalendarMonth[] = [];
	for (let m = last; m >= first; m = monthsBefore(m)) months.unshift(m);
	return months;
}

const MONTH_NAMES = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** A month in words: 'December 2026'. */
export function monthInWords(month: CalendarMonth): string {
	const [year, m] = month.split('-').map(Number);
	return `${MONTH_NAMES[m - 1]} ${year}`;
}

/**
 * Where a home stands this month: `visited` (a visit this month), `overdue` (last month ended
 * without one, and none since), or `due` (none yet this month; last month had one, or the home
 * was not yet recorded then).
 */
export type HomeCadenceState = 'visited' | 'due' | 'overdue';

export interface HomeCadence {
	state: HomeCadenceState;
	/** The latest visit on or before today; null when none is recorded. */
	lastVisitOn: CalendarDate | null;
	/** Every month that ended without a visit, from the month the home was recorded. */
	missedMonths: CalendarMonth[];
}

/**
 * A home's cadence: one visit per calendar month, counted from the month the home was recorded
 * (`recordedOn`). A month is missed when it ends without a visit; the home is overdue while the
 * last month is missed and none is recorded this month.
 */
export function homeCadence(props: {
	recordedOn: CalendarDate;
	visitDates: readonly CalendarDate[];
	today: CalendarDate;
}): HomeCadence {
	const thisMonth = monthOf(props.today);
	const visited = new Set(props.visitDates.map(monthOf));
	const past = props.visitDates.filter((d) => compareDates(d, props.today) <= 0).sort();
	const ended = monthsBetween(monthOf(props.recordedOn), monthsBefore(thisMonth));
	const missedMonths = ended.filter((m) => !visited.has(m));
	const lastMonth = monthsBefore(thisMonth);
	const state: HomeCadenceState = visited.has(thisMonth)
		? 'visited'
		: missedMonths.includes(lastMonth)
			? 'overdue'
			: 'due';
	return { state, lastVisitOn: past.at(-1) ?? null, missedMonths };
}

/** The homes in the order the list shows them: the overdue first, then due, then visited; by name. */
export function homesInOrder<H extends { name: string; cadence: HomeCadence }>(homes: H[]): H[] {
	const rank: Record<HomeCadenceState, number> = { overdue: 0, due: 1, visited: 2 };
	return [...homes].sort(
		(a, b) => rank[a.cadence.state] - rank[b.cadence.state] || a.name.localeCompare(b.name)
	);
}

/**
 * An Ofsted unique reference number for a children's home as the unit records it: "SC" and six
 * digits (SC123456). Spaces are dropped and the letters upper-cased. Null: not one.
 */
export function ofstedUrn(value: string): string | null {
	const urn = value.replace(/\s+/g, '').toUpperCase();
	return /^SC\d{6}$/.test(urn) ? urn : null;
}

/**
 * Why a visit cannot be recorded on this date, or null. A visit is recorded once it has happened
 * (on or before today): the date is never held before the visit, so it can never reach the home
 * in advance — that is how the visit stays unannounced.
 */
export function visitDateProblem(visitedOn: CalendarDate, today: CalendarDate): string | null {
	if (compareDates(visitedOn, today) > 0)
		return 'Record a visit once it has happened: the date cannot be after today (a visit is unannounced, so it is never entered in advance).';
	return null;
}

/** Who was spoken to on a visit, as recorded: no young person is named. */
export interface SpokenTo {
	staffCount: number;
	/** The staff's roles, as recorded ("deputy manager, two residential workers"). */
	staffRoles: string;
	youngPeopleCount: number;
}

/** The facts a visit's report is made from: every one as recorded. */
export interface VisitRecord {
	homeName: string;
	ofstedUrn: string;
	managerName: string;
	visitedOn: CalendarDate;
	visitorName: string;
	spokenTo: SpokenTo;
	findings: string;
	recommendations: string;
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The visit's report: its subject and text, every statement from the record, nothing added
 * (a document is evidence). Recommendations left empty are said to be none recorded.
 */
export function visitReport(visit: VisitRecord): { subject: string; text: string } {
	const on = formatCalendarDate(visit.visitedOn);
	const staff = visit.spokenTo.staffRoles.trim()
		? `${count(visit.spokenTo.staffCount, 'member of staff', 'members of staff')} (${visit.spokenTo.staffRoles.trim()})`
		: count(visit.spokenTo.staffCount, 'member of staff', 'members of staff');
	return {
		subject: `Regulation 33 visit to ${visit.homeName} on ${on}`,
		text: [
			`To ${visit.managerName}, registered manager of ${visit.homeName} (Ofsted URN ${visit.ofstedUrn}),`,
			'',
			`Report of the independent visit made on ${on} by ${visit.visitorName}.`,
			'',
			'Who was spoken to',
			`Staff: ${staff}.`,
			`Young people: ${count(visit.spokenTo.youngPeopleCount, 'young person', 'young people')}.`,
			'',
			'Findings',
			visit.findings.trim(),
			'',
			'Recommendations',
			visit.recommendations.trim() || 'None recorded.'
		].join('\n')
	};
}

/** One home's Regulation 33 visits over a period, month by month. */
export interface HomeVisitFigures {
	name: string;
	/** Visits recorded in the period. */
	visits: number;
	/** Months of the period that ended (by `asOf`) without a visit, from the home's first month. */
	missedMonths: number;
	byMonth: { month: CalendarMonth; visits: number }[];
}

/** The unit's Regulation 33 figures over a period: each home, its visits month by month. */
export interface Reg33Figures {
	months: CalendarMonth[];
	homes: HomeVisitFigures[];
}

/** Counts each home's visits in [from, to] by month, and the months that ended without one. */
export function reg33Figures(props: {
	homes: readonly { name: string; recordedOn: CalendarDate; visitDates: readonly CalendarDate[] }[];
	from: CalendarDate;
	to: CalendarDate;
	asOf: CalendarDate;
}): Reg33Figures {
	const months = monthsBetween(monthOf(props.from), monthOf(props.to));
	const inPeriod = (d: CalendarDate) =>
		compareDates(d, props.from) >= 0 && compareDates(d, props.to) <= 0;
	const thisMonth = monthOf(props.asOf);
	return {
		months,
		homes: props.homes.map((home) => {
			const dates = home.visitDates.filter(inPeriod);
			const byMonth = months.map((month) => ({
				month,
				visits: dates.filter((d) => monthOf(d) === month).length
			}));
			const missedMonths = byMonth.filter(
				(m) => m.visits === 0 && m.month < thisMonth && m.month >= monthOf(home.recordedOn)
			).length;
			return { name: home.name, visits: dates.length, missedMonths, byMonth };
		})
	};
}
