import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { allegationChildren } from '../../db/schema';
import { audit } from '../../audit';
import { CommandError } from '../../command-error';
import { enqueueMail } from '../../mail/outbox';
import { calendarDateOf, formatCalendarDate } from '../../../domain/calendar-date';
import { placingAuthorityDueBy } from '../../../domain/allegations';
import { isObject, unitAllegation } from '../allegations';
import { placedChild } from '../case-checks';

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
				// About no meeting, to no account of the unit: the unit's outbox shows it by this.
				unitId: user.unitId,
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
