/**
 * The emails about a meeting's date (docs/mail.md): an invitation when a person is invited,
 * an update when the meeting moves, a cancellation when it is called off. Each carries the
 * calendar file and a link to the meeting page behind sign-in, and names no child and no one
 * else: only the kind of meeting, when and where.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../db';
import { meetingCalendar, meetingParticipants, meetings, type OutboxMessage } from '../db/schema';
import type { MailPurpose } from '../../domain/vocabulary';
import { env } from '../env';
import { meetingKindLabel } from '../../domain/labels';
import { calendarDateOf, formatCalendarDate } from '../../domain/calendar-date';
import { withArticle } from '../../domain/plain-words';
import { accountInviteLink, createAccountInvite } from '../auth/account-invites';
import { meetingCalendarFile, MEETING_TIME_ZONE } from './calendar';
import { meetingRecipients } from './recipients';
import { enqueueMail, type QueuedMail } from './outbox';

/** The public address of a meeting's page: ORIGIN, or this server on localhost. */
export function meetingLink(meetingId: string): string {
	const { ORIGIN, PORT } = env();
	const origin = (ORIGIN ?? `http://localhost:${PORT}`).replace(/\/+$/, '');
	return `${origin}/meetings/${encodeURIComponent(meetingId)}`;
}

/** "Thursday 3 December at 10:00", in UK time whatever the server's zone. */
export function meetingDateWords(at: Date): string {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', {
			weekday: 'long',
			day: 'numeric',
			month: 'long',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23',
			timeZone: MEETING_TIME_ZONE
		})
			.formatToParts(at)
			.map((part) => [part.type, part.value])
	);
	return `${parts.weekday} ${parts.day} ${parts.month} at ${parts.hour}:${parts.minute}`;
}

/** The year too, for the body: "Thursday 3 December 2026 at 10:00". */
export function meetingDateWordsWithYear(at: Date): string {
	const year = new Intl.DateTimeFormat('en-GB', {
		year: 'numeric',
		timeZone: MEETING_TIME_ZONE
	}).format(at);
	return meetingDateWords(at).replace(' at ', ` ${year} at `);
}

/** The meeting's calendar entry (sequence, place), made at sequence 0 on first use. */
export async function meetingCalendarEntry(props: { db: Database; meetingId: string }) {
	const { db, meetingId } = props;
	await db.insert(meetingCalendar).values({ meetingId }).onConflictDoNothing();
	const [entry] = await db
		.select()
		.from(meetingCalendar)
		.where(eq(meetingCalendar.meetingId, meetingId));
	return entry;
}

/** Raises the meeting's SEQUENCE (it moved or was cancelled) and notes why; returns the new entry. */
export async function raiseCalendarSequence(props: {
	db: Database;
	meetingId: string;
	reason: string;
	at?: Date;
}) {
	const { db, meetingId } = props;
	await meetingCalendarEntry({ db, meetingId });
	const [entry] = await db
		.update(meetingCalendar)
		.set({
			sequence: sql`${meetingCalendar.sequence} + 1`,
			changeReason: props.reason,
			changedAt: props.at ?? new Date()
		})
		.where(eq(meetingCalendar.meetingId, meetingId))
		.returning();
	return entry;
}

export function organizer(): { name: string; email: string } {
	const from = env().MAIL_FROM;
	const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
	return match
		? { name: match[1] || 'Roundtable', email: match[2] }
		: { name: 'Roundtable', email: from.trim() };
}

interface Wording {
	subject: string;
	lead: string;
	method: 'REQUEST' | 'CANCEL';
}

/** The emails about a meeting's date, each with the calendar file. */
export type MeetingMailPurpose = 'invitation' | 'update' | 'cancellation' | 'reminder';

function wording(purpose: MeetingMailPurpose, kind: string, at: Date): Wording {
	const when = meetingDateWords(at);
	switch (purpose) {
		case 'invitation':
			return {
				subject: `You are invited to a meeting on ${when}`,
				lead: `You are invited to ${withArticle(kind.toLowerCase())} on ${meetingDateWordsWithYear(at)} (UK time).`,
				method: 'REQUEST'
			};
		case 'update':
			return {
				subject: `A meeting you are invited to has moved to ${when}`,
				lead: `${withArticle(kind.toLowerCase(), true)} you are invited to has moved. It is now on ${meetingDateWordsWithYear(at)} (UK time).`,
				method: 'REQUEST'
			};
		case 'cancellation':
			return {
				subject: `The meeting on ${when} is cancelled`,
				lead: `The ${kind.toLowerCase()} on ${meetingDateWordsWithYear(at)} (UK time) is cancelled. You do not need to go.`,
				method: 'CANCEL'
			};
		case 'reminder':
			return {
				subject: `Reminder: a meeting on ${when}`,
				lead: `This is a reminder of the ${kind.toLowerCase()} you are invited to on ${meetingDateWordsWithYear(at)} (UK time).`,
				method: 'REQUEST'
			};
	}
}

/** One email about the meeting's date to one person, with the calendar file (not yet queued). */
export function meetingMail(props: {
	purpose: MeetingMailPurpose;
	meeting: { id: string; kind: keyof typeof meetingKindLabel; scheduledAt: Date };
	recipient: { userId: string | null; email: string; mailbox?: boolean };
	calendar: { sequence: number; place: string | null };
	queuedAt?: Date;
	/** For someone without an account: the link to set one up (the invitation carries it). */
	setUpLink?: { url: string; expiresAt: Date };
	/**
	 * The languages of the interpreters on the meeting's list (issue 26). The invitation says an
	 * interpreter is booked only when one is: a child who needs one but has none yet is not
	 * mentioned (the chair is told on the meeting page instead).
	 */
	interpreterLanguages?: readonly string[];
}): QueuedMail {
	const { meeting, recipient } = props;
	const kind = meetingKindLabel[meeting.kind];
	const words = wording(props.purpose, kind, meeting.scheduledAt);
	const url = meetingLink(meeting.id);
	const place = props.calendar.place
		? `Where: ${props.calendar.place}`
		: 'Where: the unit will tell you.';
	const setUp = props.setUpLink
		? [
				`You do not have an account on Roundtable yet. Set one up with this link (it works once, until ${formatCalendarDate(calendarDateOf(props.setUpLink.expiresAt))}):`,
				props.setUpLink.url,
				''
			]
		: [];
	const noAccountYet =
		recipient.userId === null && !recipient.mailbox && !props.setUpLink
			? [
					"If you have not set up your account yet, use the link in your invitation email; if it has expired, ask the unit's business support for a new one.",
					''
				]
			: [];
	const text = [
		'Hello,',
		'',
		words.lead,
		...(props.purpose === 'cancellation' ? [] : [place]),
		...(props.purpose !== 'cancellation' && props.interpreterLanguages?.length
			? [`An interpreter (${props.interpreterLanguages.join(', ')}) is booked for this meeting.`]
			: []),
		'',
		...setUp,
		props.purpose === 'cancellation'
			? 'Why, and what happens next, is on Roundtable after you sign in:'
			: 'The details are on Roundtable after you sign in:',
		url,
		'',
		...noAccountYet,
		props.purpose === 'cancellation'
			? 'The calendar file attached takes the meeting out of your calendar.'
			: 'The calendar file attached puts the meeting in your calendar (or moves it there).',
		'',
		'This email names no one. Please do not forward it.',
		'Roundtable'
	].join('\n');
	const ics = meetingCalendarFile({
		meeting: {
			id: meeting.id,
			kind: meeting.kind,
			scheduledAt: meeting.scheduledAt,
			place: props.calendar.place
		},
		sequence: props.calendar.sequence,
		method: words.method,
		url,
		organizer: organizer(),
		attendee: { email: recipient.email }
	});
	return {
		to: recipient.email,
		userId: recipient.userId,
		purpose: props.purpose satisfies MailPurpose,
		meetingId: meeting.id,
		subject: words.subject,
		text,
		attachments: [
			{
				filename: props.purpose === 'cancellation' ? 'cancelled-meeting.ics' : 'meeting.ics',
				contentType: `text/calendar; charset=utf-8; method=${words.method}`,
				contentBase64: Buffer.from(ics, 'utf8').toString('base64')
			}
		],
		queuedAt: props.queuedAt
	};
}

/** Queues one email about the meeting's date to one person. */
async function queueMeetingMail(
	props: Parameters<typeof meetingMail>[0] & { db: Database }
): Promise<OutboxMessage> {
	return enqueueMail({ db: props.db, mail: meetingMail(props) });
}

/** The languages of the interpreters on the meeting's list, each once (issue 26): who is booked. */
async function interpreterLanguages(db: Database, meetingId: string): Promise<string[]> {
	const rows = await db
		.selectDistinct({ language: meetingParticipants.language })
		.from(meetingParticipants)
		.where(
			and(eq(meetingParticipants.meetingId, meetingId), eq(meetingParticipants.role, 'interpreter'))
		);
	return rows.flatMap((r) => (r.language ? [r.language] : [])).sort();
}

/**
 * Queues the invitation to one participant, with the calendar file. Someone named without an
 * account but with an email address is sent, in it, a single-use link to set one up
 * (src/lib/server/auth/account-invites.ts). Someone with neither has no address, and a meeting
 * that has ended or been cancelled invites no one: both queue nothing (null).
 */
export async function queueInvitation(props: {
	db: Database;
	participantId: string;
	queuedAt?: Date;
}): Promise<OutboxMessage | null> {
	const { db } = props;
	const [found] = await db
		.select({
			id: meetings.id,
			kind: meetings.kind,
			scheduledAt: meetings.scheduledAt,
			status: meetings.status
		})
		.from(meetingParticipants)
		.innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
		.where(eq(meetingParticipants.id, props.participantId));
	if (!found || found.status === 'ended' || found.status === 'cancelled') return null;
	const [recipient] = await meetingRecipients({
		db,
		meetingId: found.id,
		participantId: props.participantId
	});
	if (!recipient) return null;
	const calendar = await meetingCalendarEntry({ db, meetingId: found.id });
	let setUpLink: { url: string; expiresAt: Date } | undefined;
	if (recipient.userId === null && !recipient.mailbox) {
		const invite = await createAccountInvite({
			db,
			participantId: recipient.participantId,
			email: recipient.email,
			now: props.queuedAt
		});
		setUpLink = { url: accountInviteLink(invite.token), expiresAt: invite.expiresAt };
	}
	return queueMeetingMail({
		db,
		purpose: 'invitation',
		meeting: found,
		recipient,
		calendar,
		queuedAt: props.queuedAt,
		setUpLink,
		interpreterLanguages: await interpreterLanguages(db, found.id)
	});
}

/**
 * Queues an update (the meeting moved) or a cancellation to everyone on the list with an
 * address (`meetingRecipients`), once per address, with the calendar file at the meeting's
 * current SEQUENCE. Call after raising it.
 */
export async function queueMeetingChange(props: {
	db: Database;
	meetingId: string;
	purpose: 'update' | 'cancellation';
}): Promise<OutboxMessage[]> {
	const { db } = props;
	const [meeting] = await db
		.select({ id: meetings.id, kind: meetings.kind, scheduledAt: meetings.scheduledAt })
		.from(meetings)
		.where(eq(meetings.id, props.meetingId));
	if (!meeting) return [];
	const calendar = await meetingCalendarEntry({ db, meetingId: meeting.id });
	const byAddress = new Map(
		(await meetingRecipients({ db, meetingId: meeting.id })).map((recipient) => [
			recipient.email.toLowerCase(),
			recipient
		])
	);
	const invitees = [...byAddress.values()];
	const queued: OutboxMessage[] = [];
	for (const recipient of invitees)
		queued.push(
			await queueMeetingMail({ db, purpose: props.purpose, meeting, recipient, calendar })
		);
	return queued;
}
