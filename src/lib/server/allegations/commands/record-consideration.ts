import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { allegations } from '../../db/schema';
import { audit } from '../../audit';
import { badInput, CommandError } from '../../command-error';
import { calendarDateOf } from '../../../domain/calendar-date';
import { readDateTime } from '../../../domain/date-time';
import { considerationLate } from '../../../domain/allegations';
import { tooLong } from '../../../domain/text-limits';
import { isObject, unitAllegation } from '../allegations';

/**
 * Records the initial consideration: whether the threshold for the LADO's process is met, and
 * why. `{ thresholdMet, reasons, decidedAt? }` (decidedAt a date and time, by default now) →
 * `{ thresholdMet, at, late }`, late when decided on a day after the one it was due by (one
 * working day after receipt). 400 naming `thresholdMet`, `reasons` or `decidedAt`; 409 once
 * recorded (it is evidence: not written over).
 */
export async function recordConsideration(props: {
	db: Database;
	user: SessionUser;
	id: string;
	input: unknown;
	now?: Date;
}): Promise<{ thresholdMet: boolean; at: string; late: boolean } | null> {
	const { db, user, id } = props;
	const row = await unitAllegation(db, user, id);
	if (!row) return null;
	const body = isObject(props.input) ? props.input : {};
	const now = props.now ?? new Date();
	if (typeof body.thresholdMet !== 'boolean')
		throw badInput(
			'thresholdMet',
			'Say whether the threshold is met: true (the LADO’s process goes on) or false.'
		);
	const reasons = typeof body.reasons === 'string' ? body.reasons.trim() : '';
	if (!reasons) throw badInput('reasons', 'Give the reasons for the threshold decision.');
	const long = tooLong(reasons, 'account', 'the reasons');
	if (long) throw badInput('reasons', long);
	let at = now;
	if (body.decidedAt !== undefined && body.decidedAt !== null && body.decidedAt !== '') {
		const decided = readDateTime(body.decidedAt);
		if (!decided.ok) throw badInput('decidedAt', decided.problem);
		at = decided.at;
	}
	if (at.getTime() > now.getTime())
		throw badInput('decidedAt', 'Enter when the decision was made: it cannot be in the future.');
	if (at.getTime() < row.receivedAt.getTime())
		throw badInput(
			'decidedAt',
			'Enter when the decision was made: it cannot be before the allegation was received.'
		);
	// Only while none is recorded: two at once, and the second is told, not written over the first.
	const updated = await db
		.update(allegations)
		.set({ consideredAt: at, thresholdMet: body.thresholdMet, thresholdReasons: reasons })
		.where(
			and(
				eq(allegations.id, id),
				eq(allegations.unitId, row.unitId),
				isNull(allegations.consideredAt)
			)
		)
		.returning({ id: allegations.id });
	if (updated.length === 0)
		throw new CommandError(
			409,
			'The initial consideration of this allegation is already recorded.',
			'thresholdMet'
		);
	const late = considerationLate(row.considerationDueBy, calendarDateOf(at));
	await audit({
		db,
		userId: user.id,
		action: 'consideration',
		targetType: 'allegation',
		targetId: id,
		detail: { thresholdMet: body.thresholdMet, late }
	});
	return { thresholdMet: body.thresholdMet, at: at.toISOString(), late };
}
