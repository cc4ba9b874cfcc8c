/**
 * Records one report of a foster carer review as received (issue 25): its words written in, or a
 * note that it came on paper (by post or by hand) and is kept on the file. A report may arrive
 * before it was asked for; once in, it is in (409 a second time).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db';
import type { SessionUser } from '../../auth/session';
import { fosterReviewReports } from '../../db/schema';
import { audit } from '../../audit';
import { badInput, CommandError } from '../../command-error';
import { storableText } from '../../db/storable';
import { tooLong } from '../../../domain/text-limits';
import type { CalendarDate } from '../../../domain/calendar-date';
import { fieldsOf, reviewReports, workableReview } from '../carers';

/** The report's words, or null when it came on paper; bad input when neither is said. */
export function readReceived(input: unknown): { text: string | null; byPost: boolean } {
	const body = fieldsOf(input);
	const byPost = body.byPost === true;
	const text = typeof body.text === 'string' ? storableText(body.text).trim() : '';
	if (byPost && text)
		throw badInput('text', 'Either write the report in, or say it came on paper: not both.');
	if (byPost) return { text: null, byPost };
	if (!text) throw badInput('text', 'Write the report in, or say it came on paper.');
	const long = tooLong(text, 'writtenReport', 'the report');
	if (long) throw badInput('text', long);
	return { text, byPost: false };
}

/** 200's reports in order; null: not the viewer's review or report (404); 409 when already in. */
export async function receiveReport(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	reportId: string;
	input: unknown;
	today: CalendarDate;
	now?: Date;
}) {
	const { db, user, meetingId } = props;
	const review = await workableReview(db, user, meetingId);
	if (!review) return null;
	const [report] = await db
		.select({ id: fosterReviewReports.id, receivedAt: fosterReviewReports.receivedAt })
		.from(fosterReviewReports)
		.where(
			and(eq(fosterReviewReports.id, props.reportId), eq(fosterReviewReports.meetingId, meetingId))
		);
	if (!report) return null;
	if (report.receivedAt !== null) throw new CommandError(409, 'This report is in already.');
	const received = readReceived(props.input);
	await db.transaction(async (tx) => {
		const [row] = await tx
			.update(fosterReviewReports)
			.set({ ...received, receivedAt: props.now ?? new Date() })
			.where(and(eq(fosterReviewReports.id, report.id), isNull(fosterReviewReports.receivedAt)))
			.returning({ kind: fosterReviewReports.kind });
		if (!row) throw new CommandError(409, 'This report is in already.');
		await audit({
			db: tx,
			userId: user.id,
			action: 'receive foster review report',
			targetType: 'meeting',
			targetId: meetingId,
			detail: { reportId: report.id, kind: row.kind, byPost: received.byPost }
		});
	});
	return reviewReports(db, meetingId, props.today);
}
