/**
 * The LADO's list of cases (issue 25, `/allegations`): the unit's open allegations with their
 * clocks — the initial consideration, and each child placed here by another authority not yet
 * seen by it — the ones whose clocks have run out first; then the cases concluded lately.
 * For those who work the unit's cases only (`mayWorkAllegations`); anyone else gets null.
 */
import { and, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import type { SessionUser } from '../auth/session';
import { allegationChildren, allegations, children } from '../db/schema';
import { mayWorkAllegations } from '../../policy';
import { calendarDateOf, compareDates, type CalendarDate } from '../../domain/calendar-date';
import { overdueClocks, placedChildOverdue, placingAuthorityDueBy } from '../../domain/allegations';
import type {
	AllegationNature,
	AllegationOutcome,
	AllegationSector
} from '../../domain/vocabulary';

/** How many concluded cases the list shows beneath the open ones. */
const CONCLUDED_SHOWN = 20;

export interface CaseRow {
	id: string;
	adultName: string;
	adultRole: string;
	employer: string;
	sector: AllegationSector;
	nature: AllegationNature;
	receivedOn: CalendarDate;
	considerationDueBy: CalendarDate;
	consideredOn: CalendarDate | null;
	considerationOverdue: boolean;
	/** Children placed here by another authority and not seen by it in time. */
	unseenPlacedChildren: {
		id: string;
		name: string;
		authority: string | null;
		dueBy: CalendarDate;
	}[];
	overdue: number;
	outcome: AllegationOutcome | null;
	concludedOn: CalendarDate | null;
}

/** The unit's open cases (overdue first, then oldest first) and its latest concluded ones. */
export async function allegationList(props: {
	db: Database;
	user: SessionUser;
	now?: Date;
}): Promise<{ open: CaseRow[]; concluded: CaseRow[] } | null> {
	const { db, user } = props;
	if (!mayWorkAllegations(user) || !user.unitId) return null;
	const today = calendarDateOf(props.now ?? new Date());
	const columns = {
		id: allegations.id,
		adultName: allegations.adultName,
		adultRole: allegations.adultRole,
		employer: allegations.adultEmployer,
		sector: allegations.adultSector,
		nature: allegations.nature,
		receivedAt: allegations.receivedAt,
		considerationDueBy: allegations.considerationDueBy,
		consideredAt: allegations.consideredAt,
		outcome: allegations.outcome,
		outcomeAt: allegations.outcomeAt
	};
	const [open, concluded] = await Promise.all([
		db
			.select(columns)
			.from(allegations)
			.where(and(eq(allegations.unitId, user.unitId), isNull(allegations.outcome)))
			.orderBy(allegations.receivedAt),
		db
			.select(columns)
			.from(allegations)
			.where(and(eq(allegations.unitId, user.unitId), isNotNull(allegations.outcome)))
			.orderBy(desc(allegations.outcomeAt))
			.limit(CONCLUDED_SHOWN)
	]);
	const placed =
		open.length === 0
			? []
			: await db
					.select({
						allegationId: allegationChildren.allegationId,
						id: children.id,
						name: children.name,
						authority: children.placedByAuthority,
						seenOn: allegationChildren.seenByPlacingAuthorityOn
					})
					.from(allegationChildren)
					.innerJoin(children, eq(children.id, allegationChildren.childId))
					.where(
						and(
							inArray(
								allegationChildren.allegationId,
								open.map((row) => row.id)
							),
							eq(allegationChildren.placedByOtherAuthority, true)
						)
					)
					.orderBy(children.name);
	const rowOf = (row: (typeof open)[number]): CaseRow => {
		const receivedOn = calendarDateOf(row.receivedAt);
		const consideredOn = row.consideredAt ? calendarDateOf(row.consideredAt) : null;
		const dueBy = placingAuthorityDueBy(receivedOn);
		const mine = row.outcome ? [] : placed.filter((child) => child.allegationId === row.id);
		return {
			id: row.id,
			adultName: row.adultName,
			adultRole: row.adultRole,
			employer: row.employer,
			sector: row.sector,
			nature: row.nature,
			receivedOn,
			considerationDueBy: row.considerationDueBy,
			consideredOn,
			considerationOverdue:
				consideredOn === null && compareDates(today, row.considerationDueBy) > 0,
			unseenPlacedChildren: mine
				.filter((child) => placedChildOverdue({ seenOn: child.seenOn, dueBy }, today))
				.map((child) => ({ id: child.id, name: child.name, authority: child.authority, dueBy })),
			overdue: row.outcome
				? 0
				: overdueClocks(
						{
							considerationDueBy: row.considerationDueBy,
							consideredOn,
							placedChildren: mine.map((child) => ({ seenOn: child.seenOn, dueBy }))
						},
						today
					),
			outcome: row.outcome,
			concludedOn: row.outcomeAt ? calendarDateOf(row.outcomeAt) : null
		};
	};
	const openRows = open.map(rowOf);
	// Overdue first (most clocks run out first), then the oldest referral first.
	openRows.sort((a, b) => b.overdue - a.overdue || compareDates(a.receivedOn, b.receivedOn));
	return { open: openRows, concluded: concluded.map(rowOf) };
}
