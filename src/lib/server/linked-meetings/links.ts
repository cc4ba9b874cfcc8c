/**
 * Meetings linked to a case of the unit's other work (issue 25): an allegation strategy meeting
 * (`lado-strategy`) to its allegation, a missing from home meeting (`missing-from-home`) to its
 * episode. What `createMeeting` asks when scheduling one (the link, checked, and the children it
 * brings), what the invite command asks before putting someone on such a meeting's list, and
 * the queries the case pages list their meetings with.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import type { SessionUser } from '../auth/session';
import {
	allegationChildren,
	allegations,
	meetingAllegations,
	meetingMissingEpisodes,
	meetings,
	type Meeting
} from '../db/schema';
import { badInput } from '../command-error';
import { mayJoinKind } from '../../policy';
import { meetingKindLabel, meetingRoleLabel } from '../../domain/labels';
import type { MeetingKind, MeetingRole } from '../../domain/vocabulary';
import { unitAllegation } from '../allegations/allegations';
import { workableEpisode } from '../missing/episodes';

/** What a linked meeting is linked to, once checked. */
export type MeetingLink = { allegationId: string } | { episodeId: string };

/** A database or a transaction: both insert. */
type Writer = Pick<Database, 'insert'>;

/**
 * The link a meeting of this kind needs, checked as the scheduler may work it, with the
 * children it brings: an allegation's children, an episode's child. Null for the other kinds
 * (which take no link: giving one is a 400). A missing or unknown link is a 400 naming its field.
 */
export async function meetingLinkFor(props: {
	db: Database;
	scheduler: SessionUser;
	kind: MeetingKind;
	allegationId?: string | null;
	episodeId?: string | null;
}): Promise<{ link: MeetingLink; childIds: string[] } | null> {
	const { db, scheduler, kind, allegationId, episodeId } = props;
	if (kind !== 'lado-strategy' && allegationId)
		throw badInput('allegationId', `${aKind(kind)} is not about an allegation: leave it out.`);
	if (kind !== 'missing-from-home' && episodeId)
		throw badInput('episodeId', `${aKind(kind)} is not about a missing episode: leave it out.`);
	if (kind === 'lado-strategy') {
		const allegation = allegationId ? await unitAllegation(db, scheduler, allegationId) : null;
		if (!allegation)
			throw badInput(
				'allegationId',
				'Choose the allegation this strategy meeting is about: schedule it from the case page.'
			);
		const rows = await db
			.select({ childId: allegationChildren.childId })
			.from(allegationChildren)
			.where(eq(allegationChildren.allegationId, allegation.id));
		return { link: { allegationId: allegation.id }, childIds: rows.map((r) => r.childId) };
	}
	if (kind === 'missing-from-home') {
		const episode = episodeId ? await workableEpisode(db, scheduler, episodeId) : null;
		if (!episode)
			throw badInput(
				'episodeId',
				'Choose the missing episode this meeting is about: schedule it from the missing from home page.'
			);
		return { link: { episodeId: episode.id }, childIds: [episode.childId] };
	}
	return null;
}

/** Records a scheduled meeting's link (in the scheduling transaction). */
export async function saveMeetingLink(db: Writer, meetingId: string, link: MeetingLink) {
	if ('allegationId' in link)
		await db.insert(meetingAllegations).values({ meetingId, allegationId: link.allegationId });
	else await db.insert(meetingMissingEpisodes).values({ meetingId, episodeId: link.episodeId });
}

const kindName = (kind: MeetingKind) => meetingKindLabel[kind].toLowerCase();
/** "A strategy meeting", "An exploitation operational group". */
const aKind = (kind: MeetingKind) =>
	`${/^[aeiou]/.test(kindName(kind)) ? 'An' : 'A'} ${kindName(kind)}`;

/** A name as compared: case, spacing and punctuation aside ("Mr J. Smith" ~ "mr j smith"). */
const comparable = (name: string) =>
	name
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim();

/**
 * Refuses, with a 400 a person can act on, an invitation the meeting's kind does not allow: a
 * parent, child, advocate or interpreter to a kind with no family view (`mayJoinKind`), and to
 * an allegation strategy meeting the adult under allegation, by name (the case records no
 * account for them, so their name, on an account or typed, is what there is to go on).
 */
export async function refuseInviteeForKind(
	db: Database,
	props: { meetingId: string; role: MeetingRole; name: string }
): Promise<void> {
	const [meeting] = await db
		.select({ kind: meetings.kind, adultName: allegations.adultName })
		.from(meetings)
		.leftJoin(meetingAllegations, eq(meetingAllegations.meetingId, meetings.id))
		.leftJoin(allegations, eq(allegations.id, meetingAllegations.allegationId))
		.where(eq(meetings.id, props.meetingId));
	if (!meeting) return;
	if (!mayJoinKind({ kind: meeting.kind, meetingRole: props.role }))
		throw badInput(
			'role',
			`${aKind(meeting.kind)} is for professionals only: nobody is invited to it as ${meetingRoleLabel[props.role].toLowerCase()}.`
		);
	if (meeting.adultName && props.name && comparable(meeting.adultName) === comparable(props.name))
		throw badInput(
			'userId',
			`${props.name} is the adult the allegation is about: they cannot be invited to its strategy meeting.`
		);
}

/** A linked meeting as a case page lists it. */
export interface LinkedMeeting {
	id: string;
	title: string;
	kind: MeetingKind;
	status: Meeting['status'];
	scheduledAt: Date;
}

const linkedColumns = {
	id: meetings.id,
	title: meetings.title,
	kind: meetings.kind,
	status: meetings.status,
	scheduledAt: meetings.scheduledAt
};

/** The strategy meetings of an allegation the caller has already found the viewer may work. */
export async function meetingsOfAllegation(
	db: Database,
	allegationId: string
): Promise<LinkedMeeting[]> {
	return db
		.select(linkedColumns)
		.from(meetingAllegations)
		.innerJoin(meetings, eq(meetings.id, meetingAllegations.meetingId))
		.where(eq(meetingAllegations.allegationId, allegationId))
		.orderBy(asc(meetings.scheduledAt));
}

/** The missing from home meetings of these episodes (already found workable), by episode id. */
export async function meetingsOfEpisodes(
	db: Database,
	episodeIds: readonly string[]
): Promise<Map<string, LinkedMeeting[]>> {
	const byEpisode = new Map<string, LinkedMeeting[]>();
	if (episodeIds.length === 0) return byEpisode;
	const rows = await db
		.select({ ...linkedColumns, episodeId: meetingMissingEpisodes.episodeId })
		.from(meetingMissingEpisodes)
		.innerJoin(meetings, eq(meetings.id, meetingMissingEpisodes.meetingId))
		.where(and(inArray(meetingMissingEpisodes.episodeId, [...episodeIds])))
		.orderBy(asc(meetings.scheduledAt));
	for (const { episodeId, ...meeting } of rows) {
		byEpisode.set(episodeId, [...(byEpisode.get(episodeId) ?? []), meeting]);
	}
	return byEpisode;
}

/**
 * The missing from home meeting whose decision a plan for an episode records (issue 25:
 * `POST /api/missing-episodes/{id}/plan` `{ meetingId }`): one of the episode's own meetings,
 * or a 400 naming `meetingId`. None given: null (the plan was agreed some other way).
 */
export async function planMeetingOf(
	db: Database,
	episodeId: string,
	meetingId: unknown
): Promise<string | null> {
	if (meetingId === undefined || meetingId === null || meetingId === '') return null;
	const [row] =
		typeof meetingId === 'string'
			? await db
					.select({ meetingId: meetingMissingEpisodes.meetingId })
					.from(meetingMissingEpisodes)
					.where(
						and(
							eq(meetingMissingEpisodes.meetingId, meetingId),
							eq(meetingMissingEpisodes.episodeId, episodeId)
						)
					)
			: [];
	if (!row) throw badInput('meetingId', 'Choose one of this episode’s missing from home meetings.');
	return row.meetingId;
}
