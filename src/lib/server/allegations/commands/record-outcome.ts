import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { allegations } from '../../db/schema';
import { audit } from '../../audit';
import { badInput, CommandError } from '../../command-error';
import { calendarDateOf } from '../../../domain/calendar-date';
import { tooLong } from '../../../domain/text-limits';
import { allegationOutcomes, type AllegationOutcome } from '../../../domain/vocabulary';
import { isObject, oneOf, unitAllegation, UNFOUNDED_UNTIL } from '../allegations';

/**
 * Records how the allegation concluded, with the reason: `{ outcome, at }`, or null (a 404).
 * 400 naming `outcome` or `reason`; "unfounded" only for a case received before 1 April 2013;
 * 409 once an outcome is recorded (it is evidence: not overwritten).
 */
export async function recordOutcome(props: {
	db: Database;
	user: SessionUser;
	id: string;
	input: unknown;
	now?: Date;
}): Promise<{ outcome: AllegationOutcome; at: string } | null> {
	const { db, user, id } = props;
	const row = await unitAllegation(db, user, id);
	if (!row) return null;
	const body = isObject(props.input) ? props.input : {};
	if (!oneOf(allegationOutcomes, body.outcome))
		throw badInput(
			'outcome',
			'Choose how the allegation concluded: substantiated, unsubstantiated, false or malicious.'
		);
	const outcome = body.outcome;
	if (outcome === 'unfounded' && calendarDateOf(row.receivedAt) >= UNFOUNDED_UNTIL)
		throw badInput(
			'outcome',
			'"Unfounded" is kept for cases received before April 2013: choose substantiated, unsubstantiated, false or malicious.'
		);
	const reason = typeof body.reason === 'string' ? body.reason.trim() : '';
	if (!reason) throw badInput('reason', 'Say why the allegation concluded this way.');
	const long = tooLong(reason, 'account', 'the reason');
	if (long) throw badInput('reason', long);
	const at = props.now ?? new Date();
	if (at.getTime() < row.receivedAt.getTime())
		throw badInput('outcome', 'An outcome cannot be recorded before the allegation was received.');
	// Only while none is recorded: two at once, and the second is told, not written over the first.
	const updated = await db
		.update(allegations)
		.set({ outcome, outcomeReason: reason, outcomeAt: at })
		.where(
			and(eq(allegations.id, id), eq(allegations.unitId, row.unitId), isNull(allegations.outcome))
		)
		.returning({ id: allegations.id });
	if (updated.length === 0)
		throw new CommandError(409, 'The outcome of this allegation is already recorded.', 'outcome');
	await audit({
		db,
		userId: user.id,
		action: 'outcome',
		targetType: 'allegation',
		targetId: id,
		detail: { outcome }
	});
	return { outcome, at: at.toISOString() };
}
