import { and, asc, eq, ilike, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { Database } from '../db';
import { agencies, children, familyMembers, meetingChildren, meetings, users } from '../db/schema';
import type { MeetingKind, MeetingRole, UserRole } from '../../domain/vocabulary';
import { mayBeInvited, mayJoinKind, meetingRolesForAccount } from '../../policy';
import { containsPattern, pickerWords, type InviteeChoice } from '../../domain/picker-search';
import { unitOfMeeting } from './invitees';

/**
 * The people with an account the invite picker offers for a meeting, by name, each with what
 * tells two of one name apart (role, agency, email) and the meeting roles that fit their account
 * (the usual one first, the form's default): the unit's own staff, agencies' people, the family
 * of the meeting's children and those children's own accounts (`mayBeInvited`), never another
 * unit's staff, another family or another child. With `q`, only those whose name, email or
 * agency holds every word of it (none for an empty one), at most `limit`.
 */
export async function invitablePeople(props: {
	db: Database;
	meetingId: string;
	q?: string;
	limit?: number;
}): Promise<InviteeChoice[]> {
	const { db, meetingId } = props;
	const words = props.q === undefined ? null : pickerWords(props.q);
	if (words !== null && words.length === 0) return [];
	const meetingUnitId = await unitOfMeeting(db, meetingId);
	const [{ kind } = { kind: undefined }] = await db
		.select({ kind: meetings.kind })
		.from(meetings)
		.where(eq(meetings.id, meetingId));
	const parents = await db
		.select({ userId: familyMembers.userId })
		.from(meetingChildren)
		.innerJoin(children, eq(children.id, meetingChildren.childId))
		.innerJoin(familyMembers, eq(familyMembers.familyId, children.familyId))
		.where(eq(meetingChildren.meetingId, meetingId));
	const ofThisMeeting = new Set(parents.map((row) => row.userId));
	const ownAccounts = await db
		.select({ accountId: children.accountId })
		.from(meetingChildren)
		.innerJoin(children, eq(children.id, meetingChildren.childId))
		.where(and(eq(meetingChildren.meetingId, meetingId), isNotNull(children.accountId)));
	const childrenOfThisMeeting = new Set(ownAccounts.map((row) => row.accountId));
	const matches = (words ?? []).map((word) => {
		const pattern = containsPattern(word);
		return or(
			ilike(users.name, pattern),
			ilike(users.email, pattern),
			ilike(agencies.name, pattern)
		)!;
	});
	// Only accounts of the meeting's unit, of no unit, of the family or of its children can fit
	// (`mayBeInvited` decides).
	const tied = [...ofThisMeeting, ...childrenOfThisMeeting].filter((id): id is string => !!id);
	const near = or(
		meetingUnitId ? eq(users.unitId, meetingUnitId) : undefined,
		isNull(users.unitId),
		tied.length ? inArray(users.id, tied) : undefined
	);
	const candidates = await db
		.select({
			id: users.id,
			name: users.name,
			role: users.role,
			unitId: users.unitId,
			email: users.email,
			agency: agencies.name
		})
		.from(users)
		.leftJoin(agencies, eq(agencies.id, users.agencyId))
		.where(and(near, ...matches))
		.orderBy(asc(users.name), asc(users.email));
	return (
		candidates
			.filter((person) =>
				mayBeInvited({
					account: person,
					meetingUnitId,
					familyOfMeetingChild: ofThisMeeting.has(person.id),
					accountOfMeetingChild: childrenOfThisMeeting.has(person.id)
				})
			)
			// A kind with no family view (issue 25) offers nobody only family roles fit.
			.filter((person) => fittingRoles(person.role, kind).length > 0)
			.slice(0, props.limit ?? candidates.length)
			.map((person) => ({
				id: person.id,
				name: person.name,
				role: person.role,
				agency: person.agency,
				email: person.email,
				roles: fittingRoles(person.role, kind)
			}))
	);
}

/** The meeting roles an account may be invited as to a meeting of this kind, the usual first. */
function fittingRoles(accountRole: UserRole, kind: MeetingKind | undefined): MeetingRole[] {
	return meetingRolesForAccount(accountRole).filter(
		(meetingRole) => kind === undefined || mayJoinKind({ kind, meetingRole })
	);
}
