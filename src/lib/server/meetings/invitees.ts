/**
 * What the invite commands and the invite picker ask of a meeting before anyone is put on its
 * list: its unit, whether an account is the family or the own account of one of its children,
 * and which agencies it may name. Queries only; the commands that write are in ./commands/.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { agencies, children, familyMembers, meetingChildren, meetings } from '../db/schema';
import { badInput } from '../command-error';

/** The unit a meeting belongs to (null if there is no such meeting). */
export async function unitOfMeeting(db: Database, meetingId: string): Promise<string | null> {
	const [row] = await db
		.select({ unitId: meetings.unitId })
		.from(meetings)
		.where(eq(meetings.id, meetingId));
	return row?.unitId ?? null;
}

/** Is the user a member of the family of one of the meeting's children? */
export async function familyOfMeetingChild(
	db: Database,
	props: { meetingId: string; userId: string }
): Promise<boolean> {
	const rows = await db
		.select({ childId: children.id })
		.from(meetingChildren)
		.innerJoin(children, eq(children.id, meetingChildren.childId))
		.innerJoin(familyMembers, eq(familyMembers.familyId, children.familyId))
		.where(
			and(eq(meetingChildren.meetingId, props.meetingId), eq(familyMembers.userId, props.userId))
		)
		.limit(1);
	return rows.length > 0;
}

/** Is the account a child's own account (issue 27), for one of the children the meeting is about? */
export async function accountOfMeetingChild(
	db: Database,
	props: { meetingId: string; userId: string }
): Promise<boolean> {
	const rows = await db
		.select({ childId: children.id })
		.from(meetingChildren)
		.innerJoin(children, eq(children.id, meetingChildren.childId))
		.where(
			and(eq(meetingChildren.meetingId, props.meetingId), eq(children.accountId, props.userId))
		)
		.limit(1);
	return rows.length > 0;
}

/** An account another unit made or keeps (staff, and the people it added): not the meeting's unit's to invite or name. */
export function ofAnotherUnit(
	account: { unitId: string | null },
	meetingUnitId: string | null
): boolean {
	return account.unitId !== null && account.unitId !== meetingUnitId;
}

/**
 * The agency with this id if the meeting's unit sees it (its own, or one of no unit); otherwise
 * a 400 on `agencyId`, the same for an id of another unit's agency as for one that does not exist.
 */
export async function agencyForMeeting(db: Database, meetingId: string, agencyId: string) {
	const meetingUnitId = await unitOfMeeting(db, meetingId);
	const [agency] = /^[0-9a-f-]{36}$/i.test(agencyId)
		? await db.select().from(agencies).where(eq(agencies.id, agencyId))
		: [];
	if (!agency || (agency.unitId !== null && agency.unitId !== meetingUnitId))
		throw badInput('agencyId', 'Choose an agency from the unit’s list.');
	return agency;
}

/** The agency given for someone without an account, if any: one the meeting's unit sees. */
export async function checkAgencyForMeeting(
	db: Database,
	meetingId: string,
	agencyId: string | null | undefined
): Promise<string | null> {
	if (!agencyId) return null;
	return (await agencyForMeeting(db, meetingId, agencyId)).id;
}
