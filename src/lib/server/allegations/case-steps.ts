/**
 * The steps of an allegation's case after the referral (issue 25): the threshold decision at the
 * initial consideration, the employer's actions, and the placed-elsewhere clock for a child placed
 * here by another authority (the day the placing authority saw them, where to write to it, and
 * raising an unseen child with it by email). Each step is for those who work the unit's cases
 * (`mayWorkAllegations`); anyone else, or another unit's case, is answered null (a 404). Every
 * step is audited with ids and words from the vocabularies only, never a name.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import type { SessionUser } from '../auth/session';
import { allegationChildren, allegationEmployerActions, allegations, children } from '../db/schema';
import { audit } from '../audit';
import { badInput, CommandError } from '../command-error';
import { enqueueMail } from '../mail/outbox';
import { unitAllegation } from './allegations';
import {
	calendarDateOf,
	compareDates,
	formatCalendarDate,
	typedDateProblem,
	type CalendarDate
} from '../../domain/calendar-date';
import { readDateTime } from '../../domain/date-time';
import { considerationLate, placingAuthorityDueBy } from '../../domain/allegations';
import { tooLong } from '../../domain/text-limits';
import { employerActions, type EmployerAction } from '../../domain/vocabulary';
import { employerActionLabel } from '../../domain/labels';

const isObject = (value: unknown): value is Record<string, unknown> =>
	value !== null && typeof value === 'object' && !Array.isArray(value);

/** A day typed as YYYY-MM-DD, not before the case was received nor after today. */
function caseDay(
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

/** The child an allegation concerns who was placed here by another authority, or a 400. */
async function placedChild(db: Database, allegationId: string, childId: unknown) {
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

const emailSchema = z.email();

/**
 * Records what the LADO heard from the authority that placed a child here: `{ childId, seenOn?,
 * email? }` — the day it saw the child (stops the clock), and/or where to write to it. At least
 * one; each is written once it is given (a later email replaces an earlier one; a seen day, once
 * recorded, stands: 409).
 */
export async function recordPlacingAuthority(props: {
	db: Database;
	user: SessionUser;
	id: string;
	input: unknown;
	now?: Date;
}): Promise<{ childId: string; seenOn: CalendarDate | null; email: string | null } | null> {
	const { db, user, id } = props;
	const row = await unitAllegation(db, user, id);
	if (!row) return null;
	const body = isObject(props.input) ? props.input : {};
	const child = await placedChild(db, id, body.childId);
	const today = calendarDateOf(props.now ?? new Date());
	const hasSeen = typeof body.seenOn === 'string' && body.seenOn.trim() !== '';
	const hasEmail = typeof body.email === 'string' && body.email.trim() !== '';
	if (!hasSeen && !hasEmail)
		throw badInput(
			'seenOn',
			'Enter the day the placing authority saw the child, or its email address, or both.'
		);
	const seenOn = hasSeen
		? caseDay(
				body.seenOn,
				'seenOn',
				'the day the placing authority saw the child',
				calendarDateOf(row.receivedAt),
				today
			)
		: null;
	if (seenOn && child.seenOn)
		throw new CommandError(
			409,
			'The day the placing authority saw this child is already recorded.',
			'seenOn'
		);
	const email = hasEmail ? (body.email as string).trim().toLowerCase() : null;
	if (
		email &&
		(tooLong(email, 'email', 'the email address') || !emailSchema.safeParse(email).success)
	)
		throw badInput(
			'email',
			'Enter the placing authority’s email address, like lado@council.gov.uk.'
		);
	await db
		.update(allegationChildren)
		.set({
			...(seenOn ? { seenByPlacingAuthorityOn: seenOn } : {}),
			...(email ? { placingAuthorityEmail: email } : {})
		})
		.where(
			and(eq(allegationChildren.allegationId, id), eq(allegationChildren.childId, child.childId))
		);
	await audit({
		db,
		userId: user.id,
		action: 'placing-authority',
		targetType: 'allegation',
		targetId: id,
		detail: { childId: child.childId, seen: seenOn !== null, email: email !== null }
	});
	return {
		childId: child.childId,
		seenOn: seenOn ?? child.seenOn,
		email: email ?? child.placingAuthorityEmail
	};
}

/**
 * Raises a placed child not yet seen with the authority that placed them: an email to the address
 * the LADO recorded, through the outbox → `{ to, at }`. With no address recorded it is refused
 * (409, saying so): an address is never guessed. The email names the child (the authority knows
 * them) but says nothing of the adult or of what is alleged.
 */
export async function raiseWithPlacingAuthority(props: {
	db: Database;
	user: SessionUser;
	id: string;
	input: unknown;
	now?: Date;
}): Promise<{ to: string; at: string } | null> {
	const { db, user, id } = props;
	const row = await unitAllegation(db, user, id);
	if (!row) return null;
	const body = isObject(props.input) ? props.input : {};
	const child = await placedChild(db, id, body.childId);
	if (child.seenOn)
		throw new CommandError(
			409,
			'The placing authority has seen this child: there is nothing to raise.',
			'childId'
		);
	if (!child.placingAuthorityEmail)
		throw new CommandError(
			409,
			'No email address is recorded for the placing authority: record one, or raise it by telephone.',
			'childId'
		);
	const at = props.now ?? new Date();
	const receivedOn = calendarDateOf(row.receivedAt);
	const to = child.placingAuthorityEmail;
	await db.transaction(async (tx) => {
		await enqueueMail({
			db: tx,
			mail: {
				to,
				userId: null,
				purpose: 'placing-authority-alert',
				subject: `Please see ${child.name}: a child you placed with us`,
				text: [
					`To ${child.authority ?? 'the placing authority'},`,
					'',
					`On ${formatCalendarDate(receivedOn)} our Local Authority Designated Officer (LADO) received an allegation concerning ${child.name}, a child your authority placed in our area.`,
					`We have not been told that anyone from your authority has seen or spoken to ${child.name} since then. We expected this by ${formatCalendarDate(placingAuthorityDueBy(receivedOn))}.`,
					'',
					'Please arrange for the child’s social worker to see them now, and let the LADO know the day they were seen.',
					'',
					'The safeguarding unit'
				].join('\n')
			}
		});
		await tx
			.update(allegationChildren)
			.set({ raisedWithPlacingAuthorityAt: at })
			.where(
				and(eq(allegationChildren.allegationId, id), eq(allegationChildren.childId, child.childId))
			);
		await audit({
			db: tx,
			userId: user.id,
			action: 'raise-placing-authority',
			targetType: 'allegation',
			targetId: id,
			detail: { childId: child.childId }
		});
	});
	return { to, at: at.toISOString() };
}
