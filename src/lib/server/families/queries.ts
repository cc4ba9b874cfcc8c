/**
 * Families and children as a viewer may see them (the policy's `canSeeChild`): the index and
 * search, one child with their care status and clocks, one family with its members.
 */
import { and, asc, eq, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../db';
import {
	children,
	families,
	familyMembers,
	meetingChildren,
	meetingParticipants,
	users
} from '../db/schema';
import type { SessionUser } from '../auth/session';
import { canSeeChild, chairAccountRoles, mayManageFamilies } from '../../policy';
import type { MeetingKind } from '../../domain/vocabulary';
import { dueMeetingsOf } from './clocks';

const UUID = /^[0-9a-f-]{36}$/i;

/** Is this a well-formed id (anything else is simply not found)? */
export function isId(value: string): boolean {
	return UUID.test(value);
}

/** The families the viewer is a parent or carer in, and the children of meetings they are invited to. */
export async function viewerLinks(db: Database, user: SessionUser) {
	const own = await db
		.select({ familyId: familyMembers.familyId })
		.from(familyMembers)
		.where(eq(familyMembers.userId, user.id));
	const invited = await db
		.select({ childId: meetingChildren.childId })
		.from(meetingParticipants)
		.innerJoin(meetingChildren, eq(meetingChildren.meetingId, meetingParticipants.meetingId))
		// An interpreter's place shows them the meeting, not the child (the policy's canSeeChildMeeting).
		.where(
			and(eq(meetingParticipants.userId, user.id), ne(meetingParticipants.role, 'interpreter'))
		);
	return {
		ownFamilies: new Set(own.map((r) => r.familyId)),
		meetingChildren: new Set(invited.map((r) => r.childId))
	};
}

export interface ChildListItem {
	id: string;
	name: string;
	dateOfBirth: string | null;
	preferredName: string | null;
	familyId: string;
	familyName: string;
}

function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The children the viewer may see, by name; `q` keeps those whose name (or chosen name) contains it. */
export async function visibleChildren(props: {
	db: Database;
	user: SessionUser;
	q?: string;
}): Promise<ChildListItem[]> {
	const { db, user } = props;
	const q = props.q?.trim().slice(0, 100) ?? '';
	const pattern = `%${escapeLike(q)}%`;
	const rows = await db
		.select({
			id: children.id,
			name: children.name,
			dateOfBirth: children.dateOfBirth,
			preferredName: children.preferredName,
			familyId: families.id,
			familyName: families.name,
			unitId: families.unitId
		})
		.from(children)
		.innerJoin(families, eq(families.id, children.familyId))
		.where(
			q ? or(ilike(children.name, pattern), ilike(children.preferredName, pattern)) : undefined
		)
		.orderBy(asc(children.name));
	const links = await viewerLinks(db, user);
	return rows
		.filter((row) =>
			canSeeChild({
				viewer: user,
				childUnitId: row.unitId,
				ownFamily: links.ownFamilies.has(row.familyId),
				seesMeetingAboutChild: links.meetingChildren.has(row.id)
			})
		)
		.map(({ unitId: _unit, ...child }) => child);
}

/** One child as the viewer may see them, with care status, events and due meetings; null if not theirs. */
export async function childForViewer(props: { db: Database; user: SessionUser; childId: string }) {
	const { db, user, childId } = props;
	if (!isId(childId)) return null;
	const [row] = await db
		.select({ child: children, family: families })
		.from(children)
		.innerJoin(families, eq(families.id, children.familyId))
		.where(eq(children.id, childId));
	if (!row) return null;
	const links = await viewerLinks(db, user);
	const visible = canSeeChild({
		viewer: user,
		childUnitId: row.family.unitId,
		ownFamily: links.ownFamilies.has(row.family.id),
		seesMeetingAboutChild: links.meetingChildren.has(childId)
	});
	if (!visible) return null;
	const [iro] = row.child.iroId
		? await db
				.select({ id: users.id, name: users.name })
				.from(users)
				.where(eq(users.id, row.child.iroId))
		: [];
	const { events, due } = await dueMeetingsOf(db, [childId]);
	return {
		child: row.child,
		family: { id: row.family.id, name: row.family.name, unitId: row.family.unitId },
		iro: iro ?? null,
		events: events.get(childId) ?? [],
		due: due.get(childId) ?? {},
		manage: mayManageFamilies(user) && user.unitId === row.family.unitId
	};
}

/** A family of the viewer's unit, with its members and children; null unless the viewer keeps its families. */
export async function familyForViewer(props: {
	db: Database;
	user: SessionUser;
	familyId: string;
}) {
	const { db, user, familyId } = props;
	if (!isId(familyId) || !mayManageFamilies(user)) return null;
	const [family] = await db
		.select()
		.from(families)
		.where(and(eq(families.id, familyId), eq(families.unitId, user.unitId!)));
	if (!family) return null;
	const members = await db
		.select({
			userId: users.id,
			name: users.name,
			relationship: familyMembers.relationship,
			parentalResponsibility: familyMembers.parentalResponsibility
		})
		.from(familyMembers)
		.innerJoin(users, eq(users.id, familyMembers.userId))
		.where(eq(familyMembers.familyId, familyId))
		.orderBy(asc(users.name));
	const kids = await db
		.select()
		.from(children)
		.where(eq(children.familyId, familyId))
		.orderBy(asc(children.name));
	const { events, due } = await dueMeetingsOf(
		db,
		kids.map((k) => k.id)
	);
	return {
		family,
		members,
		children: kids.map((child) => ({
			id: child.id,
			name: child.name,
			preferredName: child.preferredName,
			dateOfBirth: child.dateOfBirth,
			inCareSince: child.inCareSince,
			events: events.get(child.id) ?? [],
			due: due.get(child.id) ?? {}
		}))
	};
}

/** The unit's families, by name (for the index's family list and the move form). */
export async function unitFamilies(db: Database, user: SessionUser) {
	if (!mayManageFamilies(user)) return [];
	return db
		.select({ id: families.id, name: families.name })
		.from(families)
		.where(eq(families.unitId, user.unitId!))
		.orderBy(asc(families.name));
}

/**
 * The parents' and carers' accounts the unit may add to a family: those it made (on People, or
 * through one of its meetings' set-up links) and those already in one of its own families — never
 * every parent's account in the system (issue 20: that was a list of parents in child-protection
 * cases). Someone new is made an account on People first.
 */
export function unitParentAccount(unitId: string) {
	return and(
		eq(users.role, 'parent'),
		or(
			eq(users.unitId, unitId),
			sql`${users.id} in (select ${familyMembers.userId} from ${familyMembers} join ${families} on ${families.id} = ${familyMembers.familyId} where ${families.unitId} = ${unitId})`
		)
	);
}

/** The accounts that may be added to one of the unit's families (`unitParentAccount`), by name. */
export async function parentAccounts(db: Database, unitId: string) {
	return db
		.select({ id: users.id, name: users.name, email: users.email })
		.from(users)
		.where(unitParentAccount(unitId))
		.orderBy(asc(users.name));
}

/**
 * The unit's chairs (independent reviewing officers), by name; with a kind, everyone of the unit
 * who may chair a meeting of it (`chairAccountRoles`: an allegation strategy meeting's LADO too).
 */
export async function unitChairs(db: Database, unitId: string, kind?: MeetingKind) {
	return db
		.select({ id: users.id, name: users.name })
		.from(users)
		.where(
			and(
				eq(users.unitId, unitId),
				inArray(users.role, [...(kind ? chairAccountRoles(kind) : ['chair' as const])])
			)
		)
		.orderBy(asc(users.name));
}

/** What the child's page shows of their care and clocks (null when the viewer may not see the child). */
export async function childCare(props: { db: Database; user: SessionUser; childId: string }) {
	const found = await childForViewer(props);
	if (!found) return null;
	const staff = props.user.role !== 'parent';
	return {
		preferredName: found.child.preferredName,
		inCareSince: found.child.inCareSince,
		iro: found.iro?.name ?? null,
		// The clocks are the unit's working detail: staff see them, families see the care facts.
		due: staff ? found.due : {},
		familyId: found.manage ? found.family.id : null
	};
}
