/**
 * The "Your meetings" page: today's and coming meetings in full, and the earlier ones a page
 * at a time, most recent first (a unit's year is over a thousand meetings; the page lists
 * EARLIER_PAGE_SIZE and links to older ones). Who sees which meetings is as visibleMeetings:
 * chairs and business support their unit's and any they are invited to, anyone else only the
 * meetings they are invited to. Counted and cut in the database.
 */
import { and, asc, desc, eq, gte, inArray, not, or, type SQL } from 'drizzle-orm';
import type { Database } from '../db';
import { meetingParticipants, meetings } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { ukDay, ukInstant } from '../../meetings/uk-time';
import { childrenOf, summarise, type MeetingSummary } from './queries';

export const EARLIER_PAGE_SIZE = 30;

export interface MeetingsPage {
	upcoming: MeetingSummary[];
	earlier: MeetingSummary[];
	/** The page of earlier meetings shown (1: the most recent). */
	page: number;
	/** Whether there are older meetings than this page's. */
	hasOlder: boolean;
}

export async function meetingsPage(props: {
	db: Database;
	user: SessionUser;
	page?: number;
	now?: Date;
}): Promise<MeetingsPage> {
	const { db, user } = props;
	const page = Math.max(1, Math.floor(props.page ?? 1));
	const invited = db
		.select({ id: meetingParticipants.meetingId })
		.from(meetingParticipants)
		.where(eq(meetingParticipants.userId, user.id));
	const visible: SQL | undefined =
		(user.role === 'chair' || user.role === 'admin') && user.unitId
			? or(eq(meetings.unitId, user.unitId), inArray(meetings.id, invited))
			: inArray(meetings.id, invited);
	const startOfToday = ukInstant(ukDay(props.now ?? new Date()), 0);
	const upcomingNow = or(
		eq(meetings.status, 'live'),
		and(eq(meetings.status, 'scheduled'), gte(meetings.scheduledAt, startOfToday))
	)!;
	const [upcomingRows, earlierRows] = await Promise.all([
		db
			.select()
			.from(meetings)
			.where(and(visible, upcomingNow))
			.orderBy(asc(meetings.scheduledAt), asc(meetings.id)),
		db
			.select()
			.from(meetings)
			.where(and(visible, not(upcomingNow)))
			.orderBy(desc(meetings.scheduledAt), desc(meetings.id))
			.limit(EARLIER_PAGE_SIZE + 1)
			.offset((page - 1) * EARLIER_PAGE_SIZE)
	]);
	const hasOlder = earlierRows.length > EARLIER_PAGE_SIZE;
	const shown = earlierRows.slice(0, EARLIER_PAGE_SIZE);
	const kids = await childrenOf(
		db,
		[...upcomingRows, ...shown].map((m) => m.id)
	);
	return {
		upcoming: upcomingRows.map((m) => summarise(m, kids.get(m.id) ?? [])),
		earlier: shown.map((m) => summarise(m, kids.get(m.id) ?? [])),
		page,
		hasOlder
	};
}
