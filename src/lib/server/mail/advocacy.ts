/**
 * The advocacy service told of an initial child protection conference about a child over 5
 * (issue 22): each advocacy agency of the unit with a team address is sent one notice when the
 * conference is scheduled, so it can offer the child an advocate (the child's consent is
 * recorded later, on the meeting page). No child's name, no family name, no title: the kind,
 * the date and that a child over 5 is concerned; the details are behind the link.
 */
import { and, eq, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import type { Database } from '../db';
import { agencies, children, type Meeting } from '../db/schema';
import { ageOn } from '../../domain/child-clocks';
import { calendarDateOf } from '../../domain/calendar-date';
import { enqueueMail } from './outbox';
import { meetingDateWordsWithYear, meetingLink } from './invitations';

/** Children older than this on the conference's day are offered an advocate. */
export const ADVOCACY_MIN_AGE = 5;

export async function notifyAdvocacy(props: {
	db: Database;
	meeting: Meeting;
	childIds: string[];
}): Promise<number> {
	const { db, meeting } = props;
	if (meeting.kind !== 'initial-conference' || !props.childIds.length) return 0;
	const day = calendarDateOf(meeting.scheduledAt);
	const kids = await db
		.select({ dateOfBirth: children.dateOfBirth })
		.from(children)
		.where(inArray(children.id, props.childIds));
	const over = kids.filter((k) => (ageOn(k.dateOfBirth, day) ?? 0) > ADVOCACY_MIN_AGE).length;
	if (!over) return 0;
	const services = await db
		.select({ id: agencies.id, email: agencies.email })
		.from(agencies)
		.where(
			and(
				eq(agencies.kind, 'advocacy'),
				isNotNull(agencies.email),
				meeting.unitId
					? or(eq(agencies.unitId, meeting.unitId), isNull(agencies.unitId))
					: isNull(agencies.unitId)
			)
		);
	for (const service of services)
		await enqueueMail({
			db,
			mail: {
				to: service.email!,
				purpose: 'advocacy-notice',
				meetingId: meeting.id,
				subject: 'An initial child protection conference: advocacy for a child over 5',
				text:
					`An initial child protection conference is arranged for ` +
					`${meetingDateWordsWithYear(meeting.scheduledAt)}. ` +
					`${over === 1 ? 'A child' : `${over} children`} over 5 ` +
					`${over === 1 ? 'is' : 'are'} concerned and should be offered an advocate.\n\n` +
					`The details are on the meeting's page, behind sign-in, or from the unit's business ` +
					`support:\n${meetingLink(meeting.id)}\n\nThis email holds no names or case details.`
			}
		});
	return services.length;
}
