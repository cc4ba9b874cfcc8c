/** The set-up link's email (../auth/account-invites.ts): made for one person, or each of an import's. */
import type { Database } from '../db';
import { accountInviteLink, createUserInvite } from '../auth/account-invites';
import { calendarDateOf, formatCalendarDate } from '../../domain/calendar-date';
import { enqueueMail, type QueuedMail } from '../mail/outbox';

/** The mail carrying a set-up link: no meeting, no child, only the link. */
export async function queueSetUpMail(props: {
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
