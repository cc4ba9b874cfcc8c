import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { meetingCalendarFile, meetingCalendarUid, type CalendarMeeting } from './calendar';

/** Parses a .ics as a calendar client does: its own VTIMEZONE decides the offsets. */
function parse(ics: string) {
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const zones = calendar.getAllSubcomponents('vtimezone');
	for (const zone of zones) ICAL.TimezoneService.register(new ICAL.Timezone(zone));
	const vevent = calendar.getFirstSubcomponent('vevent')!;
	const event = new ICAL.Event(vevent);
	return {
		method: calendar.getFirstPropertyValue('method'),
		zones: zones.map((z) => z.getFirstPropertyValue('tzid')),
		uid: event.uid,
		sequence: event.sequence,
		start: event.startDate.toJSDate().toISOString(),
		startZone: event.startDate.zone?.tzid,
		startParam: vevent.getFirstProperty('dtstart')!.getParameter('tzid'),
		summary: event.summary,
		location: event.location,
		description: event.description,
		status: vevent.getFirstPropertyValue('status')
	};
}

const base = {
	url: 'https://roundtable.example.gov.uk/meetings/m1',
	organizer: { name: 'Roundtable', email: 'roundtable@unit.test' },
	attendee: { email: 'gp@example.test' }
};

const meeting = (scheduledAt: string): CalendarMeeting => ({
	id: 'm1',
	kind: 'core-group',
	scheduledAt: new Date(scheduledAt),
	place: 'Room 4, Civic Centre'
});

describe('the calendar file of a meeting', () => {
	it('puts 10:00 London on Thursday 29 October 2026 (after the clocks go back) at 10:00 UTC', () => {
		const ics = meetingCalendarFile({
			...base,
			meeting: meeting('2026-10-29T10:00:00Z'),
			sequence: 0,
			method: 'REQUEST'
		});
		const event = parse(ics);
		expect(event.zones).toEqual(['Europe/London']);
		expect(event.startParam).toBe('Europe/London');
		expect(ics).toContain('DTSTART;TZID=Europe/London:20261029T100000');
		expect(event.start).toBe('2026-10-29T10:00:00.000Z');
	});

	it('puts 10:00 London on Tuesday 30 March 2027 (after the clocks go forward) at 09:00 UTC', () => {
		const ics = meetingCalendarFile({
			...base,
			meeting: meeting('2027-03-30T09:00:00Z'),
			sequence: 0,
			method: 'REQUEST'
		});
		expect(ics).toContain('DTSTART;TZID=Europe/London:20270330T100000');
		expect(parse(ics).start).toBe('2027-03-30T09:00:00.000Z');
	});

	it('carries the time, the place and the kind of meeting, and no title or name', () => {
		const event = parse(
			meetingCalendarFile({
				...base,
				meeting: meeting('2026-12-03T10:00:00Z'),
				sequence: 0,
				method: 'REQUEST'
			})
		);
		expect(event).toMatchObject({
			method: 'REQUEST',
			uid: meetingCalendarUid('m1'),
			summary: 'Core group meeting',
			location: 'Room 4, Civic Centre',
			status: 'CONFIRMED'
		});
		expect(event.description).toContain(base.url);
	});

	it('keeps its UID and raises SEQUENCE when the meeting moves', () => {
		const first = parse(
			meetingCalendarFile({
				...base,
				meeting: meeting('2026-12-03T10:00:00Z'),
				sequence: 0,
				method: 'REQUEST'
			})
		);
		const moved = parse(
			meetingCalendarFile({
				...base,
				meeting: meeting('2026-12-10T14:30:00Z'),
				sequence: 1,
				method: 'REQUEST'
			})
		);
		expect(moved.uid).toBe(first.uid);
		expect(moved.sequence).toBeGreaterThan(first.sequence);
		expect(moved.start).toBe('2026-12-10T14:30:00.000Z');
	});

	it('says CANCEL for a cancelled meeting, with the same UID', () => {
		const cancelled = parse(
			meetingCalendarFile({
				...base,
				meeting: meeting('2026-12-03T10:00:00Z'),
				sequence: 2,
				method: 'CANCEL'
			})
		);
		expect(cancelled).toMatchObject({
			method: 'CANCEL',
			status: 'CANCELLED',
			uid: meetingCalendarUid('m1'),
			sequence: 2
		});
	});
});

describe('the file itself', () => {
	it('stamps it in UTC, as RFC 5545 asks', () => {
		const ics = meetingCalendarFile({
			...base,
			meeting: meeting('2026-07-02T09:00:00Z'),
			sequence: 0,
			method: 'REQUEST',
			stamp: new Date('2026-07-01T12:34:56.789Z')
		});
		expect(ics).toMatch(/^DTSTAMP:20260701T123456Z\r?$/m);
	});
});
