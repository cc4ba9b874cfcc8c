import { describe, expect, it } from 'vitest';
import { reportQuota, reportQuotaProblem } from './report-quota';

const MB = 1024 * 1024;

describe('a meeting’s reports', () => {
	it('take a report that fits under every cap', () => {
		expect(reportQuotaProblem({ mine: { reports: 0, bytes: 0 }, meetingBytes: 0 }, 10 * MB)).toBe(
			null
		);
		expect(
			reportQuotaProblem({ mine: { reports: 9, bytes: 20 * MB }, meetingBytes: 90 * MB }, 10 * MB)
		).toBe(null);
	});

	it('refuse an eleventh report from one person', () => {
		expect(
			reportQuotaProblem({ mine: { reports: 10, bytes: 1 * MB }, meetingBytes: 1 * MB }, 100)
		).toMatch(/^You have added 10 reports to this meeting, the most one person may\./);
	});

	it('refuse a file that takes one person past 30 MB', () => {
		expect(
			reportQuotaProblem({ mine: { reports: 3, bytes: 30 * MB }, meetingBytes: 30 * MB }, 1)
		).toMatch(/more than 30 MB, the most one person may add\. Send a smaller file/);
	});

	it('refuse a file that takes the meeting past 100 MB, whoever sends it', () => {
		expect(
			reportQuotaProblem({ mine: { reports: 0, bytes: 0 }, meetingBytes: 95 * MB }, 6 * MB)
		).toMatch(/more than 100 MB, the most one meeting holds/);
	});

	it('has its caps in one place', () => {
		expect(reportQuota).toEqual({
			perPersonReports: 10,
			perPersonBytes: 30 * MB,
			perMeetingBytes: 100 * MB
		});
	});
});
