/**
 * Who should be invited to a new meeting about some children (issue 22): the professionals (and
 * agencies' team mailboxes) of each child's last meeting and of their last core group meeting,
 * each once. The schedule form shows them pre-ticked; `POST /api/meetings` takes the ones kept
 * as `invite` and answers the whole proposal as `proposed`.
 */
import { and, desc, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Database } from '../db';
import { agencies, meetingChildren, meetingParticipants, meetings } from '../db/schema';
import { ofKindWithFamilyView } from '../linked-meetings/family-kinds';

export interface ProposedInvitee {
	/** The participant row it is copied from (what `invite` lists). */
	id: string;
	userId: string | null;
	name: string;
	email: string | null;
	agencyId: string | null;
	agency: string | null;
	mailbox: boolean;
	voting: boolean;
	/** The children it is proposed for. */
	childIds: string[];
	/** Why: "the last meeting", "the core group". */
	from: 'last meeting' | 'core group';
}

/** How far back the children's meetings are looked for. */
const LOOK_BACK_MS = 2 * 365 * 86_400_000;

/** Each child's proposed invitees, for meetings before `before` (now by default). */
export async function proposedInvitees(props: {
	db: Database;
	unitId: string;
	childIds: string[];
	before?: Date;
}): Promise<ProposedInvitee[]> {
	const { db } = props;
	if (!props.childIds.length) return [];
	const before = props.before ?? new Date();
	const held = await db
		.select({
			meetingId: meetings.id,
			kind: meetings.kind,
			childId: meetingChildren.childId
		})
		.from(meetings)
		.innerJoin(meetingChildren, eq(meetingChildren.meetingId, meetings.id))
		.where(
			and(
				eq(meetings.unitId, props.unitId),
				inArray(meetingChildren.childId, props.childIds),
				lt(meetings.scheduledAt, before),
				gte(meetings.scheduledAt, new Date(before.getTime() - LOOK_BACK_MS)),
				// Who came to an allegation's or an episode's meeting is not proposed for the next
				// (issue 25): a family's meeting would name them to the family.
				ofKindWithFamilyView()
			)
		)
		.orderBy(desc(meetings.scheduledAt));
	// Each child's last meeting and last core group meeting.
	const chosen = new Map<string, { childIds: Set<string>; from: ProposedInvitee['from'] }>();
	const seenChild = new Map<string, { last: boolean; core: boolean }>();
	for (const row of held) {
		const seen = seenChild.get(row.childId) ?? { last: false, core: false };
		const take = (from: ProposedInvitee['from']) => {
			const entry = chosen.get(row.meetingId) ?? { childIds: new Set<string>(), from };
			entry.childIds.add(row.childId);
			if (from === 'core group') entry.from = from;
			chosen.set(row.meetingId, entry);
		};
		if (!seen.last) {
			seen.last = true;
			take(row.kind === 'core-group' ? 'core group' : 'last meeting');
			if (row.kind === 'core-group') seen.core = true;
		} else if (!seen.core && row.kind === 'core-group') {
			seen.core = true;
			take('core group');
		}
		seenChild.set(row.childId, seen);
	}
	if (!chosen.size) return [];
	const rows = await db
		.select({ participant: meetingParticipants, agency: agencies.name })
		.from(meetingParticipants)
		.leftJoin(agencies, eq(agencies.id, meetingParticipants.agencyId))
		.where(
			and(
				inArray(meetingParticipants.meetingId, [...chosen.keys()]),
				eq(meetingParticipants.role, 'professional')
			)
		);
	const out = new Map<string, ProposedInvitee>();
	for (const { participant: p, agency } of rows) {
		const key = p.userId
			? `user ${p.userId}`
			: p.mailbox
				? `mailbox ${p.agencyId}`
				: p.email
					? `email ${p.email.toLowerCase()}`
					: `name ${p.name.toLowerCase()} ${p.agencyId ?? ''}`;
		const source = chosen.get(p.meetingId)!;
		const seen = out.get(key);
		if (seen) {
			for (const c of source.childIds) if (!seen.childIds.includes(c)) seen.childIds.push(c);
			if (source.from === 'core group') seen.from = 'core group';
			continue;
		}
		out.set(key, {
			id: p.id,
			userId: p.userId,
			name: p.name,
			email: p.email,
			agencyId: p.agencyId,
			agency,
			mailbox: p.mailbox,
			voting: p.voting,
			childIds: [...source.childIds],
			from: source.from
		});
	}
	return [...out.values()].sort((a, b) => a.name.localeCompare(b.name));
}
