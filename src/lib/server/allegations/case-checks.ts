/**
 * Checks shared by the steps of an allegation's case after the referral (issue 25), each step
 * one command a file in ./commands/: a day of the case typed as YYYY-MM-DD, and the child an
 * allegation concerns who was placed here by another authority. Each answers a 400 naming the
 * field when the input will not do.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { allegationChildren, children } from '../db/schema';
import { badInput } from '../command-error';
import { compareDates, typedDateProblem, type CalendarDate } from '../../domain/calendar-date';

/** A day typed as YYYY-MM-DD, not before the case was received nor after today. */
export function caseDay(
	value: unknown,
	field: string,
	what: string,
	receivedOn: CalendarDate,
	today: CalendarDate
): CalendarDate {
	const typed = typeof value === 'string' ? value.trim() : '';
	const problem = typed ? typedDateProblem(typed) : `Enter ${what}, for example 2026-12-07.`;
	if (problem) throw badInput(field, problem);
	if (compareDates(typed, receivedOn) < 0)
		throw badInput(field, `Enter ${what}: it cannot be before the allegation was received.`);
	if (compareDates(typed, today) > 0)
		throw badInput(field, `Enter ${what}: it cannot be in the future.`);
	return typed;
}

/** The child an allegation concerns who was placed here by another authority, or a 400. */
export async function placedChild(db: Database, allegationId: string, childId: unknown) {
	if (typeof childId !== 'string' || !childId)
		throw badInput('childId', 'Choose the child placed here by another authority.');
	const [child] = await db
		.select({
			childId: allegationChildren.childId,
			placedByOtherAuthority: allegationChildren.placedByOtherAuthority,
			placingAuthorityEmail: allegationChildren.placingAuthorityEmail,
			seenOn: allegationChildren.seenByPlacingAuthorityOn,
			authority: children.placedByAuthority,
			name: children.name
		})
		.from(allegationChildren)
		.innerJoin(children, eq(children.id, allegationChildren.childId))
		.where(
			and(
				eq(allegationChildren.allegationId, allegationId),
				eq(allegationChildren.childId, childId)
			)
		);
	if (!child) throw badInput('childId', 'Choose a child this allegation concerns.');
	if (!child.placedByOtherAuthority)
		throw badInput(
			'childId',
			'This child was not placed here by another authority: there is no placing authority to hear from.'
		);
	return child;
}
