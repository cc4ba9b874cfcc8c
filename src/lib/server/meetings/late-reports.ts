/**
 * Late reports in working order (issue 28): every report asked of an agency for the unit's
 * meetings of the last 90 days or still to come, past its deadline and not received — whether
 * or not the meeting has ended, since a GP's report late for last week's conference still has
 * to be chased for the record — with who to chase: the name, the agency and an address to write
 * to (the invite's own address, else the person's account, else the agency's shared inbox).
 * The meeting soonest to come or most recently held first.
 */
import { and, asc, eq, gte, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { agencies, meetingParticipants, meetings, reportRequests, users } from '../db/schema';
import { calendarDateOf } from '../../domain/calendar-date';
import { reportRequestStatus } from '../../domain/reminders';
import { mayReadLateReports, type Viewer } from '../../policy';
import type { LateReport } from '../mail/report-requests';
import { reportDueDaysOf } from '../unit-settings';

/** How far back the queue looks: meetings held in the last 90 days. */
export const lateReportsWindowDays = 90;

/** A late report, its meeting and where to write to chase it (null: no address is known). */
export interface LateReportToChase extends LateReport {
	email: string | null;
}

/** The late reports of the viewer's unit; null when the viewer may not see them (`mayReadLateReports`). */
export async function lateReportsToChase(props: {
	db: Database;
	viewer: Viewer;
	now?: Date;
}): Promise<LateReportToChase[] | null> {
	const { db, viewer } = props;
	if (!mayReadLateReports(viewer) || !viewer.unitId) return null;
	const now = props.now ?? new Date();
	const today = calendarDateOf(now);
	const since = new Date(now.getTime() - lateReportsWindowDays * 86_400_000);
	const rows = await db
		.select({
			participant: meetingParticipants,
			agency: agencies.name,
			agencyEmail: agencies.email,
			accountEmail: users.email,
			request: reportRequests,
			meeting: {
				id: meetings.id,
				kind: meetings.kind,
				title: meetings.title,
				status: meetings.status,
				scheduledAt: meetings.scheduledAt
			}
		})
		.from(meetingParticipants)
		.innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
		.leftJoin(agencies, eq(agencies.id, meetingParticipants.agencyId))
		.leftJoin(users, eq(users.id, meetingParticipants.userId))
		.leftJoin(reportRequests, eq(reportRequests.participantId, meetingParticipants.id))
		.where(
			and(
				eq(meetings.unitId, viewer.unitId),
				gte(meetings.scheduledAt, since),
				eq(meetingParticipants.reportRequested, true),
				isNull(meetingParticipants.reportReceivedAt),
				inArray(meetings.status, ['scheduled', 'live', 'ended'])
			)
		)
		.orderBy(asc(meetings.scheduledAt), asc(meetingParticipants.name));
	const dueDays = await reportDueDaysOf(db, viewer.unitId);
	const late: LateReportToChase[] = [];
	for (const row of rows) {
		const { participant: p, request } = row;
		const status = reportRequestStatus({
			meetingDate: calendarDateOf(row.meeting.scheduledAt),
			today,
			asked: request !== null,
			reminded: request?.remindedAt != null,
			received: false,
			sharedWithParents: p.reportSharedWithParents,
			dueDays
		});
		if (!status.late) continue;
		late.push({
			participantId: p.id,
			name: p.name,
			agency: row.agency,
			email: p.email ?? row.accountEmail ?? row.agencyEmail ?? null,
			deadline: status.deadline,
			state: status.state,
			late: status.late,
			askedAt: request?.askedAt.toISOString() ?? null,
			remindedAt: request?.remindedAt?.toISOString() ?? null,
			chasedAt: request?.chasedAt?.toISOString() ?? null,
			receivedAt: null,
			meeting: { ...row.meeting, scheduledAt: row.meeting.scheduledAt.toISOString() }
		});
	}
	// Still to come (or under way) first, soonest first; then those held, most recent first.
	const upcoming = late.filter((r) => r.meeting.status !== 'ended');
	const held = late
		.filter((r) => r.meeting.status === 'ended')
		.sort(
			(a, b) =>
				b.meeting.scheduledAt.localeCompare(a.meeting.scheduledAt) || a.name.localeCompare(b.name)
		);
	return [...upcoming, ...held];
}
