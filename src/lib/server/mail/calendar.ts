/**
 * The calendar file an invitation, an update or a cancellation carries (DESIGN §7: "every
 * invitation carries the date in a form their calendar takes"). One UID per meeting, so a
 * calendar replaces its entry when the meeting moves (a higher SEQUENCE) or is cancelled
 * (METHOD:CANCEL). Times are Europe/London with its VTIMEZONE. It says when, where and what
 * kind of meeting — never the meeting's title or a child's name: a calendar is often shared.
 */
import {
	ICalCalendar,
	ICalCalendarMethod,
	ICalEventStatus,
	ICalAttendeeRole,
	ICalAttendeeStatus
} from 'ical-generator';
import { TZDate } from '@date-fns/tz';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { meetingKindLabel } from '../../domain/labels';

export const MEETING_TIME_ZONE = 'Europe/London';
/** How long a meeting is shown for in calendars when nothing else is known. */
export const DEFAULT_MEETING_MINUTES = 90;

/** The calendar UID of a meeting: the same for every message about it. */
export function meetingCalendarUid(meetingId: string): string {
	return `meeting-${meetingId}@roundtable`;
}

export interface CalendarMeeting {
	id: string;
	kind: keyof typeof meetingKindLabel;
	scheduledAt: Date;
	minutes?: number;
	/** Where: a room and building, or null when not yet known. */
	place: string | null;
}

/** The text of a .ics file for one meeting, for one recipient. */
export function meetingCalendarFile(props: {
	meeting: CalendarMeeting;
	/** Raised each time the meeting moves or is cancelled (stored in meeting_calendar). */
	sequence: number;
	method: 'REQUEST' | 'CANCEL';
	/** The meeting page (behind sign-in). */
	url: string;
	organizer: { name: string; email: string };
	attendee: { email: string };
	/** When this file was made (DTSTAMP); now by default. */
	stamp?: Date;
}): string {
	const { meeting } = props;
	const stamp = props.stamp ?? new Date();
	const calendar = new ICalCalendar({
		prodId: { company: 'Roundtable', product: 'Roundtable', language: 'EN' },
		method: props.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST
	});
	calendar.timezone({
		name: MEETING_TIME_ZONE,
		generator: (zone) => tzlib_get_ical_block(zone)[0] ?? null
	});
	const start = new TZDate(meeting.scheduledAt.getTime(), MEETING_TIME_ZONE);
	const end = new TZDate(
		meeting.scheduledAt.getTime() + (meeting.minutes ?? DEFAULT_MEETING_MINUTES) * 60_000,
		MEETING_TIME_ZONE
	);
	const kind = meetingKindLabel[meeting.kind];
	calendar.createEvent({
		id: meetingCalendarUid(meeting.id),
		sequence: props.sequence,
		stamp,
		start,
		end,
		timezone: MEETING_TIME_ZONE,
		summary: kind,
		location: meeting.place ?? null,
		description: `${kind}. The details are on Roundtable after you sign in: ${props.url}`,
		url: props.url,
		status: props.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
		organizer: props.organizer,
		attendees: [
			{
				email: props.attendee.email,
				role: ICalAttendeeRole.REQ,
				status: ICalAttendeeStatus.NEEDSACTION,
				rsvp: false
			}
		]
	});
	// ical-generator writes DTSTAMP in the calendar's zone without a Z; RFC 5545 wants UTC.
	const utcStamp = stamp
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
	return calendar.toString().replace(/^DTSTAMP:.*$/m, `DTSTAMP:${utcStamp}`);
}
