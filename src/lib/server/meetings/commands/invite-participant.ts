import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db';
import { meetingParticipants, users, type MeetingParticipant } from '../../db/schema';
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
import { refuseParentAtFosterReview } from '../../foster-carers/commands/schedule-review';
import { refuseInviteeForKind } from '../../linked-meetings/links';
import {
	accountOfMeetingChild,
	familyOfMeetingChild,
	ofAnotherUnit,
	unitOfMeeting
} from '../invitees';

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
	await refuseParentAtFosterReview(db, props.meetingId, props.role);
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
	await refuseInviteeForKind(db, { meetingId: props.meetingId, role: props.role, name });
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
