import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { allegationChildren } from '../../db/schema';
import { audit } from '../../audit';
import { badInput, CommandError } from '../../command-error';
import { calendarDateOf, type CalendarDate } from '../../../domain/calendar-date';
import { tooLong } from '../../../domain/text-limits';
import { isObject, unitAllegation } from '../allegations';
import { caseDay, placedChild } from '../case-checks';

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
