/**
 * The emails of a foster carer review's reports (issue 25): the request, and the chaser when a
 * report is late. Like every report mail they name no one (no carer, no child): the kind of
 * report, the review's date, the date it is due and where to send it. The supervising social
 * worker's request lists the children's social workers' reports it is asked with sight of (which,
 * and when each came in), so the report is written knowing them; their words are on the carer's
 * page behind sign-in, or from the unit's business support.
 */
import type { QueuedMail } from '../mail/outbox';
import { meetingDateWordsWithYear } from '../mail/invitations';
import { formatCalendarDate, calendarDateOf, type CalendarDate } from '../../domain/calendar-date';
import { fosterReportKindLabel } from '../../domain/labels';
import type { FosterReportKind } from '../../domain/vocabulary';

interface MailReport {
	kind: FosterReportKind;
	askedOfEmail: string;
	dueBy: CalendarDate;
}

/** The request for one report; `seen`: the children's social workers' reports received. */
export function reportRequestMail(props: {
	meetingId: string;
	scheduledAt: Date;
	report: MailReport;
	seen: readonly { receivedAt: Date; byPost: boolean }[];
}): QueuedMail {
	const { report } = props;
	const what = fosterReportKindLabel[report.kind].toLowerCase();
	const review = `the foster carer review on ${meetingDateWordsWithYear(props.scheduledAt)} (UK time)`;
	const seen =
		report.kind === 'supervising-social-worker'
			? [
					'',
					`The children's social workers' reports are in (${props.seen.length}), so that your report can take account of them:`,
					...props.seen.map(
						(r, i) =>
							`${i + 1}. A child's social worker's report, received ${formatCalendarDate(calendarDateOf(r.receivedAt))}${r.byPost ? ' (on paper)' : ''}.`
					),
					'Their words are on Roundtable behind sign-in, or ask the unit’s business support for copies.'
				]
			: [];
	return {
		to: report.askedOfEmail,
		purpose: 'report-request',
		meetingId: props.meetingId,
		subject: `Please send a ${what} for a foster carer review`,
		text: [
			'Hello,',
			'',
			`The unit asks you for the ${what} for ${review}. Please send it to the unit's business support by ${formatCalendarDate(report.dueBy)}.`,
			...seen,
			'',
			'This email names no one. Please do not forward it.',
			'Roundtable'
		].join('\n')
	};
}

/** The chaser for a late report: it was due by its date and has not reached the unit. */
export function reportChaserMail(props: {
	meetingId: string;
	scheduledAt: Date;
	report: MailReport;
}): QueuedMail {
	const { report } = props;
	const what = fosterReportKindLabel[report.kind].toLowerCase();
	return {
		to: report.askedOfEmail,
		purpose: 'report-chaser',
		meetingId: props.meetingId,
		subject: `The ${what} for a foster carer review is late`,
		text: [
			'Hello,',
			'',
			`The ${what} for the foster carer review on ${meetingDateWordsWithYear(props.scheduledAt)} (UK time) was due by ${formatCalendarDate(report.dueBy)} and has not reached the unit yet. Please send it to the unit's business support as soon as you can.`,
			'',
			'This email names no one. Please do not forward it.',
			'Roundtable'
		].join('\n')
	};
}
