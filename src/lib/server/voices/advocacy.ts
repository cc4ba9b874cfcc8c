/**
 * Advocacy for a meeting (issue 12): at an initial or review conference each child over 5, and
 * the parents, are offered an advocate; the invitation step records whether it was offered,
 * accepted, and who the advocate is. One answer per child (and one for the parents) per
 * meeting; recording again replaces it.
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../db';
import { advocacyOffers, children, meetingChildren, meetings } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { audit } from '../audit';
import { calendarDateOf } from '../../domain/calendar-date';
import { advocacyForChild, advocacyForParents } from '../../domain/voices';
import { mayRecordAdvocacy } from '../../policy';
import { voiceAccess } from './access';
import { badInput } from '../command-error';
import { tooLong } from '../../domain/text-limits';

/** One line of the advocacy panel: for a child (childId) or the parents (childId null). */
export interface AdvocacyView {
	childId: string | null;
	/** Whether this meeting offers them an advocate at all (a child over 5 at a conference). */
	applies: boolean;
	/** Null when nothing has been recorded yet. */
	offered: boolean | null;
	accepted: boolean;
	advocateName: string | null;
}

/** The advocacy lines for a meeting: each child, then the parents. */
export async function advocacyForMeeting(props: {
	db: Database;
	meeting: { id: string; kind: Parameters<typeof advocacyForParents>[0]; scheduledAt: Date };
}): Promise<AdvocacyView[]> {
	const { db, meeting } = props;
	const meetingDate = calendarDateOf(meeting.scheduledAt);
	const kids = await db
		.select({ id: children.id, dateOfBirth: children.dateOfBirth })
		.from(meetingChildren)
		.innerJoin(children, eq(children.id, meetingChildren.childId))
		.where(eq(meetingChildren.meetingId, meeting.id));
	const rows = await db
		.select()
		.from(advocacyOffers)
		.where(eq(advocacyOffers.meetingId, meeting.id));
	const line = (childId: string | null, applies: boolean): AdvocacyView => {
		const row = rows.find((r) => r.childId === childId);
		return {
			childId,
			applies,
			offered: row ? row.offered : null,
			accepted: row?.accepted ?? false,
			advocateName: row?.advocateName ?? null
		};
	};
	return [
		...kids.map((kid) =>
			line(
				kid.id,
				advocacyForChild({ kind: meeting.kind, dateOfBirth: kid.dateOfBirth, meetingDate })
			)
		),
		line(null, advocacyForParents(meeting.kind))
	];
}

/** Each meeting's advocacy for one child (the child's page), newest meeting first. */
export async function advocacyForChildPage(props: {
	db: Database;
	childId: string;
	/** The meetings about the child that the viewer may see. */
	meetingIds: string[];
}): Promise<
	{
		meetingId: string;
		scheduledAt: string;
		offered: boolean;
		accepted: boolean;
		advocateName: string | null;
	}[]
> {
	const rows = await props.db
		.select({ offer: advocacyOffers, scheduledAt: meetings.scheduledAt })
		.from(advocacyOffers)
		.innerJoin(meetings, eq(meetings.id, advocacyOffers.meetingId))
		.where(eq(advocacyOffers.childId, props.childId));
	const visible = new Set(props.meetingIds);
	return rows
		.filter(({ offer }) => visible.has(offer.meetingId))
		.sort((a, b) => b.scheduledAt.getTime() - a.scheduledAt.getTime())
		.map(({ offer, scheduledAt }) => ({
			meetingId: offer.meetingId,
			scheduledAt: scheduledAt.toISOString(),
			offered: offer.offered,
			accepted: offer.accepted,
			advocateName: offer.advocateName
		}));
}

/** May the viewer record this meeting's advocacy (for a 404 before judging what they sent)? */
export async function advocacyRecordable(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
}): Promise<boolean> {
	const access = await voiceAccess(props);
	return access !== null && mayRecordAdvocacy(access.facts);
}

/** Records the advocacy offered to a child or the parents. Null when not theirs (404); a CommandError (400). */
export async function recordAdvocacy(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	childId: string | null;
	offered: boolean;
	accepted: boolean;
	advocateName: string | null;
	now?: Date;
}): Promise<{ id: string } | null> {
	const { db, user, meetingId, childId } = props;
	const access = await voiceAccess({ db, user, meetingId });
	if (!access || !mayRecordAdvocacy(access.facts)) return null;
	if (childId !== null && !access.found.children.some((child) => child.id === childId))
		throw badInput('childId', 'Choose one of the children this meeting is about.');
	if (props.accepted && !props.offered)
		throw badInput('accepted', 'An advocate can only be accepted once one is offered.');
	const advocateName = props.advocateName?.trim() || null;
	const longName = tooLong(advocateName ?? '', 'name', "the advocate's name");
	if (longName) throw badInput('advocateName', longName);
	const values = {
		offered: props.offered,
		accepted: props.accepted,
		advocateName: props.accepted ? advocateName : null,
		recordedBy: user.id,
		recordedAt: props.now ?? new Date()
	};
	const where = and(
		eq(advocacyOffers.meetingId, meetingId),
		childId === null ? isNull(advocacyOffers.childId) : eq(advocacyOffers.childId, childId)
	);
	const [existing] = await db.select({ id: advocacyOffers.id }).from(advocacyOffers).where(where);
	let id: string;
	if (existing) {
		await db.update(advocacyOffers).set(values).where(eq(advocacyOffers.id, existing.id));
		id = existing.id;
	} else {
		const [row] = await db
			.insert(advocacyOffers)
			.values({ meetingId, childId, ...values })
			.returning({ id: advocacyOffers.id });
		id = row.id;
	}
	await audit({
		db,
		userId: user.id,
		action: 'advocacy-recorded',
		targetType: 'meeting',
		targetId: meetingId,
		detail: { forChild: childId !== null, offered: props.offered, accepted: props.accepted }
	});
	return { id };
}
