/**
 * Reminders of documents due out (docs/documents.md, "Due dates"): two working days before the
 * due date of a document that is not yet final (the notes), business support and the chair are
 * emailed a link behind sign-in — never the child's name or any of the record. Queued once per
 * document version and person through `enqueueMailOnce`: the key is the meeting, the chair's
 * participant row (the meeting's anchor; scheduled_mail keys need one), purpose `document-due`
 * and a sequence made of the version, the kind and the person's place (0 the chair, 1… business
 * support in user id order).
 */
import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Database } from '../db';
import { meetingDocuments, meetingParticipants, meetings, users } from '../db/schema';
import { calendarDateOf, formatCalendarDate, type CalendarDate } from '../../domain/calendar-date';
import { documentReminderDay } from '../../domain/document-due';
import { documentKindLabel } from '../../domain/labels';
import type { DocumentKind } from '../../domain/vocabulary';
import { meetingDateWordsWithYear, meetingLink } from './invitations';
import { enqueueMailOnce, type QueuedMail } from './outbox';

const kindSlot: Record<string, number> = { 'plan-24h': 1, notes: 2 };

export function documentDueMail(props: {
	to: { email: string; userId: string };
	meeting: { id: string; scheduledAt: Date };
	document: { id: string; kind: string; dueBy: CalendarDate };
}): QueuedMail {
	const { meeting, document } = props;
	const what = (documentKindLabel[document.kind as DocumentKind] ?? 'A document').toLowerCase();
	const by = formatCalendarDate(document.dueBy);
	const link =
		document.kind === 'notes' ? `${meetingLink(meeting.id)}/notes` : meetingLink(meeting.id);
	return {
		to: props.to.email,
		userId: props.to.userId,
		purpose: 'document-due',
		meetingId: meeting.id,
		documentId: document.id,
		subject: `Reminder: the ${what} of a meeting are due by ${by}`,
		text: [
			'Hello,',
			'',
			`The ${what} of the meeting on ${meetingDateWordsWithYear(meeting.scheduledAt)} (UK time) are due out by ${by} and are not final yet.`,
			'',
			'Open them on Roundtable after you sign in:',
			link,
			'',
			'This email names no one. Please do not forward it.',
			'Roundtable'
		].join('\n')
	};
}

/** Queues every reminder due at `now`; returns how many it queued (none the second time). */
export async function queueDocumentDueReminders(props: {
	db: Database;
	now?: Date;
}): Promise<number> {
	const { db } = props;
	const now = props.now ?? new Date();
	const today = calendarDateOf(now);
	const open = await db
		.select({
			id: meetingDocuments.id,
			meetingId: meetingDocuments.meetingId,
			kind: meetingDocuments.kind,
			version: meetingDocuments.version,
			dueBy: meetingDocuments.dueBy
		})
		.from(meetingDocuments)
		.where(ne(meetingDocuments.state, 'final'));
	let queued = 0;
	for (const doc of open) {
		if (!doc.dueBy || !(doc.kind in kindSlot)) continue;
		if (today < documentReminderDay(doc.dueBy) || today > doc.dueBy) continue;
		const [meeting] = await db.select().from(meetings).where(eq(meetings.id, doc.meetingId));
		if (!meeting?.chairId) continue;
		const participants = await db
			.select({
				id: meetingParticipants.id,
				role: meetingParticipants.role,
				userId: meetingParticipants.userId
			})
			.from(meetingParticipants)
			.where(eq(meetingParticipants.meetingId, meeting.id))
			.orderBy(asc(meetingParticipants.id));
		const anchor = participants.find((p) => p.userId === meeting.chairId) ?? participants[0];
		if (!anchor) continue;
		// Business support: the minute-takers on the list, else the unit's business support.
		let supportIds = participants
			.filter((p) => p.role === 'minute-taker' && p.userId)
			.map((p) => p.userId!);
		if (supportIds.length === 0 && meeting.unitId) {
			supportIds = (
				await db
					.select({ id: users.id })
					.from(users)
					.where(
						and(eq(users.unitId, meeting.unitId), eq(users.role, 'admin'), isNull(users.disabledAt))
					)
			).map((u) => u.id);
		}
		const people = [meeting.chairId, ...[...new Set(supportIds)].sort().slice(0, 9)];
		const accounts = await db
			.select({ id: users.id, email: users.email })
			.from(users)
			.where(inArray(users.id, people));
		const emailOf = new Map(accounts.map((a) => [a.id, a.email]));
		for (const [slot, userId] of people.entries()) {
			const email = emailOf.get(userId);
			if (!email) continue;
			const message = await enqueueMailOnce({
				db,
				key: {
					meetingId: meeting.id,
					participantId: anchor.id,
					purpose: 'document-due',
					sequence: doc.version * 100 + kindSlot[doc.kind] * 10 + slot
				},
				at: now,
				build: () =>
					documentDueMail({
						to: { email, userId },
						meeting,
						document: { id: doc.id, kind: doc.kind, dueBy: doc.dueBy! }
					})
			});
			if (message) queued++;
		}
	}
	return queued;
}
