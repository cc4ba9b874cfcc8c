/**
 * The oversight figures for Regulation 33 visits (issue 25): each of the unit's children's homes,
 * its visits in the period month by month and the months that ended without one (counted by the
 * domain: src/lib/domain/reg33.ts). Relative imports: it runs under plain Node too.
 */
import { and, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Database } from '../db';
import { childrensHomes, reg33Visits } from '../db/schema';
import { reg33Figures, type Reg33Figures } from '../../domain/reg33';
import type { CalendarDate } from '../../domain/calendar-date';
import type { MeetingKind } from '../../domain/vocabulary';

/** The unit's Regulation 33 figures over [from, to] (London dates, inclusive). */
export async function reg33FiguresFor(
	db: Database,
	unitId: string,
	from: CalendarDate,
	to: CalendarDate,
	asOf: CalendarDate
): Promise<Reg33Figures> {
	const homes = await db
		.select({
			id: childrensHomes.id,
			name: childrensHomes.name,
			recordedOn: childrensHomes.recordedOn
		})
		.from(childrensHomes)
		.where(eq(childrensHomes.unitId, unitId))
		.orderBy(childrensHomes.name);
	const visits = homes.length
		? await db
				.select({ homeId: reg33Visits.homeId, visitedOn: reg33Visits.visitedOn })
				.from(reg33Visits)
				.where(
					and(
						inArray(
							reg33Visits.homeId,
							homes.map((h) => h.id)
						),
						gte(reg33Visits.visitedOn, from),
						lte(reg33Visits.visitedOn, to)
					)
				)
		: [];
	return reg33Figures({
		homes: homes.map((home) => ({
			name: home.name,
			recordedOn: home.recordedOn,
			visitDates: visits.filter((v) => v.homeId === home.id).map((v) => v.visitedOn)
		})),
		from,
		to,
		asOf
	});
}

/**
 * The meetings held by kind, with the Regulation 33 visits of the period counted as held: they are
 * visits of their own, not rows of `meetings`, so that table would otherwise say 0.
 */
export function withVisitsHeld(
	held: { kind: MeetingKind; count: number }[],
	figures: Reg33Figures
): { kind: MeetingKind; count: number }[] {
	const visits = figures.homes.reduce((n, home) => n + home.visits, 0);
	return held.map((row) => (row.kind === 'reg33-visit' ? { ...row, count: visits } : row));
}
