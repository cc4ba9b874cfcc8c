/**
 * Reports asked of agencies (GPs included) for a meeting (DESIGN §7, issue 11): the request,
 * its reminder and its chaser (each queued once, `enqueueMailOnce`), and where each request
 * stands — for the meeting page and the list of late reports across the unit's meetings. The
 * emails name no one: the kind of meeting, its date, the deadline and a link behind sign-in.
 * Whether a report arrived and was shared with the parents is the register's
 * (`meeting_participants`); when it was asked, reminded and chased is `report_requests`.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import {
	agencies,
	meetingParticipants,
	meetings,
	reportRequests,
	type Meeting,
	type OutboxMessage
} from '../db/schema';
import {
	calendarDateOf,
	compareDates,
	formatCalendarDate,
	type CalendarDate
} from '../../domain/calendar-date';
import {
	reportDeadline,
	reportRequestStatus,
	type ReportFollowUp,
	type ReportRequestState
} from '../../domain/reminders';
import { meetingKindLabel } from '../../domain/labels';
import { mayReadLateReports, type Viewer } from '../../policy';
import { meetingDateWords, meetingDateWordsWithYear, meetingLink } from './invitations';
import { enqueueMailOnce, type QueuedMail } from './outbox';
import { reportDueDaysOf } from '../unit-settings';
import { meetingRecipients, type MeetingRecipient } from './recipients';

export type ReportMailPurpose = 'report-request' | ReportFollowUp;

/** The request, reminder or chaser to one person (not yet queued). */
export function reportMail(props: {
	purpose: ReportMailPurpose;
	meeting: Pick<Meeting, 'id' | 'kind' | 'scheduledAt'>;
	recipient: Pick<MeetingRecipient, 'userId' | 'email'>;
	deadline: CalendarDate;
	queuedAt?: Date;
}): QueuedMail {
	const { meeting, recipient } = props;
	const kind = meetingKindLabel[meeting.kind].toLowerCase();
	const when = meetingDateWords(meeting.scheduledAt);
	const meetingWords = `the ${kind} on ${meetingDateWordsWithYear(meeting.scheduledAt)} (UK time)`;
	const by = formatCalendarDate(props.deadline);
	const { subject, lead } = {
		'report-request': {
			subject: `Please send a report for a meeting on ${when}`,
			lead: `The unit asks you for a written report for ${meetingWords}. Please send it to the unit's business support by ${by}, so that it can be shared with the family before the meeting.`
		},
		'report-reminder': {
			subject: `Reminder: your report for the meeting on ${when} is due by ${by}`,
			lead: `Your report for ${meetingWords} is due by ${by}. If you have sent it already, thank you: please ignore this reminder.`
		},
		'report-chaser': {
			subject: `Your report for the meeting on ${when} is late`,
			lead: `Your report for ${meetingWords} was due by ${by} and has not reached the unit yet. Please send it to the unit's business support as soon as you can: the family should read it before the meeting.`
		}
	}[props.purpose];
	const text = [
		'Hello,',
		'',
		lead,
		'',
		'The details are on Roundtable after you sign in:',
		meetingLink(meeting.id),
		'',
		...(recipient.userId === null
			? ['If you have not set up your account yet, use the link in your invitation email.', '']
			: []),
		'This email names no one. Please do not forward it.',
		'Roundtable'
	].join('\n');
	return {
		to: recipient.email,
		userId: recipient.userId,
		purpose: props.purpose,
		meetingId: meeting.id,
		subject,
		text,
		queuedAt: props.queuedAt
	};
}

/** A meeting that still needs its reports: scheduled, and its day not yet past. */
function stillToCome(
	meeting: Pick<Meeting, 'status' | 'scheduledAt'>,
	today: CalendarDate
): boolean {
	return (
		meeting.status === 'scheduled' && compareDates(calendarDateOf(meeting.scheduledAt), today) >= 0
	);
}

/**
 * Asks one participant for their report: queues the request (once, ever) and notes it on
 * `report_requests`. Nothing (null) when no report is asked of them, it has arrived, the
 * meeting is over, cancelled or under way, or they have no address.
 */
export async function queueReportRequest(props: {
	db: Database;
	participantId: string;
	now?: Date;
	queuedAt?: Date;
}): Promise<OutboxMessage | null> {
	const { db } = props;
	const now = props.now ?? new Date();
	const [found] = await db
		.select({ participant: meetingParticipants, meeting: meetings })
		.from(meetingParticipants)
		.innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
		.where(eq(meetingParticipants.id, props.participantId));
	if (!found || !found.participant.reportRequested || found.participant.reportReceivedAt)
		return null;
	const { meeting } = found;
	if (!stillToCome(meeting, calendarDateOf(now))) return null;
	const [recipient] = await meetingRecipients({
		db,
		meetingId: meeting.id,
		participantId: props.participantId
	});
	if (!recipient) return null;
	const askedAt = props.queuedAt ?? now;
	const dueDays = await reportDueDaysOf(db, meeting.unitId);
	return enqueueMailOnce({
		db,
		key: {
			meetingId: meeting.id,
			participantId: recipient.participantId,
			purpose: 'report-request'
		},
		at: askedAt,
		build: () =>
			reportMail({
				purpose: 'report-request',
				meeting,
				recipient,
				deadline: reportDeadline(calendarDateOf(meeting.scheduledAt), dueDays),
				queuedAt: props.queuedAt
			}),
		also: (tx) =>
			tx
				.insert(reportRequests)
				.values({ participantId: recipient.participantId, meetingId: meeting.id, askedAt })
				.onConflictDoNothing()
	});
}

/** Queues a report reminder or chaser (once, ever) and notes it on the report request. */
export async function queueReportFollowUp(props: {
	db: Database;
	purpose: ReportFollowUp;
	meeting: Pick<Meeting, 'id' | 'kind' | 'scheduledAt'>;
	recipient: MeetingRecipient;
	now: Date;
	/** The unit's working days before the meeting a report is due (3 by default). */
	dueDays?: number;
}): Promise<OutboxMessage | null> {
	const { db, purpose, meeting, recipient, now } = props;
	return enqueueMailOnce({
		db,
		key: { meetingId: meeting.id, participantId: recipient.participantId, purpose },
		at: now,
		build: () =>
			reportMail({
				purpose,
				meeting,
				recipient,
				deadline: reportDeadline(calendarDateOf(meeting.scheduledAt), props.dueDays)
			}),
		also: (tx) =>
			tx
				.update(reportRequests)
				.set(purpose === 'report-reminder' ? { remindedAt: now } : { chasedAt: now })
				.where(eq(reportRequests.participantId, recipient.participantId))
	});
}

/** One report request as the meeting page and the late-reports list show it. */
export interface ReportRequestView {
	participantId: string;
	name: string;
	agency: string | null;
	deadline: CalendarDate;
	state: ReportRequestState;
	late: boolean;
	askedAt: string | null;
	remindedAt: string | null;
	chasedAt: string | null;
	receivedAt: string | null;
}

const requestColumns = {
	participant: meetingParticipants,
	agency: agencies.name,
	request: reportRequests,
	meeting: {
		id: meetings.id,
		kind: meetings.kind,
		title: meetings.title,
		status: meetings.status,
		scheduledAt: meetings.scheduledAt
	}
};

function view(
	row: {
		participant: typeof meetingParticipants.$inferSelect;
		agency: string | null;
		request: typeof reportRequests.$inferSelect | null;
		meeting: { scheduledAt: Date };
	},
	today: CalendarDate,
	dueDays?: number
): ReportRequestView {
	const { participant: p, request } = row;
	const status = reportRequestStatus({
		meetingDate: calendarDateOf(row.meeting.scheduledAt),
		today,
		asked: request !== null,
		reminded: request?.remindedAt != null,
		received: p.reportReceivedAt !== null,
		sharedWithParents: p.reportSharedWithParents,
		dueDays
	});
	return {
		participantId: p.id,
		name: p.name,
		agency: row.agency,
		deadline: status.deadline,
		state: status.state,
		late: status.late,
		askedAt: request?.askedAt.toISOString() ?? null,
		remindedAt: request?.remindedAt?.toISOString() ?? null,
		chasedAt: request?.chasedAt?.toISOString() ?? null,
		receivedAt: p.reportReceivedAt?.toISOString() ?? null
	};
}

/** Every report asked for this meeting, by name, with its deadline and state. */
export async function reportRequestsForMeeting(props: {
	db: Database;
	meetingId: string;
	now?: Date;
}): Promise<ReportRequestView[]> {
	const today = calendarDateOf(props.now ?? new Date());
	const rows = await props.db
		.select(requestColumns)
		.from(meetingParticipants)
		.innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
		.leftJoin(agencies, eq(agencies.id, meetingParticipants.agencyId))
		.leftJoin(reportRequests, eq(reportRequests.participantId, meetingParticipants.id))
		.where(
			and(
				eq(meetingParticipants.meetingId, props.meetingId),
				eq(meetingParticipants.reportRequested, true)
			)
		)
		.orderBy(asc(meetingParticipants.name));
	if (!rows.length) return [];
	const [meeting] = await props.db
		.select({ unitId: meetings.unitId })
		.from(meetings)
		.where(eq(meetings.id, props.meetingId));
	const dueDays = await reportDueDaysOf(props.db, meeting?.unitId ?? null);
	return rows.map((row) => view(row, today, dueDays));
}

/** A late report and the meeting it is for. */
export interface LateReport extends ReportRequestView {
	meeting: {
		id: string;
		kind: Meeting['kind'];
		title: string;
		status: Meeting['status'];
		scheduledAt: string;
	};
}

/**
 * Every report past its deadline and not received, across the viewer's unit's meetings still
 * to come (scheduled, today or later) or under way, soonest meeting first; null when the viewer may not see the list
 * (`mayReadLateReports`: business support and chairs of the unit).
 */
export async function lateReportsForViewer(props: {
	db: Database;
	viewer: Viewer;
	now?: Date;
}): Promise<LateReport[] | null> {
	const { db, viewer } = props;
	if (!mayReadLateReports(viewer)) return null;
	const today = calendarDateOf(props.now ?? new Date());
	const rows = await db
		.select(requestColumns)
		.from(meetingParticipants)
		.innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
		.leftJoin(agencies, eq(agencies.id, meetingParticipants.agencyId))
		.leftJoin(reportRequests, eq(reportRequests.participantId, meetingParticipants.id))
		.where(
			and(
				eq(meetings.unitId, viewer.unitId!),
				inArray(meetings.status, ['scheduled', 'live']),
				eq(meetingParticipants.reportRequested, true),
				isNull(meetingParticipants.reportReceivedAt)
			)
		)
		.orderBy(asc(meetings.scheduledAt), asc(meetingParticipants.name));
	const dueDays = await reportDueDaysOf(db, viewer.unitId!);
	return rows
		.map((row) => ({
			...view(row, today, dueDays),
			meeting: { ...row.meeting, scheduledAt: row.meeting.scheduledAt.toISOString() }
		}))
		.filter(
			(report) =>
				report.late &&
				(report.meeting.status === 'live' ||
					compareDates(calendarDateOf(new Date(report.meeting.scheduledAt)), today) >= 0)
		);
}
