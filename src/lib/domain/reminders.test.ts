import { describe, expect, it } from 'vitest';
import {
	mailTiming,
	reminderDate,
	reminderDue,
	reportChaseDate,
	reportDeadline,
	reportFollowUpDue,
	reportReminderDate,
	reportRequestStatus
} from './reminders';

describe('when reminders and report requests fall due', () => {
	it('counts the set numbers of working days back from an ordinary week', () => {
		expect(mailTiming).toEqual({
			reminderWorkingDays: 2,
			reportDeadlineWorkingDays: 3,
			reportReminderWorkingDays: 2
		});
		// Thursday 3 December 2026.
		expect(reminderDate('2026-12-03')).toBe('2026-12-01'); // Tuesday
		expect(reportDeadline('2026-12-03')).toBe('2026-11-30');
		expect(reportReminderDate('2026-12-03')).toBe('2026-11-26'); // Thursday, over the weekend
		expect(reportChaseDate('2026-12-03')).toBe('2026-12-01'); // Tuesday
	});

	it('skips Christmas and New Year bank holidays', () => {
		// Thursday 7 January 2027: 1 January (Friday) is a bank holiday.
		expect(reminderDate('2027-01-07')).toBe('2027-01-05');
		expect(reportDeadline('2027-01-07')).toBe('2027-01-04');
		// Two working days before Monday 4 January: Thursday 31 and Wednesday 30 December.
		expect(reportReminderDate('2027-01-07')).toBe('2026-12-30');
		// Monday 11 January 2027: due Wednesday 6, reminded Monday 4 January.
		expect(reportDeadline('2027-01-11')).toBe('2027-01-06');
		expect(reportReminderDate('2027-01-11')).toBe('2027-01-04');
		// Tuesday 5 January 2027: two working days back are 4 January and 31 December.
		expect(reminderDate('2027-01-05')).toBe('2026-12-31');
	});

	it('skips Easter', () => {
		// Tuesday 30 March 2027: Easter Monday 29 and Good Friday 26 March are bank holidays.
		expect(reminderDate('2027-03-30')).toBe('2027-03-24');
		expect(reportChaseDate('2027-03-30')).toBe('2027-03-24');
	});
});

describe('a reminder to someone invited', () => {
	const meetingDate = '2026-12-03'; // reminded on Tuesday 1 December

	it('is due from the reminder date to the meeting day, not before and not after', () => {
		expect(reminderDue({ meetingDate, today: '2026-11-30', lastToldOn: '2026-11-02' })).toBe(false);
		expect(reminderDue({ meetingDate, today: '2026-12-01', lastToldOn: '2026-11-02' })).toBe(true);
		expect(reminderDue({ meetingDate, today: '2026-12-03', lastToldOn: '2026-11-02' })).toBe(true);
		expect(reminderDue({ meetingDate, today: '2026-12-04', lastToldOn: '2026-11-02' })).toBe(false);
	});

	it('is not sent to someone told the date on or after the reminder date', () => {
		expect(reminderDue({ meetingDate, today: '2026-12-02', lastToldOn: '2026-11-30' })).toBe(true);
		expect(reminderDue({ meetingDate, today: '2026-12-02', lastToldOn: '2026-12-01' })).toBe(false);
		expect(reminderDue({ meetingDate, today: '2026-12-02', lastToldOn: '2026-12-02' })).toBe(false);
	});

	it('goes to someone never emailed the date (the chair is put on the list, not invited)', () => {
		expect(reminderDue({ meetingDate, today: '2026-12-01', lastToldOn: null })).toBe(true);
	});
});

describe('the follow-ups of a report request', () => {
	const meetingDate = '2026-12-03'; // due Monday 30 November, reminded Thursday 26, chased from Tuesday 1 December
	const asked = {
		meetingDate,
		askedOn: '2026-11-10',
		reminded: false,
		chased: false,
		received: false
	};

	it('reminds from the reminder date until the deadline, once', () => {
		expect(reportFollowUpDue({ ...asked, today: '2026-11-25' })).toBeNull();
		expect(reportFollowUpDue({ ...asked, today: '2026-11-26' })).toBe('report-reminder');
		expect(reportFollowUpDue({ ...asked, today: '2026-11-30' })).toBe('report-reminder');
		expect(reportFollowUpDue({ ...asked, today: '2026-11-30', reminded: true })).toBeNull();
	});

	it('chases once when the deadline has passed, until the meeting day', () => {
		expect(reportFollowUpDue({ ...asked, today: '2026-12-01' })).toBe('report-chaser');
		expect(reportFollowUpDue({ ...asked, today: '2026-12-01', reminded: true })).toBe(
			'report-chaser'
		);
		expect(reportFollowUpDue({ ...asked, today: '2026-12-03' })).toBe('report-chaser');
		expect(reportFollowUpDue({ ...asked, today: '2026-12-02', chased: true })).toBeNull();
		expect(reportFollowUpDue({ ...asked, today: '2026-12-04' })).toBeNull();
	});

	it('sends nothing once the report has arrived', () => {
		expect(reportFollowUpDue({ ...asked, today: '2026-11-26', received: true })).toBeNull();
		expect(reportFollowUpDue({ ...asked, today: '2026-12-01', received: true })).toBeNull();
	});

	it('neither reminds nor chases a request that went late itself', () => {
		// Asked on the reminder date: no reminder (the request is fresh), but chased if it does not come.
		expect(reportFollowUpDue({ ...asked, askedOn: '2026-11-26', today: '2026-11-27' })).toBeNull();
		expect(reportFollowUpDue({ ...asked, askedOn: '2026-11-30', today: '2026-12-01' })).toBe(
			'report-chaser'
		);
		// Asked after the deadline: it already asks for the report as soon as possible.
		expect(reportFollowUpDue({ ...asked, askedOn: '2026-12-01', today: '2026-12-02' })).toBeNull();
	});
});

describe('the state of a report request', () => {
	const meetingDate = '2026-12-03';
	const base = {
		meetingDate,
		today: '2026-11-20',
		asked: true,
		reminded: false,
		received: false,
		sharedWithParents: false
	};

	it('goes asked → reminded → late → received → shared with parents', () => {
		expect(reportRequestStatus(base)).toEqual({
			state: 'asked',
			deadline: '2026-11-30',
			late: false
		});
		expect(reportRequestStatus({ ...base, reminded: true }).state).toBe('reminded');
		expect(reportRequestStatus({ ...base, today: '2026-11-30', reminded: true })).toMatchObject({
			state: 'reminded',
			late: false
		});
		expect(reportRequestStatus({ ...base, today: '2026-12-01', reminded: true })).toMatchObject({
			state: 'late',
			late: true
		});
		expect(reportRequestStatus({ ...base, today: '2026-12-01', received: true })).toMatchObject({
			state: 'received',
			late: false
		});
		expect(reportRequestStatus({ ...base, received: true, sharedWithParents: true }).state).toBe(
			'shared'
		);
	});

	it('is not asked when there was no address to write to, and late all the same', () => {
		expect(reportRequestStatus({ ...base, asked: false }).state).toBe('not-asked');
		expect(reportRequestStatus({ ...base, asked: false, today: '2026-12-01' })).toMatchObject({
			state: 'late',
			late: true
		});
	});
});
