/**
 * How much one meeting holds of professionals' reports (issue 20): one person uploaded
 * 12 × 10 MB in seven seconds. Each person's place on a meeting may add at most
 * `perPersonReports` reports and `perPersonBytes` of them, and the meeting holds at most
 * `perMeetingBytes` in all; a report past any of these is refused before it is stored.
 */

export const reportQuota = {
	perPersonReports: 10,
	perPersonBytes: 30 * 1024 * 1024,
	perMeetingBytes: 100 * 1024 * 1024
} as const;

const mb = (bytes: number) => `${Math.round(bytes / (1024 * 1024))} MB`;

/** What has been added to the meeting already: by this person, and by everyone. */
export interface ReportsSoFar {
	mine: { reports: number; bytes: number };
	meetingBytes: number;
}

/**
 * Why a report of `adding` bytes may not be added, in words saying what to do, or null when
 * it fits. Checked before the report is stored.
 */
export function reportQuotaProblem(
	sofar: ReportsSoFar,
	adding: number,
	quota: typeof reportQuota = reportQuota
): string | null {
	if (sofar.mine.reports >= quota.perPersonReports)
		return `You have added ${sofar.mine.reports} reports to this meeting, the most one person may. Put what is new into one report, or ask whoever prepares the meeting to help.`;
	if (sofar.mine.bytes + adding > quota.perPersonBytes)
		return `Your reports for this meeting would come to more than ${mb(quota.perPersonBytes)}, the most one person may add. Send a smaller file: a PDF saved "for the web" or "minimum size" is often much smaller.`;
	if (sofar.meetingBytes + adding > quota.perMeetingBytes)
		return `This meeting's reports would come to more than ${mb(quota.perMeetingBytes)}, the most one meeting holds. Send a smaller file, or ask whoever prepares the meeting to help.`;
	return null;
}
