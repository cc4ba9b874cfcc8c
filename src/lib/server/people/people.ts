/**
 * The unit's people (People and agencies, issue 12): staff accounts (chairs and independent
 * reviewing officers with a caseload, business support, managers), agencies' professionals and
 * parents. The unit makes an account with no password and sends its owner a single-use set-up
 * link through the outbox (../auth/account-invites.ts); it can disable an account (its sessions
 * end at once, its live sockets close with 4401, it cannot sign in, its link stops working) and
 * enable it again. Every change is audited, with the account's role. Rights: `mayManageAccounts`,
 * `mayGrantRole` (who makes which roles), `mayReadPeople` and `mayDisableAccount` (only the unit
 * that made an account) in the policy module. This module reads and checks; the commands that
 * write (add a person, disable or enable an account, send a new link) are one a file in ./commands/.
 */
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '../db';
import {
	children,
	familyMembers,
	families,
	meetingChildren,
	meetingParticipants,
	meetings,
	users
} from '../db/schema';
import { normaliseEmail } from '../users';
import { NO_PASSWORD_YET } from '../auth/account-invites';
import { userRoles, type UserRole } from '../../domain/vocabulary';
import { hasCaseload, userRoleInSentence } from '../../domain/people';
import { grantableRoles, mayDisableAccount, mayReadPeople, type Viewer } from '../../policy';
import { agencySeenByUnit } from './agencies';
import type { FieldErrors } from '../forms';
import { textLimits, tooLongMessage } from '../../domain/text-limits';

export interface PersonView {
	id: string;
	name: string;
	email: string;
	role: UserRole;
	agencyId: string | null;
	disabled: boolean;
	/** True while the person has not chosen a password with their set-up link. */
	awaitingSetUp: boolean;
	/** Chairs: how many children they chair for now, and their limit. */
	caseload: { count: number; limit: number } | null;
	/** Whether the viewer may disable or enable this account (their unit's, a role they may give, not their own). */
	mayDisable: boolean;
}

/** A new person as the API and the form send it. */
export const personInput = z.object({
	name: z
		.string({ error: "Enter the person's full name." })
		.trim()
		.min(1, "Enter the person's full name.")
		.max(textLimits.name, tooLongMessage('name', 'the name')),
	email: z
		.string({ error: 'Enter their email address.' })
		.trim()
		.min(1, 'Enter their email address.')
		.max(textLimits.email, tooLongMessage('email', 'the email address'))
		.pipe(z.email('Enter an email address like name@example.org.'))
		.transform(normaliseEmail),
	role: z.enum(userRoles, {
		error: 'Choose their role: chair, admin (business support), manager, professional or parent.'
	}),
	agencyId: z
		.string()
		.trim()
		.optional()
		.nullable()
		.transform((v) => (v ? v : null))
});
export type PersonInput = z.infer<typeof personInput>;

/**
 * The accounts a unit keeps: its own staff and the people it made, plus accounts of no unit
 * (the demo's, or made through a meeting's set-up link) linked to it through one of its
 * families or meetings.
 */
function keptBy(unitId: string) {
	return or(
		eq(users.unitId, unitId),
		and(
			isNull(users.unitId),
			sql`${users.id} in (
				select ${familyMembers.userId} from ${familyMembers} join ${families} on ${families.id} = ${familyMembers.familyId} where ${families.unitId} = ${unitId}
				union select ${meetingParticipants.userId} from ${meetingParticipants} join ${meetings} on ${meetings.id} = ${meetingParticipants.meetingId} where ${meetings.unitId} = ${unitId} and ${meetingParticipants.userId} is not null
			)`
		)
	);
}

/** Chairs' caseloads: children in care they review and children of their meetings not yet ended. */
async function caseloads(db: Database, chairIds: string[]): Promise<Map<string, number>> {
	if (chairIds.length === 0) return new Map();
	const rows = await db
		.select({
			chairId: sql<string>`x.chair_id`,
			count: sql<number>`count(distinct x.child_id)::int`
		})
		.from(
			sql`(
				select ${children.iroId} as chair_id, ${children.id} as child_id from ${children} where ${inArray(children.iroId, chairIds)}
				union select ${meetings.chairId}, ${meetingChildren.childId} from ${meetings} join ${meetingChildren} on ${meetingChildren.meetingId} = ${meetings.id}
				where ${and(inArray(meetings.chairId, chairIds), inArray(meetings.status, ['scheduled', 'live']))}
			) as x`
		)
		.groupBy(sql`x.chair_id`);
	return new Map(rows.map((row) => [row.chairId, row.count]));
}

/** The unit's people, by name; null when the viewer may not read them (answer 404). */
export async function peopleForViewer(props: {
	db: Database;
	viewer: Viewer;
}): Promise<PersonView[] | null> {
	const { db, viewer } = props;
	if (!mayReadPeople(viewer) || !viewer.unitId) return null;
	const rows = await db
		.select()
		.from(users)
		.where(keptBy(viewer.unitId))
		.orderBy(asc(sql`lower(${users.name})`), asc(users.email));
	const counts = await caseloads(
		db,
		rows.filter((row) => hasCaseload(row.role)).map((row) => row.id)
	);
	return rows.map((row) => ({
		id: row.id,
		name: row.name,
		email: row.email,
		role: row.role,
		agencyId: row.agencyId,
		disabled: row.disabledAt !== null,
		awaitingSetUp: row.passwordHash === NO_PASSWORD_YET,
		caseload: hasCaseload(row.role)
			? { count: counts.get(row.id) ?? 0, limit: row.caseloadLimit }
			: null,
		mayDisable: mayDisableAccount({ viewer, account: row })
	}));
}

/**
 * Has this unit an account with this address already? Addresses are unique per unit, not across
 * units (issue 20): another unit's accounts are neither claimed nor revealed by a unit's answer.
 */
export async function emailTaken(db: Database, email: string, unitId: string): Promise<boolean> {
	const [row] = await db
		.select({ id: users.id })
		.from(users)
		.where(and(eq(users.email, normaliseEmail(email)), eq(users.unitId, unitId)));
	return !!row;
}

/** The field error for a role the viewer may not give (issue 20), naming those they may. */
export function roleNotYours(viewer: Viewer): string {
	const roles = grantableRoles(viewer).map((role) => userRoleInSentence[role]);
	const list =
		roles.length > 1 ? `${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}` : roles[0];
	return `Only the unit's manager makes managers and business support, and a chair makes only professionals and parents: choose ${list}.`;
}

/** True for PostgreSQL's unique violation (23505), as the driver or drizzle's wrapper throws it. */
export function isUniqueViolation(problem: unknown): boolean {
	const code = (e: unknown) => (e as { code?: unknown } | null)?.code;
	return (
		code(problem) === '23505' || code((problem as { cause?: unknown } | null)?.cause) === '23505'
	);
}

/** What is wrong with a new person for this unit (address taken, agency unknown), or null. */
export async function personProblems(props: {
	db: Database;
	unitId: string;
	person: PersonInput;
}): Promise<FieldErrors | null> {
	const { db, unitId, person } = props;
	const errors: FieldErrors = {};
	if (await emailTaken(db, person.email, unitId))
		errors.email = 'There is already an account with this email address.';
	if (person.agencyId && !(await agencySeenByUnit({ db, unitId, agencyId: person.agencyId })))
		errors.agencyId = "Choose one of the unit's agencies.";
	return Object.keys(errors).length > 0 ? errors : null;
}

/** One account the viewer may disable, enable or send a link to (`mayDisableAccount`), or null. */
export async function accountToChange(props: { db: Database; viewer: Viewer; userId: string }) {
	const [row] = await props.db.select().from(users).where(eq(users.id, props.userId));
	return row && mayDisableAccount({ viewer: props.viewer, account: row }) ? row : null;
}
