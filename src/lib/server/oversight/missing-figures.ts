/**
 * The unit's missing-from-home episodes a period touches, one row each (issue 25); the domain
 * counts them (src/lib/domain/missing-figures.ts). Runs in SvelteKit and under plain Node, so
 * imports are relative.
 */
import { and, eq, gte, isNull, lt, or } from 'drizzle-orm';
import type { Database } from '../db';
import { children, families, missingEpisodes } from '../db/schema';
import { missingFigures, type MissingFigures } from '../../domain/missing-figures';

/** The figures over [start, end) for the unit's episodes (scoped through the child's family). */
export async function missingFiguresFor(
	db: Database,
	unitId: string,
	start: Date,
	end: Date
): Promise<MissingFigures> {
	const rows = await db
		.select({
			wentMissingAt: missingEpisodes.wentMissingAt,
			foundAt: missingEpisodes.foundAt,
			returnInterviewAt: missingEpisodes.returnInterviewAt,
			escalatedAt: missingEpisodes.escalatedAt
		})
		.from(missingEpisodes)
		.innerJoin(children, eq(children.id, missingEpisodes.childId))
		.innerJoin(families, eq(families.id, children.familyId))
		.where(
			and(
				eq(families.unitId, unitId),
				lt(missingEpisodes.wentMissingAt, end),
				// Closed before the period began: nothing of it falls in the period.
				or(
					isNull(missingEpisodes.returnInterviewAt),
					gte(missingEpisodes.returnInterviewAt, start),
					gte(missingEpisodes.escalatedAt, start)
				)
			)
		);
	return missingFigures(rows, start, end);
}
