/**
 * Children's homes and their Regulation 33 visits (issue 25): reading them. Every query is scoped
 * to the viewer's unit; a viewer who may not work the unit's homes (`mayWorkHomes`), or a home of
 * another unit, is answered null (a 404). Recording a home, a visit, its findings, sending its
 * report and recording it for Ofsted are one command a file in ./commands/.
 */
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import type { SessionUser } from '../auth/session';
import { childrensHomes, reg33Visits, type ChildrensHome, type Reg33Visit } from '../db/schema';
import { mayWorkHomes } from '../../policy';
import { homeCadence, homesInOrder, type HomeCadence } from '../../domain/reg33';
import type { CalendarDate } from '../../domain/calendar-date';

export const isObject = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** A body's value as trimmed text; empty for anything that is not a string. */
export const words = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

/** The viewer's unit's home by id, or null (not theirs, not one, or not theirs to work). */
export async function unitHome(
	db: Database,
	user: SessionUser,
	id: string
): Promise<ChildrensHome | null> {
	if (!mayWorkHomes(user) || !user.unitId) return null;
	const [home] = await db
		.select()
		.from(childrensHomes)
		.where(and(eq(childrensHomes.id, id), eq(childrensHomes.unitId, user.unitId)));
	return home ?? null;
}

/** A visit to one of the viewer's unit's homes, with its home, or null. */
export async function unitVisit(
	db: Database,
	user: SessionUser,
	visitId: string
): Promise<{ visit: Reg33Visit; home: ChildrensHome } | null> {
	if (!mayWorkHomes(user) || !user.unitId) return null;
	const [row] = await db
		.select({ visit: reg33Visits, home: childrensHomes })
		.from(reg33Visits)
		.innerJoin(childrensHomes, eq(childrensHomes.id, reg33Visits.homeId))
		.where(and(eq(reg33Visits.id, visitId), eq(childrensHomes.unitId, user.unitId)));
	return row ?? null;
}

export interface HomeSummary {
	id: string;
	name: string;
	ofstedUrn: string;
	managerName: string;
	cadence: HomeCadence;
}

/** Each home's visit dates, by home id. */
async function visitDatesOf(db: Database, homeIds: string[]): Promise<Map<string, string[]>> {
	const byHome = new Map<string, string[]>();
	if (homeIds.length === 0) return byHome;
	const rows = await db
		.select({ homeId: reg33Visits.homeId, visitedOn: reg33Visits.visitedOn })
		.from(reg33Visits)
		.where(inArray(reg33Visits.homeId, homeIds));
	for (const row of rows)
		byHome.set(row.homeId, [...(byHome.get(row.homeId) ?? []), row.visitedOn]);
	return byHome;
}

/** A unit's homes with their cadence (the overdue first); no viewer check: callers make it. */
export async function homesOfUnit(props: {
	db: Database;
	unitId: string;
	today: CalendarDate;
}): Promise<HomeSummary[]> {
	const homes = await props.db
		.select()
		.from(childrensHomes)
		.where(eq(childrensHomes.unitId, props.unitId))
		.orderBy(asc(childrensHomes.name));
	const dates = await visitDatesOf(
		props.db,
		homes.map((h) => h.id)
	);
	return homesInOrder(
		homes.map((home) => ({
			id: home.id,
			name: home.name,
			ofstedUrn: home.ofstedUrn,
			managerName: home.managerName,
			cadence: homeCadence({
				recordedOn: home.recordedOn,
				visitDates: dates.get(home.id) ?? [],
				today: props.today
			})
		}))
	);
}

/** One home with its cadence and its visits, the latest first; null for a 404. */
export async function homeWithVisits(props: {
	db: Database;
	user: SessionUser;
	id: string;
	today: CalendarDate;
}): Promise<{ home: ChildrensHome; cadence: HomeCadence; visits: Reg33Visit[] } | null> {
	const home = await unitHome(props.db, props.user, props.id);
	if (!home) return null;
	const visits = await props.db
		.select()
		.from(reg33Visits)
		.where(eq(reg33Visits.homeId, home.id))
		.orderBy(desc(reg33Visits.visitedOn), desc(reg33Visits.createdAt));
	const cadence = homeCadence({
		recordedOn: home.recordedOn,
		visitDates: visits.map((v) => v.visitedOn),
		today: props.today
	});
	return { home, cadence, visits };
}
