/**
 * Chases a late report of a foster carer review (issue 25): asked for, not in, and past its due
 * date. A chaser is emailed through the outbox to the person asked, and the chase is recorded on
 * the report (how many times, and when last). A report not late is not chased (409).
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { fosterReviewReports } from '../../db/schema';
import { audit } from '../../audit';
import { CommandError } from '../../command-error';
import { enqueueMail } from '../../mail/outbox';
import type { CalendarDate } from '../../../domain/calendar-date';
import { reviewReports, workableReview } from '../carers';
import { reportChaserMail } from '../mail';

/** 200's reports in order; null: not the viewer's review or report (404); 409 when not late. */
export async function chaseReport(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	reportId: string;
	today: CalendarDate;
	now?: Date;
}) {
	const { db, user, meetingId, today } = props;
	const now = props.now ?? new Date();
	const review = await workableReview(db, user, meetingId);
	if (!review) return null;
	const report = (await reviewReports(db, meetingId, today)).find((r) => r.id === props.reportId);
	if (!report) return null;
	if (!report.mayChase || !report.askedOfEmail || !report.dueBy)
		throw new CommandError(
			409,
			report.state === 'received'
				? 'This report is in: there is nothing to chase.'
				: report.state === 'not-yet-requested'
					? 'Ask for this report first.'
					: `This report is not late yet: it is due by ${report.dueBy}.`
		);
	const { askedOfEmail, dueBy } = report;
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(fosterReviewReports)
			.set({ chaseCount: sql`${fosterReviewReports.chaseCount} + 1`, lastChasedAt: now })
			.where(and(eq(fosterReviewReports.id, report.id), isNull(fosterReviewReports.receivedAt)))
			.returning({ id: fosterReviewReports.id });
		if (!row) throw new CommandError(409, 'This report is in: there is nothing to chase.');
		await enqueueMail({
			db: tx,
			mail: reportChaserMail({
				meetingId,
				scheduledAt: review.scheduledAt,
				report: { kind: report.kind, askedOfEmail, dueBy }
			})
		});
		await audit({
			db: tx,
			userId: user.id,
			action: 'chase foster review report',
			targetType: 'meeting',
			targetId: meetingId,
			detail: { reportId: report.id, kind: report.kind }
		});
	});
	return reviewReports(db, meetingId, today);
}
