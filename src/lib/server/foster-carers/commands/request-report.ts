/**
 * Asks for one report of a foster carer review (issue 25), in order: a child's social worker's,
 * the carer's view and a child's view at any time; the supervising social worker's only once
 * every placed child's social worker's report is in — before then refused (409) naming the
 * children whose social workers' reports are still missing. Asked of the person named (by
 * default the child's social worker for theirs, the supervising social worker for the rest), by
 * a date; the request is emailed through the outbox and recorded.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { fosterReviewReports } from '../../db/schema';
import { audit } from '../../audit';
import { badInput, CommandError } from '../../command-error';
import { enqueueMail } from '../../mail/outbox';
import { compareDates, type CalendarDate } from '../../../domain/calendar-date';
import { reportsStillMissing } from '../../../domain/foster-carer-review';
import {
	calendarDate,
	emailAddress,
	fieldsOf,
	placedChildren,
	reviewReports,
	words,
	workableReview
} from '../carers';
import { reportRequestMail } from '../mail';

/** 200's reports in order after the request; null: not the viewer's review or report (404). */
export async function requestReport(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	reportId: string;
	input: unknown;
	today: CalendarDate;
	now?: Date;
}) {
	const { db, user, meetingId, today } = props;
	const now = props.now ?? new Date();
	const review = await workableReview(db, user, meetingId);
	if (!review) return null;
	const all = await reviewReports(db, meetingId, today);
	const report = all.find((r) => r.id === props.reportId);
	if (!report) return null;
	if (report.state === 'received') throw new CommandError(409, 'This report is in already.');
	if (report.requestedAt !== null)
		throw new CommandError(409, 'This report is asked for already: chase it when it is late.');
	if (report.kind === 'supervising-social-worker') {
		const missing = reportsStillMissing(all);
		if (missing.length)
			throw new CommandError(
				409,
				`Ask for the supervising social worker’s report once the children’s social workers’ reports are in: still missing for ${missing.map((r) => r.childName ?? 'a child').join(', ')}.`,
				'report',
				{
					missing: missing.map((r) => ({
						reportId: r.id,
						childId: r.childId,
						childName: r.childName
					}))
				}
			);
	}
	const body = fieldsOf(props.input);
	const dueBy = calendarDate(body.dueBy, 'dueBy', 'When the report is due');
	if (compareDates(dueBy, today) < 0)
		throw badInput('dueBy', 'When the report is due: it cannot be in the past.');
	const placement =
		report.kind === 'child-social-worker'
			? (await placedChildren(db, review.carer.id)).find((c) => c.childId === report.childId)
			: undefined;
	const given = typeof body.askedOfEmail === 'string' && body.askedOfEmail.trim() !== '';
	const askedOfName = given
		? words(body.askedOfName, 'askedOfName', 'the name of the person asked', 'name')
		: (placement?.socialWorkerName ?? review.carer.supervisingSocialWorkerName);
	const askedOfEmail = given
		? emailAddress(body.askedOfEmail, 'askedOfEmail', 'the person’s')
		: (placement?.socialWorkerEmail ?? review.carer.supervisingSocialWorkerEmail);
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(fosterReviewReports)
			.set({ requestedAt: now, dueBy, askedOfName, askedOfEmail, requestedBy: user.id })
			.where(
				and(
					eq(fosterReviewReports.id, report.id),
					isNull(fosterReviewReports.requestedAt),
					isNull(fosterReviewReports.receivedAt)
				)
			)
			.returning();
		if (!row) throw new CommandError(409, 'The report has changed: read the page again.');
		const seen = all.filter((r) => r.kind === 'child-social-worker' && r.receivedAt !== null);
		await enqueueMail({
			db: tx,
			mail: reportRequestMail({
				meetingId,
				scheduledAt: review.scheduledAt,
				report: { kind: row.kind, askedOfEmail, dueBy },
				seen: seen.map((r) => ({ receivedAt: new Date(r.receivedAt!), byPost: r.byPost }))
			})
		});
		await audit({
			db: tx,
			userId: user.id,
			action: 'request foster review report',
			targetType: 'meeting',
			targetId: meetingId,
			detail: { reportId: report.id, kind: report.kind }
		});
	});
	return reviewReports(db, meetingId, today);
}
