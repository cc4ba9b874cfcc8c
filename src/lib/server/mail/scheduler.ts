/**
 * The mail scheduler: every few minutes it looks at the meetings still to come and queues what
 * has fallen due (docs/mail.md) — a reminder to everyone invited, a request to each agency
 * asked for a report that has not had one, a reminder before the report's deadline and a
 * chaser after it. The days are the domain's (src/lib/domain/reminders.ts: working days, England
 * and Wales bank holidays skipped). Each email is queued exactly once through `enqueueMailOnce`
 * (a unique key per meeting, participant, purpose and sequence, written with the message), so
 * several nodes, a restart or two runs at once never queue one twice. It only queues: the sender
 * (./sender.ts) delivers.
 */
import { and, eq, gte, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { meetings, outbox, reportRequests, scheduledMail, type Meeting } from '../db/schema';
import { calendarDateOf, compareDates } from '../../domain/calendar-date';
import { reminderDue, reportFollowUpDue } from '../../domain/reminders';
import { meetingCalendarEntry, meetingMail } from './invitations';
import { enqueueMailOnce } from './outbox';
import { meetingRecipients } from './recipients';
import { queueReportFollowUp, queueReportRequest } from './report-requests';
import { reportDueDaysOf } from '../unit-settings';
import { queueDocumentDueReminders } from './document-due';
import { queueChallengeReminders } from '../oversight/challenges';
import { queueUnreadMessageNotices } from '../messages';

export interface ScheduledCounts {
	reminders: number;
	reportRequests: number;
	reportReminders: number;
	reportChasers: number;
}

/** The latest day each address was emailed this meeting's date (its invitation or an update). */
async function lastToldOn(db: Database, meetingId: string): Promise<Map<string, string>> {
	const rows = await db
		.select({ to: outbox.recipientEmail, at: outbox.createdAt })
		.from(outbox)
		.where(and(eq(outbox.meetingId, meetingId), inArray(outbox.purpose, ['invitation', 'update'])));
	const latest = new Map<string, string>();
	for (const row of rows) {
		const day = calendarDateOf(row.at);
		const key = row.to.toLowerCase();
		if (!latest.has(key) || compareDates(day, latest.get(key)!) > 0) latest.set(key, day);
	}
	return latest;
}

/** What one meeting has due now. */
async function queueDueForMeeting(
	db: Database,
	meeting: Meeting,
	now: Date,
	counts: ScheduledCounts
): Promise<void> {
	const today = calendarDateOf(now);
	const meetingDate = calendarDateOf(meeting.scheduledAt);
	const recipients = await meetingRecipients({ db, meetingId: meeting.id });
	if (recipients.length === 0) return;
	const calendar = await meetingCalendarEntry({ db, meetingId: meeting.id });
	const told = await lastToldOn(db, meeting.id);
	const dueDays = await reportDueDaysOf(db, meeting.unitId);
	const requests = new Map(
		(await db.select().from(reportRequests).where(eq(reportRequests.meetingId, meeting.id))).map(
			(request) => [request.participantId, request]
		)
	);
	// Keys already queued are skipped without a transaction; the key's insert stays the guard.
	const queuedKeys = new Set(
		(await db.select().from(scheduledMail).where(eq(scheduledMail.meetingId, meeting.id))).map(
			(key) => `${key.participantId} ${key.purpose} ${key.sequence}`
		)
	);
	for (const recipient of recipients) {
		// The reminder: not to someone who sent apologies, and not once the meeting has begun.
		if (
			recipient.attendance !== 'apologies' &&
			meeting.scheduledAt.getTime() > now.getTime() &&
			!queuedKeys.has(`${recipient.participantId} reminder ${calendar.sequence}`) &&
			reminderDue({
				meetingDate,
				today,
				lastToldOn: told.get(recipient.email.toLowerCase()) ?? null
			})
		) {
			const queued = await enqueueMailOnce({
				db,
				key: {
					meetingId: meeting.id,
					participantId: recipient.participantId,
					purpose: 'reminder',
					sequence: calendar.sequence
				},
				at: now,
				build: () => meetingMail({ purpose: 'reminder', meeting, recipient, calendar })
			});
			if (queued) counts.reminders++;
		}
		if (!recipient.reportRequested || recipient.reportReceived) continue;
		const request = requests.get(recipient.participantId);
		if (!request) {
			if (await queueReportRequest({ db, participantId: recipient.participantId, now }))
				counts.reportRequests++;
			continue;
		}
		const due = reportFollowUpDue({
			meetingDate,
			today,
			askedOn: calendarDateOf(request.askedAt),
			reminded: request.remindedAt !== null,
			chased: request.chasedAt !== null,
			received: false,
			dueDays
		});
		if (
			due &&
			!queuedKeys.has(`${recipient.participantId} ${due} 0`) &&
			(await queueReportFollowUp({ db, purpose: due, meeting, recipient, now, dueDays }))
		) {
			counts[due === 'report-reminder' ? 'reportReminders' : 'reportChasers']++;
		}
	}
}

/**
 * Queues everything due at `now` for every scheduled meeting whose day has not passed, and
 * says how many of each it queued (none the second time).
 */
export async function queueDueMail(props: {
	db: Database;
	now?: Date;
	/** Asked between meetings: true ends the round there (the process is stopping); the next round goes on. */
	stopping?: () => boolean;
}): Promise<ScheduledCounts> {
	const { db } = props;
	const now = props.now ?? new Date();
	const today = calendarDateOf(now);
	const counts: ScheduledCounts = {
		reminders: 0,
		reportRequests: 0,
		reportReminders: 0,
		reportChasers: 0
	};
	// A day's margin on the instant, then the meeting's own UK day decides.
	const upcoming = await db
		.select()
		.from(meetings)
		.where(
			and(
				eq(meetings.status, 'scheduled'),
				gte(meetings.scheduledAt, new Date(now.getTime() - 36 * 60 * 60_000))
			)
		);
	const stopping = props.stopping ?? (() => false);
	for (const meeting of upcoming) {
		if (stopping()) return counts;
		if (compareDates(calendarDateOf(meeting.scheduledAt), today) < 0) continue;
		await queueDueForMeeting(db, meeting, now, counts);
	}
	if (stopping()) return counts;
	// Documents due out in two working days and not final: business support and the chair.
	await queueDocumentDueReminders({ db, now });
	// A chair's challenge whose stage has waited too long: its author is reminded (once a stage).
	await queueChallengeReminders({ db, now });
	// A child's message to their reviewing officer unread for two working days: the managers are told.
	await queueUnreadMessageNotices({ db, now });
	return counts;
}

export interface MailScheduler {
	/** Queues what is due now; resolves when this round is done. */
	runDue(): Promise<ScheduledCounts>;
	/** Runs now and then every `intervalMs` (unref'd: never keeps the process alive). */
	start(intervalMs?: number): void;
	/** Stops the timer and waits for a round in progress to end (after the meeting in hand). */
	stop(): Promise<void>;
}

/** A scheduler for one database. */
export function createMailScheduler(props: { db: Database; now?: () => Date }): MailScheduler {
	const { db } = props;
	const now = props.now ?? (() => new Date());
	let timer: ReturnType<typeof setInterval> | null = null;
	let round: Promise<ScheduledCounts> | null = null;
	let stopping = false;
	const scheduler: MailScheduler = {
		runDue() {
			// One round at a time: a tick during a round waits for it.
			round ??= queueDueMail({ db, now: now(), stopping: () => stopping }).finally(() => {
				round = null;
			});
			return round;
		},
		start(intervalMs = 5 * 60_000) {
			if (timer || stopping) return;
			const tick = () => {
				scheduler.runDue().catch((error: unknown) => {
					console.error(
						`Reminders and report requests could not be queued: ${(error as { code?: string }).code ?? 'database error'}`
					);
				});
			};
			timer = setInterval(tick, intervalMs);
			timer.unref();
			tick();
		},
		async stop() {
			stopping = true;
			if (timer) clearInterval(timer);
			timer = null;
			await round?.catch(() => {});
		}
	};
	return scheduler;
}
