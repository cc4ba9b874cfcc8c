/**
 * The unit's people (People and agencies, issue 12): staff accounts (chairs and independent
 * reviewing officers with a caseload, business support, managers), agencies' professionals and
 * parents. The unit makes an account with no password and sends its owner a single-use set-up
 * link through the outbox (../auth/account-invites.ts); it can disable an account (its sessions
 * end at once, its live sockets close with 4401, it cannot sign in, its link stops working) and
 * enable it again. Every change is audited, with the account's role. Rights: `mayManageAccounts`,
 * `mayGrantRole` (who makes which roles), `mayReadPeople` and `mayDisableAccount` (only the unit
 * that made an account) in the policy module.
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
import { audit } from '../audit';
import { normaliseEmail } from '../users';
import { invalidateUserSessions } from '../auth/session';
import { accountInviteLink, createUserInvite, NO_PASSWORD_YET } from '../auth/account-invites';
import { calendarDateOf, formatCalendarDate } from '../../domain/calendar-date';
import { userRoles, type UserRole } from '../../domain/vocabulary';
import { hasCaseload, userRoleInSentence } from '../../domain/people';
import { enqueueMail, type QueuedMail } from '../mail/outbox';
import {
	grantableRoles,
	mayDisableAccount,
	mayGrantRole,
	mayManageAccounts,
	mayReadPeople,
	type Viewer
} from '../../policy';
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

/** The mail carrying a set-up link: no meeting, no child, only the link. */
async function queueSetUpMail(props: {
	db: Database;
	userId: string;
	name: string;
	email: string;
}): Promise<string> {
	const { db } = props;
	const invite = await createUserInvite({ db, userId: props.userId, email: props.email });
	const url = accountInviteLink(invite.token);
	await enqueueMail({
		db,
		mail: setUpMail({
			userId: props.userId,
			email: props.email,
			url,
			until: formatCalendarDate(calendarDateOf(invite.expiresAt))
		})
	});
	return url;
}

/** The email carrying a set-up link (one person's, or each of an import's), which works until the day `until` (in words). */
export function setUpMail(props: {
	userId: string;
	email: string;
	url: string;
	until: string;
}): QueuedMail {
	return {
		to: props.email,
		userId: props.userId,
		purpose: 'account-invite',
		subject: 'Set up your Roundtable account',
		text: [
			'Hello,',
			'',
			'The safeguarding unit has made you an account on Roundtable, where its meetings are held and recorded.',
			`Choose your password with this link (it works once, until ${props.until}):`,
			props.url,
			'',
			"If the link has expired, ask the unit's business support for a new one. If you did not expect this email, you can ignore it.",
			''
		].join('\n')
	};
}

export type PersonResult =
	{ ok: true; id: string; inviteUrl: string } | { ok: false; errors: FieldErrors };

/**
 * Adds a person to the viewer's unit with no password and queues their set-up link; returns
 * the link too. Null when the viewer may not. Bad input: field errors.
 */
export async function createPerson(props: {
	db: Database;
	viewer: Viewer;
	person: PersonInput;
}): Promise<PersonResult | null> {
	const { db, viewer, person } = props;
	if (!mayManageAccounts(viewer) || !viewer.unitId) return null;
	const unitId = viewer.unitId;
	const errors = await personProblems({ db, unitId, person });
	if (!mayGrantRole({ viewer, role: person.role })) {
		const roleError = { role: roleNotYours(viewer) };
		return { ok: false, errors: { ...errors, ...roleError } };
	}
	if (errors) return { ok: false, errors };
	try {
		return await db.transaction(async (tx) => {
			const made = await insertPerson({ db: tx, viewer, unitId, person });
			return { ok: true as const, ...made };
		});
	} catch (problem) {
		// Someone made an account with this address between the check and the insert.
		if (isUniqueViolation(problem))
			return {
				ok: false,
				errors: { email: 'There is already an account with this email address.' }
			};
		throw problem;
	}
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

/** Writes one person, their set-up link and its mail, and the audit entry (inside the caller's transaction). */
export async function insertPerson(props: {
	db: Database;
	viewer: Viewer;
	unitId: string;
	person: PersonInput;
	via?: string;
}): Promise<{ id: string; inviteUrl: string }> {
	const { db, person } = props;
	const [row] = await db
		.insert(users)
		.values({
			unitId: props.unitId,
			name: person.name,
			email: person.email,
			role: person.role,
			agencyId: person.agencyId,
			passwordHash: NO_PASSWORD_YET
		})
		.returning({ id: users.id });
	const inviteUrl = await queueSetUpMail({
		db,
		userId: row.id,
		name: person.name,
		email: person.email
	});
	await audit({
		db,
		userId: props.viewer.id,
		action: 'account-added',
		targetType: 'user',
		targetId: row.id,
		detail: { role: person.role, ...(props.via ? { via: props.via } : {}) }
	});
	return { id: row.id, inviteUrl };
}

/** One account the viewer may disable, enable or send a link to (`mayDisableAccount`), or null. */
async function accountToChange(props: { db: Database; viewer: Viewer; userId: string }) {
	const [row] = await props.db.select().from(users).where(eq(users.id, props.userId));
	return row && mayDisableAccount({ viewer: props.viewer, account: row }) ? row : null;
}

/**
 * Disables or enables an account the viewer's unit made, of a role the viewer may give
 * (`mayDisableAccount`). Disabling ends every session of theirs at once (cookies refused, live
 * sockets closed with 4401). Audited with the account's role. Null when the viewer may not (404).
 */
export async function setAccountDisabled(props: {
	db: Database;
	viewer: Viewer;
	userId: string;
	disabled: boolean;
}): Promise<{ ok: true } | null> {
	const { db, viewer } = props;
	if (!mayManageAccounts(viewer) || !viewer.unitId) return null;
	const account = await accountToChange({ db, viewer, userId: props.userId });
	if (!account) return null;
	await db.transaction(async (tx) => {
		await tx
			.update(users)
			.set({ disabledAt: props.disabled ? sql`now()` : null })
			.where(eq(users.id, account.id));
		await audit({
			db: tx,
			userId: viewer.id,
			action: props.disabled ? 'account-disabled' : 'account-enabled',
			targetType: 'user',
			targetId: account.id,
			detail: { role: account.role }
		});
	});
	if (props.disabled) await invalidateUserSessions({ db, userId: account.id });
	return { ok: true };
}

/**
 * Sends a new set-up link to someone who has not chosen a password yet (the older link stops
 * working). Null when the viewer may not, or the account needs no link (404 / a message).
 */
export async function resendSetUpLink(props: {
	db: Database;
	viewer: Viewer;
	userId: string;
}): Promise<{ ok: true; inviteUrl: string } | { ok: false; problem: string } | null> {
	const { db, viewer } = props;
	if (!mayManageAccounts(viewer) || !viewer.unitId) return null;
	const account = await accountToChange({ db, viewer, userId: props.userId });
	if (!account) return null;
	if (account.disabledAt)
		return { ok: false, problem: 'This account is disabled: enable it before sending a link.' };
	if (account.passwordHash !== NO_PASSWORD_YET)
		return { ok: false, problem: 'This person has set up their account already.' };
	const inviteUrl = await db.transaction(async (tx) => {
		const url = await queueSetUpMail({
			db: tx,
			userId: account.id,
			name: account.name,
			email: account.email
		});
		await audit({
			db: tx,
			userId: viewer.id,
			action: 'account-link-sent',
			targetType: 'user',
			targetId: account.id,
			detail: { role: account.role }
		});
		return url;
	});
	return { ok: true, inviteUrl };
}
