/**
 * The case a meeting belongs to, for the meeting page to link back to (issue 25): an allegation
 * strategy meeting's allegation, a missing from home meeting's episodes, an exploitation group
 * sitting's agenda, a foster carer review's carer. Only where the viewer may open that page (the
 * same policy as the page itself), and only the meeting's own unit's case.
 */
import { and, eq } from 'drizzle-orm';
import type { Database } from '../db';
import type { SessionUser } from '../auth/session';
import {
	allegations,
	fosterCarers,
	fosterReviews,
	meetingAllegations,
	type Meeting
} from '../db/schema';
import {
	mayWorkAllegations,
	mayWorkExploitationGroup,
	mayWorkFosterCarers,
	mayWorkMissingEpisodes
} from '../../policy';

/** Where the page links to: its words (no one's name) and the address. */
export interface CaseLink {
	label: string;
	href: string;
}

export async function caseLinkOf(props: {
	db: Database;
	user: SessionUser;
	meeting: Pick<Meeting, 'id' | 'kind' | 'unitId'>;
	/** Whether the viewer is on the meeting's list (a sitting's agenda admits those invited). */
	invited: boolean;
}): Promise<CaseLink | null> {
	const { db, user, meeting } = props;
	if (!meeting.unitId) return null;
	switch (meeting.kind) {
		case 'lado-strategy': {
			const [row] = await db
				.select({ id: allegations.id })
				.from(meetingAllegations)
				.innerJoin(allegations, eq(allegations.id, meetingAllegations.allegationId))
				.where(
					and(eq(meetingAllegations.meetingId, meeting.id), eq(allegations.unitId, meeting.unitId))
				);
			return row && mayWorkAllegations(user, meeting.unitId)
				? { label: 'The allegation’s case', href: `/allegations/${row.id}` }
				: null;
		}
		case 'missing-from-home':
			// The unit's open episodes, this one among them (the list is the episodes' one page).
			return mayWorkMissingEpisodes(user) && user.unitId === meeting.unitId
				? { label: 'Missing from home: the open episodes', href: '/missing' }
				: null;
		case 'exploitation-group':
			return props.invited || (mayWorkExploitationGroup(user) && user.unitId === meeting.unitId)
				? { label: 'The sitting’s agenda of children', href: `/exploitation/${meeting.id}` }
				: null;
		case 'foster-carer-review': {
			const [row] = await db
				.select({ id: fosterCarers.id })
				.from(fosterReviews)
				.innerJoin(fosterCarers, eq(fosterCarers.id, fosterReviews.carerId))
				.where(
					and(eq(fosterReviews.meetingId, meeting.id), eq(fosterCarers.unitId, meeting.unitId))
				);
			return row && mayWorkFosterCarers(user, meeting.unitId)
				? { label: 'The foster carer’s reviews', href: `/foster-carers/${row.id}` }
				: null;
		}
		default:
			return null;
	}
}
