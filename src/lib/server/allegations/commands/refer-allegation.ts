import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { allegationChildren, allegations, children, families } from '../../db/schema';
import { audit } from '../../audit';
import { badInput } from '../../command-error';
import { mayWorkAllegations } from '../../../policy';
import { calendarDateOf, type CalendarDate } from '../../../domain/calendar-date';
import { considerationDueBy } from '../../../domain/allegations';
import type { Referral } from '../allegations';

/**
 * Records a referral for the viewer's unit: 201's `{ id, considerationDueBy }`, or null when the
 * viewer may not work allegations. A child not of the unit is bad input naming `childIds`.
 * Each child's facts (in care, placed by another authority, disabled) are taken from their record.
 */
export async function referAllegation(props: {
	db: Database;
	user: SessionUser;
	referral: Referral;
}): Promise<{ id: string; considerationDueBy: CalendarDate } | null> {
	const { db, user, referral } = props;
	if (!mayWorkAllegations(user) || !user.unitId) return null;
	const unitId = user.unitId;
	const found = await db
		.select({
			id: children.id,
			inCareSince: children.inCareSince,
			placedByAuthority: children.placedByAuthority,
			disability: children.disability
		})
		.from(children)
		.innerJoin(families, eq(families.id, children.familyId))
		.where(and(inArray(children.id, referral.childIds), eq(families.unitId, unitId)));
	if (found.length !== referral.childIds.length)
		throw badInput('childIds', 'Choose children the unit knows: one of these is not on its list.');
	const dueBy = considerationDueBy(calendarDateOf(referral.receivedAt));
	const id = await db.transaction(async (tx) => {
		const [row] = await tx
			.insert(allegations)
			.values({
				unitId,
				adultName: referral.adult.name,
				adultRole: referral.adult.role,
				adultEmployer: referral.adult.employer,
				adultSector: referral.adult.sector,
				nature: referral.nature,
				receivedAt: referral.receivedAt,
				referrerName: referral.referrer.name,
				referrerAgency: referral.referrer.agency,
				considerationDueBy: dueBy,
				createdBy: user.id
			})
			.returning({ id: allegations.id });
		await tx.insert(allegationChildren).values(
			found.map((child) => ({
				allegationId: row.id,
				childId: child.id,
				inCare: child.inCareSince !== null,
				placedByOtherAuthority: !!child.placedByAuthority?.trim(),
				disabled: !!child.disability?.trim()
			}))
		);
		await audit({
			db: tx,
			userId: user.id,
			action: 'refer',
			targetType: 'allegation',
			targetId: row.id,
			detail: { children: found.length }
		});
		return row.id;
	});
	return { id, considerationDueBy: dueBy };
}
