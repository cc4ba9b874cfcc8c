/**
 * The demo's mail (docs/mail.md): what Roundtable would have queued for the demo's scheduled
 * meetings. Each invitation and report request is dated when the meeting was arranged (two
 * weeks before the demo is loaded), as if it had been queued then; the scheduler then queues
 * what has fallen due today — reminders, and the chaser for the GP's late report. Every email
 * goes through `enqueueMailOnce` (or the scheduler, which does), so loading the demo again
 * queues nothing twice. Without SMTP_URL they all wait at /outbox.
 */
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Database } from '../../src/lib/server/db';
import { meetingParticipants, meetings, users } from '../../src/lib/server/db/schema';
import { meetingCalendarEntry, meetingMail } from '../../src/lib/server/mail/invitations';
import { enqueueMailOnce } from '../../src/lib/server/mail/outbox';
import { queueReportRequest } from '../../src/lib/server/mail/report-requests';
import { queueDueMail } from '../../src/lib/server/mail/scheduler';

const DAY = 86_400_000;

/** Queues the invitations and report requests of the demo's scheduled meetings, then what is due today. */
export async function queueDemoMail(props: {
	db: Database;
	meetingIds: string[];
	today: Date;
}): Promise<void> {
	const { db, today } = props;
	const arrangedAt = new Date(today.getTime() - 14 * DAY);
	const scheduled = await db
		.select()
		.from(meetings)
		.where(and(inArray(meetings.id, props.meetingIds), eq(meetings.status, 'scheduled')));
	for (const meeting of scheduled) {
		const calendar = await meetingCalendarEntry({ db, meetingId: meeting.id });
		const invited = await db
			.select({ participant: meetingParticipants, email: users.email })
			.from(meetingParticipants)
			.innerJoin(users, eq(users.id, meetingParticipants.userId))
			.where(
				and(eq(meetingParticipants.meetingId, meeting.id), isNotNull(meetingParticipants.userId))
			);
		for (const { participant, email } of invited) {
			// The chair is put on the list when a meeting is scheduled, not invited (as createMeeting does).
			if (participant.role === 'chair') continue;
			await enqueueMailOnce({
				db,
				key: { meetingId: meeting.id, participantId: participant.id, purpose: 'invitation' },
				at: arrangedAt,
				build: () =>
					meetingMail({
						purpose: 'invitation',
						meeting,
						recipient: { userId: participant.userId, email },
						calendar,
						queuedAt: arrangedAt
					})
			});
			if (participant.reportRequested)
				await queueReportRequest({
					db,
					participantId: participant.id,
					now: today,
					queuedAt: arrangedAt
				});
		}
	}
	await queueDueMail({ db, now: today });
}
