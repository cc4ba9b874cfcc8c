/**
 * The unit's figures for the oversight dashboard and the quarterly report (issue 14), counted
 * in the database (SQL through drizzle, the same on PGlite and PostgreSQL). Where a timescale is
 * in working days the database returns one candidate row per meeting or child (its date and when
 * the thing was done) and the domain (src/lib/domain: bank holidays included) says whether it
 * was on time and by how much not; nothing else is loaded.
 * Runs in SvelteKit and under plain Node (the benchmark), so imports are relative.
 */
import {
	and,
	asc,
	count,
	desc,
	eq,
	gte,
	inArray,
	isNotNull,
	isNull,
	lt,
	lte,
	ne,
	or,
	sql,
	type AnyColumn
} from 'drizzle-orm';
import type { Database } from '../db';
import type {
	FeedbackFigures,
	FeedbackScores,
	OnTimeFigure,
	OversightFigures
} from '../../oversight/figures-model';
import { meanScore } from '../../domain/feedback';
import { allegationFigures, type AllegationFigureRow } from '../../domain/allegations';
import { reg33FiguresFor, withVisitsHeld } from './reg33-figures';
import { exploitationFiguresFor } from './exploitation';
import { fosterReviewFigures } from '../foster-carers/figures';
import { missingFiguresFor } from './missing-figures';
import type { FeedbackRespondent } from '../../domain/vocabulary';
import {
	allegationChildren,
	allegations,
	advocacyOffers,
	circulation,
	meetingDocuments,
	agencies,
	challenges,
	childPlans,
	children,
	families,
	meetingChildren,
	meetingParticipants,
	meetings,
	professionalReports,
	meetingFeedback,
	users
} from '../db/schema';
import {
	addDays,
	calendarDateOf,
	compareDates,
	decisionLetterDue,
	firstCicReviewDue,
	laterCicReviewDue,
	challengeStages,
	meetingKinds,
	notesDueDate,
	secondCicReviewDue,
	toDayNumber,
	workingDaysBetween,
	type CalendarDate,
	type ChallengeStage,
	type MeetingKind
} from '../../domain';

export const DEFAULT_CASELOAD_LIMIT = 70;

const int = (value: unknown) => Number(value ?? 0);

/** The instant a London calendar day starts (00:00 in Europe/London, GMT or BST). */
export function startOfLondonDay(date: CalendarDate): Date {
	const utc = new Date(`${date}T00:00:00Z`);
	const bst = new Date(utc.getTime() - 3_600_000);
	return calendarDateOf(bst) === date ? bst : utc;
}

/** The last Sunday of a month (its UTC day of the month): when British Summer Time starts or ends. */
function lastSunday(year: number, month: number): number {
	const last = new Date(Date.UTC(year, month, 0));
	return last.getUTCDate() - last.getUTCDay();
}

/**
 * The London calendar day of an instant, by the UK's rule (BST from 01:00 UTC on the last
 * Sunday of March to 01:00 UTC on the last Sunday of October): thousands of rows are converted
 * here in microseconds, where the database's time zone conversion costs far more.
 */
export function londonDay(instant: Date | string | number): CalendarDate {
	const at = new Date(instant);
	const y = at.getUTCFullYear();
	const bstStart = Date.UTC(y, 2, lastSunday(y, 3), 1);
	const bstEnd = Date.UTC(y, 9, lastSunday(y, 10), 1);
	const t = at.getTime();
	const local = new Date(t >= bstStart && t < bstEnd ? t + 3_600_000 : t);
	return local.toISOString().slice(0, 10);
}

/** The instant of the meeting as the due dates count it: started, else scheduled. */
const meetingAt = sql<string>`coalesce(${meetings.startedAt}, ${meetings.scheduledAt})`;

/** The London date of the meeting as the notes' due dates count it (started, else scheduled). */
const meetingDay = sql<string>`to_char((coalesce(${meetings.startedAt}, ${meetings.scheduledAt}) at time zone 'Europe/London')::date, 'YYYY-MM-DD')`;

/** Meetings of the unit that ended (were held) in the period. */
function heldIn(unitId: string, start: Date, end: Date) {
	return and(
		eq(meetings.unitId, unitId),
		eq(meetings.status, 'ended'),
		gte(meetings.scheduledAt, start),
		lt(meetings.scheduledAt, end)
	);
}

/** On time or late against a working-day due date, for rows of { meetingId, day, doneOn }. */
function onTime(
	rows: { meetingId: string; kind: MeetingKind; day: string; doneOn: string | null }[],
	dueOf: (day: CalendarDate) => CalendarDate,
	asOf: CalendarDate
): OnTimeFigure {
	const figure: OnTimeFigure = { due: 0, onTime: 0, late: [] };
	// A year has a few hundred meeting days: each due date and each gap is worked out once.
	const dues = new Map<CalendarDate, CalendarDate>();
	const gaps = new Map<string, number>();
	for (const row of rows) {
		let dueBy = dues.get(row.day);
		if (dueBy === undefined) dues.set(row.day, (dueBy = dueOf(row.day)));
		if (!row.doneOn && compareDates(asOf, dueBy) <= 0) continue; // not due yet
		figure.due++;
		if (row.doneOn && compareDates(row.doneOn, dueBy) <= 0) {
			figure.onTime++;
			continue;
		}
		const doneOrToday = row.doneOn ?? asOf;
		const gapKey = `${dueBy} ${doneOrToday}`;
		let gap = gaps.get(gapKey);
		if (gap === undefined) gaps.set(gapKey, (gap = workingDaysBetween(dueBy, doneOrToday)));
		figure.late.push({
			meetingId: row.meetingId,
			kind: row.kind,
			day: row.day,
			dueBy,
			workingDaysLate: Math.max(1, gap),
			done: row.doneOn !== null
		});
	}
	figure.late.sort((a, b) => b.workingDaysLate - a.workingDaysLate);
	return figure;
}

/** Every figure for the unit over [from, to] (London dates, inclusive); `asOf` is today unless given. */
export async function oversightFigures(props: {
	db: Database;
	unitId: string;
	from: CalendarDate;
	to: CalendarDate;
	asOf?: CalendarDate;
}): Promise<OversightFigures> {
	const { db, unitId, from, to } = props;
	const asOf = props.asOf ?? calendarDateOf(new Date());
	const start = startOfLondonDay(from);
	const end = startOfLondonDay(addDays(to, 1));
	const [
		held,
		plans,
		docRows,
		cic,
		agencyRows,
		advocacy,
		challengeFigures,
		loads,
		feedback,
		allegationRows,
		reg33,
		exploitation,
		missing
	] = await Promise.all([
		meetingsHeld(db, unitId, start, end),
		plansByMonth(db, unitId, from, to),
		documentRows(db, unitId, start, end),
		cicReviews(db, unitId, from, to, asOf),
		agencyFigures(db, unitId, start, end),
		advocacyFigures(db, unitId, start, end),
		challengeFiguresFor(db, unitId, start, end),
		caseloads(db, unitId, end),
		feedbackFigures(db, unitId, from, to),
		allegationRowsFor(db, unitId, start, end),
		reg33FiguresFor(db, unitId, from, to, asOf),
		exploitationFiguresFor({ db, unitId, from, to, start, end }),
		missingFiguresFor(db, unitId, start, end)
	]);
	return {
		from,
		to,
		asOf,
		meetingsHeld: withVisitsHeld(held, reg33),
		plans,
		plansOut: onTime(
			docRows.filter((r) => r.hasPlan).map((r) => ({ ...r, doneOn: r.planOut })),
			decisionLetterDue,
			asOf
		),
		notesOnTime: onTime(
			docRows.filter((r) => r.hasNotes).map((r) => ({ ...r, doneOn: r.notesFinal })),
			notesDueDate,
			asOf
		),
		cicReviews: cic,
		agencies: agencyRows,
		advocacy,
		challenges: challengeFigures,
		caseloads: loads,
		feedback,
		allegations: allegationFigures(allegationRows, from, to),
		reg33,
		exploitation,
		fosterCarerReviews: await fosterReviewFigures({ db, unitId, from, to, asOf, start, end }),
		missing
	};
}

/**
 * The unit's allegations received or concluded in the period, one row each with its London days
 * (the domain counts them: src/lib/domain/allegations.ts).
 */
async function allegationRowsFor(
	db: Database,
	unitId: string,
	start: Date,
	end: Date
): Promise<AllegationFigureRow[]> {
	// Whether any child concerned was in care, disabled or placed here, as their record said then.
	const anyChild = (column: AnyColumn) =>
		sql<boolean>`coalesce(bool_or(${column}), false)`.mapWith(Boolean);
	const rows = await db
		.select({
			sector: allegations.adultSector,
			nature: allegations.nature,
			receivedAt: allegations.receivedAt,
			outcome: allegations.outcome,
			outcomeAt: allegations.outcomeAt,
			childInCare: anyChild(allegationChildren.inCare),
			childDisabled: anyChild(allegationChildren.disabled),
			childPlacedByOtherAuthority: anyChild(allegationChildren.placedByOtherAuthority)
		})
		.from(allegations)
		.leftJoin(allegationChildren, eq(allegationChildren.allegationId, allegations.id))
		.where(
			and(
				eq(allegations.unitId, unitId),
				or(
					and(gte(allegations.receivedAt, start), lt(allegations.receivedAt, end)),
					and(gte(allegations.outcomeAt, start), lt(allegations.outcomeAt, end))
				)
			)
		)
		.groupBy(allegations.id);
	return rows.map((row) => ({
		childInCare: row.childInCare,
		childDisabled: row.childDisabled,
		childPlacedByOtherAuthority: row.childPlacedByOtherAuthority,
		sector: row.sector,
		nature: row.nature,
		receivedOn: londonDay(row.receivedAt),
		outcome: row.outcome,
		concludedOn: row.outcomeAt ? londonDay(row.outcomeAt) : null
	}));
}

/**
 * Feedback answered in the period (issue 27), added up in the database: by kind of person, by
 * kind of meeting, by chair, by month, and the comments (stored with names already removed).
 */
async function feedbackFigures(
	db: Database,
	unitId: string,
	from: CalendarDate,
	to: CalendarDate
): Promise<FeedbackFigures> {
	const where = and(
		eq(meetingFeedback.unitId, unitId),
		gte(meetingFeedback.answeredOn, from),
		lte(meetingFeedback.answeredOn, to)
	);
	const scores = {
		responses: count(),
		listened: sql<number>`coalesce(sum(${meetingFeedback.listenedTo}), 0)`,
		next: sql<number>`coalesce(sum(${meetingFeedback.knowWhatNext}), 0)`
	};
	const scored = (r: { responses: unknown; listened: unknown; next: unknown }): FeedbackScores => ({
		responses: int(r.responses),
		listenedTo: meanScore(int(r.listened), int(r.responses)),
		knowWhatNext: meanScore(int(r.next), int(r.responses))
	});
	const month = sql<string>`to_char(${meetingFeedback.answeredOn}, 'YYYY-MM')`;
	const [byRole, byKind, byChair, byMonth, comments] = await Promise.all([
		db
			.select({ respondent: meetingFeedback.respondent, ...scores })
			.from(meetingFeedback)
			.where(where)
			.groupBy(meetingFeedback.respondent),
		db
			.select({ kind: meetingFeedback.kind, ...scores })
			.from(meetingFeedback)
			.where(where)
			.groupBy(meetingFeedback.kind)
			.orderBy(meetingFeedback.kind),
		db
			.select({ chairId: meetingFeedback.chairId, name: users.name, ...scores })
			.from(meetingFeedback)
			.leftJoin(users, eq(users.id, meetingFeedback.chairId))
			.where(where)
			.groupBy(meetingFeedback.chairId, users.name)
			.orderBy(users.name),
		db
			.select({ month, ...scores })
			.from(meetingFeedback)
			.where(where)
			.groupBy(month)
			.orderBy(month),
		db
			.select({
				month,
				kind: meetingFeedback.kind,
				respondent: meetingFeedback.respondent,
				better: meetingFeedback.better,
				officerDifference: meetingFeedback.officerDifference
			})
			.from(meetingFeedback)
			.where(
				and(where, or(ne(meetingFeedback.better, ''), ne(meetingFeedback.officerDifference, '')))
			)
			.orderBy(desc(meetingFeedback.answeredOn))
			.limit(200)
	]);
	const total = byRole.reduce(
		(sum, r) => ({
			responses: sum.responses + int(r.responses),
			listened: sum.listened + int(r.listened),
			next: sum.next + int(r.next)
		}),
		{ responses: 0, listened: 0, next: 0 }
	);
	const roleCount = (who: FeedbackRespondent) =>
		int(byRole.find((r) => r.respondent === who)?.responses);
	return {
		...scored(total),
		byRole: {
			parent: roleCount('parent'),
			child: roleCount('child'),
			professional: roleCount('professional')
		},
		byKind: byKind.map((r) => ({ kind: r.kind, ...scored(r) })),
		byChair: byChair.map((r) => ({
			chairId: r.chairId ?? '',
			name: r.name ?? 'No chair',
			...scored(r)
		})),
		byMonth: byMonth.map((r) => ({ month: r.month, ...scored(r) })),
		comments
	};
}

async function meetingsHeld(db: Database, unitId: string, start: Date, end: Date) {
	const rows = await db
		.select({ kind: meetings.kind, count: count() })
		.from(meetings)
		.where(heldIn(unitId, start, end))
		.groupBy(meetings.kind)
		.orderBy(desc(count()), asc(meetings.kind));
	// Every kind of meeting is in the table, those none of were held with 0 (issue 21: Life
	// Appreciation Days and disruption meetings were left out when there were none).
	const held = rows.map((r) => ({ kind: r.kind, count: int(r.count) }));
	const none = meetingKinds
		.filter((kind) => !held.some((h) => h.kind === kind))
		.map((kind) => ({ kind, count: 0 }));
	return [...held, ...none];
}

/** The months from `from`'s to `to`'s, as YYYY-MM. */
function monthsOf(from: CalendarDate, to: CalendarDate): string[] {
	const months: string[] = [];
	for (let m = from.slice(0, 7); m <= to.slice(0, 7);) {
		months.push(m);
		const [y, mm] = m.split('-').map(Number);
		m = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
	}
	return months;
}

/**
 * Month by month: children whose plan started, whose plan ended, and the children subject to a
 * plan at the month's end (their latest plan event on or before that day is a start), in one
 * query over the unit's plan register (`child_plans`).
 */
async function plansByMonth(db: Database, unitId: string, from: CalendarDate, to: CalendarDate) {
	type Row = { month: string; started: number; ended: number; subject: number };
	const result: unknown = await db.execute(sql`
		with plans as (
			select ${childPlans.childId} as child_id, ${childPlans.startedOn} as started_on,
				${childPlans.startedAt} as started_at, ${childPlans.endedOn} as ended_on,
				${childPlans.endedAt} as ended_at
			from ${childPlans}
			join ${children} on ${children.id} = ${childPlans.childId}
			join ${families} on ${families.id} = ${children.familyId}
			where ${families.unitId} = ${unitId} and ${childPlans.startedOn} <= ${to}
		),
		ev as (
			select child_id, 'plan-started' as kind, started_on as day, started_at as at from plans
			union all
			select child_id, 'plan-ended', ended_on, coalesce(ended_at, started_at) from plans
			where ended_on is not null and ended_on <= ${to}
		),
		months as (
			select to_char(m, 'YYYY-MM') as month,
				(m + interval '1 month' - interval '1 day')::date as month_end
			from generate_series(date_trunc('month', ${from}::date), ${to}::date, interval '1 month') m
		)
		select months.month,
			(select count(distinct child_id) from ev
				where kind = 'plan-started' and to_char(day, 'YYYY-MM') = months.month
					and day >= ${from}::date)::int as started,
			(select count(distinct child_id) from ev
				where kind = 'plan-ended' and to_char(day, 'YYYY-MM') = months.month
					and day >= ${from}::date)::int as ended,
			(select count(*) from (
				select distinct on (child_id) child_id, kind from ev
				where day <= months.month_end
				order by child_id, day desc, at desc
			) latest where latest.kind = 'plan-started')::int as subject
		from months
		order by months.month`);
	// postgres-js answers an array of rows, PGlite an object with `rows`.
	const rows = (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
	const byMonth = new Map(
		rows.map((r) => [
			r.month,
			{ started: int(r.started), ended: int(r.ended), subject: int(r.subject) }
		])
	);
	return monthsOf(from, to).map((month) => ({
		month,
		...(byMonth.get(month) ?? { started: 0, ended: 0, subject: 0 })
	}));
}

/**
 * One row per held meeting that made a 24-hour plan or notes, in one pass: its day, when the
 * plan was first sent out (circulation) and when the notes were first approved as final.
 */
async function documentRows(db: Database, unitId: string, start: Date, end: Date) {
	const rows = await db
		.select({
			meetingId: meetings.id,
			kind: meetings.kind,
			at: sql`${meetingAt}`.mapWith(meetings.scheduledAt),
			hasPlan: sql<boolean>`bool_or(${meetingDocuments.kind} = 'plan-24h')`,
			hasNotes: sql<boolean>`bool_or(${meetingDocuments.kind} = 'notes')`,
			planOut: sql<Date | null>`min(${circulation.createdAt})`.mapWith(circulation.createdAt),
			notesFinal:
				sql<Date | null>`min(${meetingDocuments.approvedAt}) filter (where ${meetingDocuments.kind} = 'notes' and ${meetingDocuments.state} = 'final')`.mapWith(
					meetingDocuments.approvedAt
				)
		})
		.from(meetings)
		.innerJoin(
			meetingDocuments,
			and(
				eq(meetingDocuments.meetingId, meetings.id),
				inArray(meetingDocuments.kind, ['plan-24h', 'notes'])
			)
		)
		.leftJoin(
			circulation,
			and(eq(circulation.documentId, meetingDocuments.id), eq(meetingDocuments.kind, 'plan-24h'))
		)
		.where(heldIn(unitId, start, end))
		.groupBy(meetings.id);
	return rows.map((r) => ({
		meetingId: r.meetingId,
		kind: r.kind,
		day: londonDay(r.at),
		hasPlan: r.hasPlan,
		hasNotes: r.hasNotes,
		planOut: r.planOut === null ? null : londonDay(r.planOut),
		notesFinal: r.notesFinal === null ? null : londonDay(r.notesFinal)
	}));
}

/**
 * Child in care reviews: each child in care with the days their reviews were held; the domain
 * chains the due dates (first within 20 working days, then 3 months, then every 6 months).
 */
async function cicReviews(
	db: Database,
	unitId: string,
	from: CalendarDate,
	to: CalendarDate,
	asOf: CalendarDate
): Promise<OversightFigures['cicReviews']> {
	const reviews = sql<
		string | null
	>`string_agg(${meetings.id} || ' ' || (extract(epoch from ${meetingAt}) * 1000)::bigint, ',' order by ${meetings.scheduledAt})`;
	const rows = await db
		.select({ childId: children.id, since: children.inCareSince, reviews })
		.from(children)
		.innerJoin(families, eq(families.id, children.familyId))
		.leftJoin(meetingChildren, eq(meetingChildren.childId, children.id))
		.leftJoin(
			meetings,
			and(
				eq(meetings.id, meetingChildren.meetingId),
				eq(meetings.kind, 'cic-review'),
				eq(meetings.status, 'ended'),
				sql`${meetings.scheduledAt} >= ${children.inCareSince}::date`
			)
		)
		.where(and(eq(families.unitId, unitId), isNotNull(children.inCareSince)))
		.groupBy(children.id);
	const figure: OversightFigures['cicReviews'] = {
		held: 0,
		withinTimescale: 0,
		late: [],
		dueSoon: []
	};
	const soon = addDays(asOf, 30);
	for (const row of rows) {
		let dueBy = firstCicReviewDue(row.since!);
		let number = 0;
		for (const entry of row.reviews ? row.reviews.split(',') : []) {
			const [meetingId, epochMs] = entry.split(' ');
			const heldOn = londonDay(Number(epochMs));
			if (compareDates(heldOn, from) >= 0 && compareDates(heldOn, to) <= 0) {
				figure.held++;
				if (compareDates(heldOn, dueBy) <= 0) figure.withinTimescale++;
				else
					figure.late.push({
						meetingId,
						dueBy,
						heldOn,
						daysLate: toDayNumber(heldOn) - toDayNumber(dueBy)
					});
			}
			number++;
			dueBy = number === 1 ? secondCicReviewDue(heldOn) : laterCicReviewDue(heldOn);
		}
		if (compareDates(dueBy, asOf) >= 0 && compareDates(dueBy, soon) <= 0) {
			figure.dueSoon.push({ childId: row.childId, dueBy });
		}
	}
	figure.dueSoon.sort((a, b) => compareDates(a.dueBy, b.dueBy));
	return figure;
}

async function agencyFigures(db: Database, unitId: string, start: Date, end: Date) {
	const countIf = (condition: ReturnType<typeof sql>) =>
		sql<number>`count(*) filter (where ${condition})::int`;
	const rows = await db
		.select({
			agency: agencies.name,
			invited: sql<number>`count(*)::int`,
			// Present in the room or online, or there until they left early (issue 21's register).
			attended: countIf(
				sql`${meetingParticipants.attendance} in ('present', 'present-online', 'left-early')`
			),
			apologies: countIf(sql`${meetingParticipants.attendance} = 'apologies'`),
			reportsRequested: countIf(sql`${meetingParticipants.reportRequested}`),
			reportsReceived: countIf(sql`${meetingParticipants.reportReceivedAt} is not null`),
			reportsBefore: countIf(
				sql`${meetingParticipants.reportReceivedAt} < coalesce(${meetings.startedAt}, ${meetings.scheduledAt})`
			),
			reportsAfter: countIf(
				sql`${meetingParticipants.reportReceivedAt} >= coalesce(${meetings.startedAt}, ${meetings.scheduledAt})`
			),
			// Shared with the parents before the meeting: a report kept in the app by when it was
			// shared; one only ticked in the register (a paper report) by the tick and its arrival.
			sharedBefore: countIf(
				sql`case when exists (select 1 from ${professionalReports} r where r.participant_id = ${meetingParticipants.id} and r.shared_with_parents_at is not null)
					then exists (select 1 from ${professionalReports} r where r.participant_id = ${meetingParticipants.id} and r.shared_with_parents_at < coalesce(${meetings.startedAt}, ${meetings.scheduledAt}))
					else ${meetingParticipants.reportSharedWithParents} and ${meetingParticipants.reportReceivedAt} < coalesce(${meetings.startedAt}, ${meetings.scheduledAt}) end`
			)
		})
		.from(meetingParticipants)
		.innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
		.innerJoin(agencies, eq(agencies.id, meetingParticipants.agencyId))
		.where(and(heldIn(unitId, start, end), eq(meetingParticipants.role, 'professional')))
		.groupBy(agencies.name)
		.orderBy(desc(sql`count(*)`), asc(agencies.name));
	return rows.map((r) => ({
		agency: r.agency,
		invited: int(r.invited),
		attended: int(r.attended),
		apologies: int(r.apologies),
		reportsRequested: int(r.reportsRequested),
		reportsReceived: int(r.reportsReceived),
		reportsBefore: int(r.reportsBefore),
		reportsAfter: int(r.reportsAfter),
		sharedBefore: int(r.sharedBefore)
	}));
}

/** Children over 5 at initial and review conferences: offered an advocate, and who took one up. */
async function advocacyFigures(db: Database, unitId: string, start: Date, end: Date) {
	const conferences = and(
		heldIn(unitId, start, end),
		inArray(meetings.kind, ['initial-conference', 'review-conference'])
	);
	// Children over 5 on the meeting's day as the app offers them an advocate (the domain's
	// advocacyForChild: over 5 in whole years, or age unknown); the parents' offers apart.
	const overFive = sql`(${children.dateOfBirth} is null or extract(year from age(${meetingDay}::date, ${children.dateOfBirth})) > 5)`;
	const [eligible] = await db
		.select({ n: sql<number>`count(*)::int` })
		.from(meetingChildren)
		.innerJoin(meetings, eq(meetings.id, meetingChildren.meetingId))
		.innerJoin(children, eq(children.id, meetingChildren.childId))
		.where(and(conferences, overFive));
	const [offers] = await db
		.select({
			offered: sql<number>`count(*) filter (where ${advocacyOffers.childId} is not null and ${overFive} and ${advocacyOffers.offered})::int`,
			takenUp: sql<number>`count(*) filter (where ${advocacyOffers.childId} is not null and ${overFive} and ${advocacyOffers.offered} and ${advocacyOffers.accepted})::int`,
			parentsOffered: sql<number>`count(*) filter (where ${advocacyOffers.childId} is null and ${advocacyOffers.offered})::int`
		})
		.from(advocacyOffers)
		.innerJoin(meetings, eq(meetings.id, advocacyOffers.meetingId))
		.leftJoin(children, eq(children.id, advocacyOffers.childId))
		.where(conferences);
	return {
		eligible: int(eligible?.n),
		offered: int(offers?.offered),
		takenUp: int(offers?.takenUp),
		parentsOffered: int(offers?.parentsOffered)
	};
}

/** Challenges raised in the period: where each stands now, and how far the resolved ones went. */
async function challengeFiguresFor(db: Database, unitId: string, start: Date, end: Date) {
	const inPeriod = and(
		eq(challenges.unitId, unitId),
		gte(challenges.raisedAt, start),
		lt(challenges.raisedAt, end)
	);
	const byStage = await db
		.select({ stage: challenges.stage, count: count() })
		.from(challenges)
		.where(inPeriod)
		.groupBy(challenges.stage);
	const furthest = sql<ChallengeStage>`(select case when bool_or(s.stage = 'escalated') then 'escalated' when bool_or(s.stage = 'formal') then 'formal' else 'informal' end from challenge_steps s where s.challenge_id = "challenges"."id")`;
	const resolved = await db
		.select({ stage: furthest, count: count() })
		.from(challenges)
		.where(and(inPeriod, eq(challenges.stage, 'resolved')))
		.groupBy(furthest);
	const order = challengeStages;
	const stages = new Map(byStage.map((r) => [r.stage, int(r.count)]));
	const after = new Map(resolved.map((r) => [r.stage, int(r.count)]));
	return {
		raised: [...stages.values()].reduce((a, b) => a + b, 0),
		byStage: order.map((stage) => ({ stage, count: stages.get(stage) ?? 0 })),
		resolvedAfter: order.slice(0, 3).map((stage) => ({ stage, count: after.get(stage) ?? 0 }))
	};
}

/**
 * Each chair's caseload at the end of the period: the children whose latest meeting in the 7
 * months before (a review falls due every 6 months) they chaired, unless that was a child in
 * need review (not a child protection or care case), and the children in care they are the
 * reviewing officer for; against their own limit (70 unless the unit set another).
 */
async function caseloads(db: Database, unitId: string, end: Date) {
	const since = new Date(end.getTime() - 214 * 86_400_000);
	const latest = db.$with('latest').as(
		db
			.selectDistinctOn([meetingChildren.childId], {
				childId: meetingChildren.childId,
				chairId: sql<string>`${meetings.chairId}`.as('chair_id'),
				kind: sql<string>`${meetings.kind}`.as('latest_kind')
			})
			.from(meetingChildren)
			.innerJoin(meetings, eq(meetings.id, meetingChildren.meetingId))
			.where(
				and(
					eq(meetings.unitId, unitId),
					ne(meetings.status, 'cancelled'),
					gte(meetings.scheduledAt, since),
					lt(meetings.scheduledAt, end)
				)
			)
			.orderBy(meetingChildren.childId, desc(meetings.scheduledAt))
	);
	const iro = db
		.select({ childId: children.id, chairId: sql<string>`${children.iroId}`.as('chair_id') })
		.from(children)
		.innerJoin(families, eq(families.id, children.familyId))
		.where(
			and(isNotNull(children.iroId), isNotNull(children.inCareSince), eq(families.unitId, unitId))
		);
	const cases = db
		.$with('cases')
		.as(
			db
				.with(latest)
				.select({ childId: latest.childId, chairId: latest.chairId })
				.from(latest)
				.where(ne(latest.kind, 'cin-review'))
				.union(iro)
		);
	const rows = await db
		.with(cases)
		.select({
			userId: users.id,
			name: users.name,
			limit: users.caseloadLimit,
			count: sql<number>`count(distinct ${cases.childId})::int`
		})
		.from(users)
		.leftJoin(cases, eq(cases.chairId, users.id))
		.where(and(eq(users.unitId, unitId), eq(users.role, 'chair'), isNull(users.disabledAt)))
		.groupBy(users.id)
		.orderBy(asc(users.name));
	return rows.map((r) => ({
		userId: r.userId,
		name: r.name,
		count: int(r.count),
		limit: r.limit ?? DEFAULT_CASELOAD_LIMIT
	}));
}
