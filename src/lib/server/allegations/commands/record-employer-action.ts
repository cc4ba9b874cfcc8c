import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { allegationEmployerActions } from '../../db/schema';
import { audit } from '../../audit';
import { badInput } from '../../command-error';
import { calendarDateOf, type CalendarDate } from '../../../domain/calendar-date';
import { tooLong } from '../../../domain/text-limits';
import { employerActions, type EmployerAction } from '../../../domain/vocabulary';
import { employerActionLabel } from '../../../domain/labels';
import { isObject, unitAllegation } from '../allegations';
import { caseDay } from '../case-checks';

/**
 * Records one of the employer's actions: `{ action, on, note }` → 201 `{ id, action, on }`.
 * `on` is the day the employer took it (not before the case was received, not in the future);
 * the note says what happened (may be empty only for "no further action").
 */
export async function recordEmployerAction(props: {
	db: Database;
	user: SessionUser;
	id: string;
	input: unknown;
	now?: Date;
}): Promise<{ id: string; action: EmployerAction; on: CalendarDate } | null> {
	const { db, user, id } = props;
	const row = await unitAllegation(db, user, id);
	if (!row) return null;
	const body = isObject(props.input) ? props.input : {};
	const today = calendarDateOf(props.now ?? new Date());
	const action = body.action;
	if (typeof action !== 'string' || !(employerActions as readonly string[]).includes(action))
		throw badInput(
			'action',
			`Choose what the employer did: ${employerActions.map((a) => employerActionLabel[a].toLowerCase()).join(', ')}.`
		);
	const on = caseDay(
		body.on,
		'on',
		'the day the employer did it',
		calendarDateOf(row.receivedAt),
		today
	);
	const note = typeof body.note === 'string' ? body.note.trim() : '';
	if (!note)
		throw badInput('note', 'Say what the employer did and who told you, in a line or two.');
	const long = tooLong(note, 'account', 'the note');
	if (long) throw badInput('note', long);
	const [saved] = await db
		.insert(allegationEmployerActions)
		.values({ allegationId: id, action: action as EmployerAction, on, note, recordedBy: user.id })
		.returning({ id: allegationEmployerActions.id });
	await audit({
		db,
		userId: user.id,
		action: 'employer-action',
		targetType: 'allegation',
		targetId: id,
		detail: { action }
	});
	return { id: saved.id, action: action as EmployerAction, on };
}
