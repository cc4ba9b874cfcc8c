/**
 * A child's risk history for the plotter: the meetings about the child that the viewer may see
 * (the policy's canSeeChildMeeting), each live or ended record read once, only that child's
 * concerns kept, participant ids mapped to names and roles. Runs in SvelteKit and under plain
 * Node (the end-meeting command), so imports are relative.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import {
	children,
	familyMembers,
	meetingChildren,
	meetingParticipants,
	meetings
} from '../db/schema';
import type { SessionUser } from '../auth/session';
import { canSeeChildMeeting } from '../../policy';
import type * as Y from 'yjs';
import { readRecord, type RecordSnapshot } from '../../collab/record-shape';
import type { MeetingRole } from '../../domain/vocabulary';
import { calendarDateOf } from '../../domain/calendar-date';
import { scoreHistory, type ChildRiskHistory, type MeetingScores } from '../../risk/history';
import { readStoredRecord } from '../records';

const UUID = /^[0-9a-f-]{36}$/i;

/** The child's name and whether the viewer may see them at all, with the meetings they may see. */
async function visibleMeetingsAbout(props: { db: Database; user: SessionUser; childId: string }) {
	const { db, user, childId } = props;
	if (!UUID.test(childId)) return null;
	const [child] = await db.select().from(children).where(eq(children.id, childId));
	if (!child) return null;
	const ownFamily =
		user.role === 'parent'
			? (
					await db
						.select({ f: familyMembers.familyId })
						.from(familyMembers)
						.where(
							and(eq(familyMembers.userId, user.id), eq(familyMembers.familyId, child.familyId))
						)
				).length > 0
			: false;
	const about = await db
		.select({ meeting: meetings })
		.from(meetingChildren)
		.innerJoin(meetings, eq(meetings.id, meetingChildren.meetingId))
		.where(eq(meetingChildren.childId, childId))
		.then((rows) => rows.map((r) => r.meeting));
	if (!about.length) return null;
	const people = await db
		.select({
			id: meetingParticipants.id,
			meetingId: meetingParticipants.meetingId,
			userId: meetingParticipants.userId,
			name: meetingParticipants.name,
			role: meetingParticipants.role
		})
		.from(meetingParticipants)
		.where(
			inArray(
				meetingParticipants.meetingId,
				about.map((m) => m.id)
			)
		);
	const viewer = { id: user.id, role: user.role, unitId: user.unitId };
	const visible = about.filter((meeting) => {
		const me = people.find((p) => p.meetingId === meeting.id && p.userId === user.id) ?? null;
		return canSeeChildMeeting({ viewer, meeting, participant: me, ownFamily });
	});
	if (!visible.length) return null;
	visible.sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
	return { child, visible, people };
}

/** One meeting on the child's page: its facts and a link target. */
export interface ChildMeetingLink {
	id: string;
	title: string;
	kind: (typeof meetings.$inferSelect)['kind'];
	status: (typeof meetings.$inferSelect)['status'];
	scheduledAt: string;
}

/**
 * The child's score history across the meetings the viewer may see (live and ended ones have
 * records), or null when the viewer may not see the child (callers answer 404).
 */
export async function riskHistoryFor(props: {
	db: Database;
	user: SessionUser;
	childId: string;
}): Promise<{ history: ChildRiskHistory; meetings: ChildMeetingLink[] } | null> {
	const found = await riskHistoriesFor({ ...props, childIds: [props.childId] });
	return found.get(props.childId) ?? null;
}

/**
 * Several children's histories at once (a meeting's children share meetings): each record is
 * read once, or taken from `loaded` (records the caller already holds, which it destroys).
 * Children the viewer may not see are left out.
 */
export async function riskHistoriesFor(props: {
	db: Database;
	user: SessionUser;
	childIds: readonly string[];
	loaded?: ReadonlyMap<string, Y.Doc>;
	/** A transaction of `db` to read in (end meeting's); the live records are still found by `db`. */
	tx?: Database;
}): Promise<Map<string, { history: ChildRiskHistory; meetings: ChildMeetingLink[] }>> {
	const { user, tx } = props;
	const db = tx ?? props.db;
	const perChild = new Map<string, NonNullable<Awaited<ReturnType<typeof visibleMeetingsAbout>>>>();
	for (const childId of new Set(props.childIds)) {
		const found = await visibleMeetingsAbout({ db, user, childId });
		if (found) perChild.set(childId, found);
	}
	const toRead = new Map<
		string,
		{
			meeting: typeof meetings.$inferSelect;
			people: { id: string; name: string; role: MeetingRole }[];
		}
	>();
	for (const { visible, people } of perChild.values()) {
		for (const meeting of visible) {
			if (meeting.status !== 'live' && meeting.status !== 'ended') continue;
			toRead.set(meeting.id, {
				meeting,
				people: people
					.filter((p) => p.meetingId === meeting.id)
					.map((p) => ({ id: p.id, name: p.name, role: p.role }))
			});
		}
	}
	const records = new Map<string, RecordSnapshot>();
	const entries = [...toRead.values()];
	// One read per meeting; two at a time keeps a small server responsive (one at a time in a
	// transaction: its one connection takes one savepoint at a time).
	const atOnce = tx ? 1 : 2;
	for (let i = 0; i < entries.length; i += atOnce) {
		await Promise.all(
			entries.slice(i, i + atOnce).map(async ({ meeting, people }) => {
				const held = props.loaded?.get(meeting.id);
				const doc = held ?? (await readStoredRecord({ db: props.db, tx, meetingId: meeting.id }));
				try {
					records.set(
						meeting.id,
						readRecord(
							doc,
							people.map((p) => p.id)
						)
					);
				} finally {
					if (!held) doc.destroy();
				}
			})
		);
	}
	const out = new Map<string, { history: ChildRiskHistory; meetings: ChildMeetingLink[] }>();
	for (const [childId, { child, visible }] of perChild) {
		const sources: MeetingScores[] = [];
		for (const meeting of visible) {
			const record = records.get(meeting.id);
			const entry = toRead.get(meeting.id);
			if (!record || !entry) continue;
			sources.push({
				meeting: {
					id: meeting.id,
					date: calendarDateOf(meeting.startedAt ?? meeting.scheduledAt),
					kind: meeting.kind,
					live: meeting.status === 'live',
					scheduledAt: meeting.scheduledAt.toISOString()
				},
				concerns: record.concerns.filter((c) => c.childId === childId),
				ratings: record.ratings,
				participants: entry.people
			});
		}
		out.set(childId, {
			history: scoreHistory({ childId, childName: child.name, meetings: sources }),
			meetings: visible.map((m) => ({
				id: m.id,
				title: m.title,
				kind: m.kind,
				status: m.status,
				scheduledAt: m.scheduledAt.toISOString()
			}))
		});
	}
	return out;
}
