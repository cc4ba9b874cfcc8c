import { and, desc, eq, inArray, lt } from 'drizzle-orm';
import { dueByForMeeting } from '../../families/clocks';
import { lateDateMessage } from '../../../domain/child-clocks';
import type { Database } from '../../db';
import {
	children,
	families,
	familyMembers,
	meetingChildren,
	meetingKindVersions,
	meetingParticipants,
	meetings,
	users,
	type Meeting
} from '../../db/schema';
import type { MeetingKind } from '../../../domain/vocabulary';
import type { SessionUser } from '../../auth/session';
import { audit } from '../../audit';
import { queueInvitation } from '../../mail/invitations';
import { storableText } from '../../db/storable';
import { calendarDateOf, compareDates, typedYearProblem } from '../../../domain/calendar-date';
import { tooLong } from '../../../domain/text-limits';
import { REG33_NOT_A_MEETING } from '../../../domain/reg33';
import { proposedInvitees } from '../proposals';
import { notifyAdvocacy } from '../../mail/advocacy';
import { CommandError, badInput } from '../../command-error';
import { inviteParticipant } from './invite-participant';
import { inviteMailbox } from './invite-mailbox';
import { scheduleSitting } from '../../exploitation/commands/schedule-sitting';
import { meetingLinkFor, saveMeetingLink } from '../../linked-meetings/links';
import { chairAccountRoles, kindHasFamilyView, mayScheduleKind } from '../../../policy';
import { mayFollowOn } from '../../linked-meetings/family-kinds';

/**
 * Schedules a meeting of a kind for one child or a sibling group, in the scheduler's unit, with
 * its chair invited. Links the latest earlier meeting about the same children, so a review can
 * start from it. When the children's clocks make a meeting of this kind due (their events,
 * src/lib/server/families/clocks.ts), a date after it needs a reason, which is kept; the
 * children's parents and carers who hold parental responsibility are invited.
 */
export async function createMeeting(props: {
	db: Database;
	scheduler: SessionUser;
	kind: MeetingKind;
	/**
	 * The version of one of the unit's own kinds to run on (issue 25: `chosenMeetingKind`), whose
	 * base kind is `kind`; none for the built-in kind.
	 */
	kindVersionId?: string | null;
	title: string;
	scheduledAt: Date;
	childIds: string[];
	chairId: string;
	/** Why the meeting is after its due date (kept with the meeting). */
	reason?: string | null;
	/**
	 * Who to invite from the proposal (`proposedInvitees`: the professionals of the children's
	 * last meeting and core group), by the ids it gave; each is asked for a report (issue 22).
	 */
	invite?: string[] | 'proposed';
	/** An allegation strategy meeting's allegation (issue 25): its children are the meeting's. */
	allegationId?: string | null;
	/** A missing from home meeting's episode (issue 25): its child is the meeting's. */
	episodeId?: string | null;
}): Promise<Meeting & { childIds: string[] }> {
	const { db, scheduler } = props;
	// The designated officer (LADO) schedules strategy meetings only; the route lets them this far.
	if (!mayScheduleKind(scheduler, props.kind))
		throw new CommandError(
			403,
			'You schedule allegation strategy meetings only: ask a chair or business support for this one.'
		);
	// A linked kind's children are its case's (an allegation's, an episode's), not chosen.
	const linked = await meetingLinkFor(props);
	const childIds = linked?.childIds ?? props.childIds;
	// The UK is on GMT at both ends of a year, so the UTC year is the year in the room.
	const dateProblem = Number.isNaN(props.scheduledAt.getTime())
		? 'Enter a real date.'
		: typedYearProblem(props.scheduledAt.getUTCFullYear());
	if (dateProblem) throw badInput('date', dateProblem);
	const longTitle = tooLong(props.title, 'title', 'the title');
	if (longTitle) throw badInput('title', longTitle);
	if (!scheduler.unitId)
		throw badInput('form', 'Your account is not part of a unit, so it cannot schedule meetings.');
	if (props.kind === 'reg33-visit') throw badInput('kind', REG33_NOT_A_MEETING);
	// A sitting of the exploitation group links no child (its items do, one by one).
	if (props.kind === 'exploitation-group') {
		const sitting = await scheduleSitting({
			...props,
			scheduler: { ...scheduler, unitId: scheduler.unitId },
			kindVersionId: props.kindVersionId ?? null
		});
		return { ...sitting, childIds: [] };
	}
	if (childIds.length === 0) throw badInput('childIds', 'Choose at least one child.');
	const kids = await db
		.select({ id: children.id, familyId: children.familyId })
		.from(children)
		.innerJoin(families, eq(families.id, children.familyId))
		.where(and(inArray(children.id, childIds), eq(families.unitId, scheduler.unitId)));
	if (kids.length !== new Set(childIds).size)
		throw badInput('childIds', 'One of the children chosen is not known to your unit.');
	const [chair] = await db
		.select()
		.from(users)
		.where(
			and(
				eq(users.id, props.chairId),
				eq(users.unitId, scheduler.unitId),
				inArray(users.role, [...chairAccountRoles(props.kind)])
			)
		);
	if (!chair)
		throw badInput(
			'chairId',
			props.kind === 'lado-strategy'
				? 'Choose a chair or the designated officer (LADO) from your unit.'
				: 'Choose a chair from your unit.'
		);
	const kindVersionId = props.kindVersionId ?? null;
	if (kindVersionId) {
		const [version] = await db
			.select({ id: meetingKindVersions.id })
			.from(meetingKindVersions)
			.where(
				and(
					eq(meetingKindVersions.id, kindVersionId),
					eq(meetingKindVersions.unitId, scheduler.unitId),
					eq(meetingKindVersions.baseKind, props.kind)
				)
			);
		if (!version) throw badInput('kind', 'Choose one of your unit’s kinds of meeting.');
	}
	const wantsAll = props.invite === 'proposed';
	const proposed =
		wantsAll || props.invite?.length
			? await proposedInvitees({
					db,
					unitId: scheduler.unitId,
					childIds,
					before: props.scheduledAt
				})
			: [];
	// The schedule form proposed them as of today (GET /api/meetings/proposals); a meeting
	// arranged since, before this one's date, may now be "the last meeting". Either list's names
	// may be chosen; today's list is asked for only when a name is not on the first.
	const chosen = [...new Set(props.invite ?? [])];
	const proposedToday =
		!wantsAll && chosen.some((id) => !proposed.some((p) => p.id === id))
			? await proposedInvitees({ db, unitId: scheduler.unitId, childIds })
			: [];
	const invited = wantsAll
		? proposed
		: chosen.map(
				(id) => proposed.find((p) => p.id === id) ?? proposedToday.find((p) => p.id === id)
			);
	if (invited.some((p) => !p))
		throw badInput(
			'invite',
			'Choose people to invite from those proposed for these children (their last meeting and core group).'
		);
	const due = await dueByForMeeting({ db, kind: props.kind, childIds });
	const reason = storableText(props.reason ?? '').trim() || null;
	const longReason = tooLong(reason ?? '', 'reason', 'the reason');
	if (longReason) throw badInput('reason', longReason);
	if (due && compareDates(calendarDateOf(props.scheduledAt), due.dueBy) > 0 && !reason)
		throw badInput('reason', lateDateMessage(due.kind, due.dueBy));

	const { chairParticipantId, ...meeting } = await db.transaction(async (tx) => {
		const [previous] = await tx
			.select({ id: meetings.id })
			.from(meetings)
			.innerJoin(meetingChildren, eq(meetingChildren.meetingId, meetings.id))
			.where(
				and(
					inArray(meetingChildren.childId, childIds),
					lt(meetings.scheduledAt, props.scheduledAt),
					mayFollowOn(props.kind)
				)
			)
			.orderBy(desc(meetings.scheduledAt))
			.limit(1);
		const [created] = await tx
			.insert(meetings)
			.values({
				unitId: scheduler.unitId,
				kind: props.kind,
				kindVersionId,
				title: storableText(props.title),
				scheduledAt: props.scheduledAt,
				chairId: chair.id,
				previousMeetingId: previous?.id ?? null,
				dueBy: due?.dueBy ?? null,
				lateReason: reason
			})
			.returning();
		await tx
			.insert(meetingChildren)
			.values(childIds.map((childId) => ({ meetingId: created.id, childId })));
		if (linked) await saveMeetingLink(tx, created.id, linked.link);
		const [chairRow] = await tx
			.insert(meetingParticipants)
			.values({ meetingId: created.id, userId: chair.id, name: chair.name, role: 'chair' })
			.returning({ id: meetingParticipants.id });
		return { ...created, chairParticipantId: chairRow.id };
	});
	// A chair who did not schedule the meeting (business support usually does) is sent the
	// invitation and its calendar file like everyone else.
	if (chair.id !== scheduler.id) await queueInvitation({ db, participantId: chairParticipantId });
	// Parents and carers with parental responsibility for any of the children are invited.
	const holders = await db
		.selectDistinct({ userId: familyMembers.userId })
		.from(familyMembers)
		.innerJoin(users, eq(users.id, familyMembers.userId))
		.where(
			and(
				inArray(
					familyMembers.familyId,
					kids.map((k) => k.familyId)
				),
				eq(familyMembers.parentalResponsibility, true),
				eq(users.role, 'parent')
			)
		);
	// Birth parents are never invited to a foster carer review (issue 25), nor anyone of the family
	// to a kind with no family view.
	if (holders.length && props.kind !== 'foster-carer-review' && kindHasFamilyView(props.kind)) {
		for (const holder of holders)
			await inviteParticipant({
				db,
				actorId: scheduler.id,
				meetingId: meeting.id,
				userId: holder.userId,
				name: null,
				role: 'parent',
				agencyId: null,
				voting: false,
				reportRequested: false
			});
	}
	// The professionals proposed and kept: invited, each asked for their report (issue 22).
	for (const person of invited) {
		if (!person) continue;
		try {
			if (person.mailbox && person.agencyId)
				await inviteMailbox({
					db,
					actorId: scheduler.id,
					meetingId: meeting.id,
					agencyId: person.agencyId
				});
			else
				await inviteParticipant({
					db,
					actorId: scheduler.id,
					meetingId: meeting.id,
					userId: person.userId,
					name: person.userId ? null : person.name,
					email: person.userId ? null : person.email,
					role: 'professional',
					agencyId: person.agencyId,
					voting: person.voting,
					reportRequested: !person.mailbox
				});
		} catch (problem) {
			// Someone who can no longer be invited (an agency without its address now, an account
			// disabled): left out; the meeting page's invite form is there for them.
			if (!(problem instanceof CommandError)) throw problem;
		}
	}
	await notifyAdvocacy({ db, meeting, childIds });
	await audit({
		db,
		userId: scheduler.id,
		action: 'schedule',
		targetType: 'meeting',
		targetId: meeting.id,
		detail: { kind: props.kind, ...(kindVersionId ? { kindVersionId } : {}) }
	});
	return { ...meeting, childIds };
}
