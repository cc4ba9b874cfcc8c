import type { MeetingKind, MeetingRole, MeetingStatus, Attendance } from '../domain/vocabulary';

/** What the unit calls each kind of meeting. */
export const meetingKindLabel: Record<MeetingKind, string> = {
	'initial-conference': 'Initial child protection conference',
	'review-conference': 'Review child protection conference',
	'core-group': 'Core group meeting',
	'cic-review': 'Child in care review',
	'cin-review': 'Child in need review',
	'life-appreciation-day': 'Life Appreciation Day',
	'disruption-meeting': 'Disruption meeting'
};

export const meetingStatusLabel: Record<MeetingStatus, string> = {
	scheduled: 'Scheduled',
	live: 'Happening now',
	ended: 'Ended',
	cancelled: 'Cancelled'
};

export const meetingRoleLabel: Record<MeetingRole, string> = {
	chair: 'Chair',
	'minute-taker': 'Minute-taker',
	professional: 'Professional',
	parent: 'Parent or carer',
	child: 'Child or young person',
	advocate: 'Advocate',
	observer: 'Observer'
};

export const attendanceLabel: Record<Attendance, string> = {
	invited: 'Not recorded yet',
	present: 'Here in the room',
	'present-online': 'Here online',
	apologies: 'Sent apologies',
	absent: 'Did not come',
	'left-early': 'Left early'
};

/** "Thursday 26 November 2026, 10:00" in UK time, whatever the server's zone. */
export function formatMeetingTime(iso: string): string {
	return new Intl.DateTimeFormat('en-GB', {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone: 'Europe/London'
	}).format(new Date(iso));
}
