/**
 * Finding one child among a unit's thousand to schedule a meeting about: by name, preferred
 * name, family or date of birth, in the scheduler's own unit only, each with what tells two
 * children apart (date of birth, family, age) and their clocks (the page proposes a date).
 */
import { and, asc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import type { Database } from '../db';
import { children, families } from '../db/schema';
import { readChildQuery, type ChildChoice } from '../../domain/child-search';
import { ageOn } from '../../domain/child-clocks';
import { todayIn } from '../../domain/calendar-date';
import { familyTitle } from '../../domain/plain-words';
import { dueMeetingsOf } from './clocks';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/**
 * The unit's children matching the query (at most `limit`, by name), or none for an empty one;
 * with `ids`, those of the unit's children (the ones already chosen).
 */
export async function searchChildren(props: {
	db: Database;
	unitId: string;
	q?: string;
	ids?: readonly string[];
	limit?: number;
}): Promise<ChildChoice[]> {
	const { db, unitId } = props;
	const query = readChildQuery(props.q ?? '');
	const conditions: SQL[] = [eq(families.unitId, unitId)];
	for (const word of query.words) {
		const pattern = `%${escapeLike(word)}%`;
		conditions.push(
			or(
				ilike(children.name, pattern),
				ilike(children.preferredName, pattern),
				ilike(families.name, pattern)
			)!
		);
	}
	if (query.dateOfBirth) conditions.push(eq(children.dateOfBirth, query.dateOfBirth));
	const asked = props.ids !== undefined;
	if (asked) {
		const ids = props.ids!.filter((id) => typeof id === 'string' && id.length <= 64).slice(0, 100);
		if (ids.length === 0) return [];
		conditions.push(inArray(children.id, ids));
	} else if (query.words.length === 0 && !query.dateOfBirth) return [];
	const rows = await db
		.select({
			id: children.id,
			name: children.name,
			preferredName: children.preferredName,
			dateOfBirth: children.dateOfBirth,
			family: families.name
		})
		.from(children)
		.innerJoin(families, eq(families.id, children.familyId))
		.where(and(...conditions))
		.orderBy(asc(children.name), asc(children.dateOfBirth), asc(families.name))
		.limit(asked ? 100 : Math.min(props.limit ?? 20, 50));
	const { due } = await dueMeetingsOf(
		db,
		rows.map((row) => row.id)
	);
	const today = todayIn();
	return rows.map((row) => ({
		...row,
		family: familyTitle(row.family),
		age: row.dateOfBirth ? ageOn(row.dateOfBirth, today) : null,
		due: due.get(row.id) ?? {}
	}));
}
