/**
 * What every command keeping a unit's families shares (issue 12): only chairs and business
 * support of the unit keep them (`mayManageFamilies`); a family or child of another unit, or none,
 * is answered as missing (404); names and dates are checked the same way everywhere. The commands
 * themselves live one to a file in ./commands/.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { children, families } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { storableText } from '../db/storable';
import { mayManageFamilies } from '../../policy';
import { typedDateProblem, todayIn, compareDates } from '../../domain/calendar-date';
import { tooLong, type TextLimit } from '../../domain/text-limits';
import { isId } from './queries';
import { CommandError, badInput } from '../command-error';

export const familyNotFound = () => new CommandError(404, 'Not found', 'id');

export function keeper(user: SessionUser): SessionUser & { unitId: string } {
	if (!mayManageFamilies(user)) throw familyNotFound();
	return user as SessionUser & { unitId: string };
}

export function requiredText(
	field: string,
	value: string,
	what: string,
	limit: TextLimit = 'name'
): string {
	const clean = storableText(value ?? '').trim();
	if (!clean) throw badInput(field, `Enter ${what}.`);
	const long = tooLong(clean, limit, `the ${field === 'name' ? 'name' : field}`);
	if (long) throw badInput(field, long);
	return clean;
}

export function pastDate(field: string, value: string, what: string): string {
	const problem = typedDateProblem(value ?? '');
	if (problem) throw badInput(field, problem);
	if (compareDates(value, todayIn()) > 0) throw badInput(field, `${what} cannot be after today.`);
	return value;
}

export async function unitFamily(
	db: Database,
	user: SessionUser & { unitId: string },
	familyId: string
) {
	if (!isId(familyId)) return null;
	const [family] = await db
		.select()
		.from(families)
		.where(and(eq(families.id, familyId), eq(families.unitId, user.unitId)));
	return family ?? null;
}

export async function unitChild(
	db: Database,
	user: SessionUser & { unitId: string },
	childId: string
) {
	if (!isId(childId)) return null;
	const [row] = await db
		.select({ child: children })
		.from(children)
		.innerJoin(families, eq(families.id, children.familyId))
		.where(and(eq(children.id, childId), eq(families.unitId, user.unitId)));
	return row?.child ?? null;
}

/**
 * Is this one of the user's unit's families (and may they manage it)? The API asks before
 * reading a body, so another unit's family is answered 404, as a missing id, not 400 (issue 20).
 */

export async function keepsFamily(props: {
	db: Database;
	user: SessionUser;
	familyId: string;
}): Promise<boolean> {
	if (!mayManageFamilies(props.user)) return false;
	return (await unitFamily(props.db, keeper(props.user), props.familyId)) !== null;
}

/** Is this a child of one of the user's unit's families (and may they manage it)? As `keepsFamily`. */

export async function keepsChild(props: {
	db: Database;
	user: SessionUser;
	childId: string;
}): Promise<boolean> {
	if (!mayManageFamilies(props.user)) return false;
	return (await unitChild(props.db, keeper(props.user), props.childId)) !== null;
}
