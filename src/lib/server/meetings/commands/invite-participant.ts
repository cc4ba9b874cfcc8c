import { and, asc, eq, ilike, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { Database } from '../../db';
import {
	agencies,
	children,
	familyMembers,
	meetingChildren,
	meetingParticipants,
	meetings,
	users,
	type MeetingParticipant
} from '../../db/schema';
import type { MeetingRole } from '../../../domain/vocabulary';
import { audit } from '../../audit';
import {
	accountRoleForInvitee,
	mayBeInvited,
	meetingRoleFit,
	meetingRolesForAccount
} from '../../../policy';
import { normaliseEmail, usersByEmail } from '../../users';
import { meetingRoleLabel } from '../../../domain/labels';
import { tooLong } from '../../../domain/text-limits';
import { queueInvitation } from '../../mail/invitations';
import { queueReportRequest } from '../../mail/report-requests';
import { badInput } from '../../command-error';
import { containsPattern, pickerWords, type InviteeChoice } from '../../../domain/picker-search';

/** Is the user a member of the family of one of the meeting's children? */
async function familyOfMeetingChild(
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
async function accountOfMeetingChild(
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
function ofAnotherUnit(account: { unitId: string | null }, meetingUnitId: string | null): boolean {
	return account.unitId !== null && account.unitId !== meetingUnitId;
}

/** The unit a meeting belongs to (null if there is no such meeting). */
async function unitOfMeeting(db: Database, meetingId: string): Promise<string | null> {
	const [row] = await db
		.select({ unitId: meetings.unitId })
		.from(meetings)
		.where(eq(meetings.id, meetingId));
	return row?.unitId ?? null;
}

/**
 * Invites a person with an account, or names one without (a GP who only sends a report). A
 * person with an account is invited only in a meeting role that fits their account
 * (`meetingRoleFit` in the policy module): a parent only as a parent, of this meeting's children;
 * a child's own account only as the child, to a meeting about them (issue 27).
 * Someone without an account may be given an email address: their invitation then carries a
 * link to set one up (`accountRoleForInvitee` says which roles may be).
 */
export async function inviteParticipant(props: {
	db: Database;
	actorId: string;
	meetingId: string;
	userId: string | null;
	name: string | null;
	/** For someone without an account: where to send the invitation and its set-up link. */
	email?: string | null;
	role: MeetingRole;
	/** The language an interpreter interprets (required for one, ignored for anyone else). */
	language?: string | null;
	agencyId: string | null;
	voting: boolean;
	reportRequested: boolean;
}): Promise<MeetingParticipant> {
	const { db } = props;
	let name = props.name?.trim() ?? '';
	const longName = tooLong(name, 'name', 'the name');
	if (longName) throw badInput('name', longName);
	const language = props.role === 'interpreter' ? interpreterLanguage(props.language) : null;
	let agencyId = props.agencyId;
	const meetingUnitId = await unitOfMeeting(db, props.meetingId);
	if (props.userId) {
		const [user] = await db.select().from(users).where(eq(users.id, props.userId));
		// Another unit's account is answered as one that does not exist, before anything names
		// it: its name and role are not this unit's to learn (issue 20, units are walls).
		if (!user || ofAnotherUnit(user, meetingUnitId))
			throw badInput('userId', 'Choose a person from the list.');
		const [already] = await db
			.select({ id: meetingParticipants.id })
			.from(meetingParticipants)
			.where(
				and(
					eq(meetingParticipants.meetingId, props.meetingId),
					eq(meetingParticipants.userId, user.id)
				)
			);
		if (already) throw badInput('userId', `${user.name} is already invited.`);
		const fit = meetingRoleFit({
			accountRole: user.role,
			meetingRole: props.role,
			familyOfMeetingChild:
				props.role === 'parent' &&
				(await familyOfMeetingChild(db, { meetingId: props.meetingId, userId: user.id })),
			accountOfMeetingChild:
				user.role === 'child' &&
				(await accountOfMeetingChild(db, { meetingId: props.meetingId, userId: user.id }))
		});
		if (fit === 'not-for-this-account') {
			const fitting = meetingRolesForAccount(user.role).map((role) =>
				meetingRoleLabel[role].toLowerCase()
			);
			throw badInput(
				'role',
				user.role === 'parent'
					? `${user.name} has a parent's account: invite them as a parent or carer, and only to a meeting about their own children.`
					: user.role === 'child'
						? `${user.name} has a child's own account: invite them as the child, and only to a meeting about them.`
						: `${user.name} cannot be invited as ${meetingRoleLabel[props.role].toLowerCase()}: choose ${fitting.slice(0, -1).join(', ')}${fitting.length > 1 ? ' or ' : ''}${fitting[fitting.length - 1]}.`
			);
		}
		if (fit === 'not-their-child') {
			throw badInput(
				'userId',
				`${user.name} is not a parent or carer of a child this meeting is about, so they cannot be invited to it.`
			);
		}
		if (fit === 'not-about-them') {
			// The same answer for a brother's or sister's meeting as for anyone else's: the
			// meeting is not about them, whoever it is about.
			throw badInput(
				'userId',
				`${user.name} has a child's own account: they can be invited only to a meeting about them, and this meeting is not.`
			);
		}
		if (
			user.role !== 'parent' &&
			!mayBeInvited({
				account: user,
				meetingUnitId,
				familyOfMeetingChild: false,
				// Judged above (`not-about-them`); what is left is the unit's wall.
				accountOfMeetingChild: user.role === 'child'
			})
		) {
			throw badInput(
				'userId',
				`${user.name} works for another unit, so they cannot be invited to this meeting.`
			);
		}
		name = user.name;
		agencyId ??= user.agencyId;
	}
	if (!name)
		throw badInput('name', 'Choose a person, or type the name of someone without an account.');
	const email = props.userId
		? null
		: await inviteeEmail(db, props.email, props.role, meetingUnitId);
	const [row] = await db
		.insert(meetingParticipants)
		.values({
			meetingId: props.meetingId,
			userId: props.userId,
			name,
			email,
			role: props.role,
			language,
			agencyId,
			voting: props.role === 'professional' && props.voting,
			reportRequested: props.reportRequested
		})
		.returning();
	await audit({
		db,
		userId: props.actorId,
		action: 'invite',
		targetType: 'meeting',
		targetId: props.meetingId,
		detail: { participantId: row.id, role: props.role }
	});
	await queueInvitation({ db, participantId: row.id }); // the email and its calendar file (docs/mail.md)
	if (row.reportRequested) await queueReportRequest({ db, participantId: row.id }); // and the request for their report
	return row;
}

/** The language an interpreter is invited to interpret, checked: the register and the invitations name it. */
function interpreterLanguage(typed: string | null | undefined): string {
	const language = typed?.trim() ?? '';
	if (!language)
		throw badInput('language', 'Name the language the interpreter interprets, for example Polish.');
	const long = tooLong(language, 'shortText', 'the language');
	if (long) throw badInput('language', long);
	return language;
}

/** The address given for someone without an account, checked; null when none was given. */
async function inviteeEmail(
	db: Database,
	typed: string | null | undefined,
	role: MeetingRole,
	meetingUnitId: string | null
): Promise<string | null> {
	const email = normaliseEmail(typed ?? '');
	if (!email) return null;
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254)
		throw badInput('email', 'Enter an email address like name@example.gov.uk.');
	if (!accountRoleForInvitee(role)) {
		throw badInput(
			'email',
			`Someone invited as ${meetingRoleLabel[role].toLowerCase()} cannot be sent a link to set up an account: leave the email address empty.`
		);
	}
	// Only the meeting's own unit's accounts are named (issue 20): another unit's account with
	// this address is neither revealed nor linked; this place waits for its own set-up link, which
	// goes to the address alone and claims only this place (../../auth/account-invites.ts).
	const [existing] = (await usersByEmail(db, email)).filter(
		(user) => user.unitId !== null && user.unitId === meetingUnitId
	);
	if (existing)
		throw badInput(
			'email',
			`${email} already has an account: choose ${existing.name} from the list instead.`
		);
	return email;
}

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
	return candidates
		.filter((person) =>
			mayBeInvited({
				account: person,
				meetingUnitId,
				familyOfMeetingChild: ofThisMeeting.has(person.id),
				accountOfMeetingChild: childrenOfThisMeeting.has(person.id)
			})
		)
		.slice(0, props.limit ?? candidates.length)
		.map((person) => ({
			id: person.id,
			name: person.name,
			role: person.role,
			agency: person.agency,
			email: person.email,
			roles: meetingRolesForAccount(person.role)
		}));
}

/**
 * Puts an agency's team mailbox on a meeting's list (issue 22): the school office, the GP
 * practice, the emergency duty team. It is written to at the agency's shared address, reads as a
 * professional (the professionals' copy), is never sent a link to set up an account and never
 * votes. The agency must be one the meeting's unit sees and must have an address.
 */
export async function inviteMailbox(props: {
	db: Database;
	actorId: string;
	meetingId: string;
	agencyId: string;
}): Promise<MeetingParticipant> {
	const { db } = props;
	const meetingUnitId = await unitOfMeeting(db, props.meetingId);
	const [agency] = /^[0-9a-f-]{36}$/i.test(props.agencyId)
		? await db.select().from(agencies).where(eq(agencies.id, props.agencyId))
		: [];
	if (!agency || (agency.unitId !== null && agency.unitId !== meetingUnitId))
		throw badInput('agencyId', 'Choose an agency from the unit’s list.');
	if (!agency.email)
		throw badInput(
			'agencyId',
			`${agency.name} has no team address on the unit’s list: add one on the agencies page first.`
		);
	const [already] = await db
		.select({ id: meetingParticipants.id })
		.from(meetingParticipants)
		.where(
			and(
				eq(meetingParticipants.meetingId, props.meetingId),
				eq(meetingParticipants.agencyId, agency.id),
				eq(meetingParticipants.mailbox, true)
			)
		);
	if (already) throw badInput('agencyId', `${agency.name}’s mailbox is already on the list.`);
	const [row] = await db
		.insert(meetingParticipants)
		.values({
			meetingId: props.meetingId,
			userId: null,
			name: agency.name,
			email: agency.email,
			role: 'professional',
			agencyId: agency.id,
			mailbox: true,
			voting: false,
			reportRequested: false
		})
		.returning();
	await audit({
		db,
		userId: props.actorId,
		action: 'invite',
		targetType: 'meeting',
		targetId: props.meetingId,
		detail: { participantId: row.id, role: 'professional', mailbox: true }
	});
	await queueInvitation({ db, participantId: row.id });
	return row;
}

/** The agency given for someone without an account, if any: one the meeting's unit sees. */
export async function checkAgencyForMeeting(
	db: Database,
	meetingId: string,
	agencyId: string | null | undefined
): Promise<string | null> {
	if (!agencyId) return null;
	const meetingUnitId = await unitOfMeeting(db, meetingId);
	const [agency] = /^[0-9a-f-]{36}$/i.test(agencyId)
		? await db
				.select({ id: agencies.id, unitId: agencies.unitId })
				.from(agencies)
				.where(eq(agencies.id, agencyId))
		: [];
	if (!agency || (agency.unitId !== null && agency.unitId !== meetingUnitId))
		throw badInput('agencyId', 'Choose an agency from the unit’s list.');
	return agency.id;
}
