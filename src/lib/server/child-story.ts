/**
 * The child's story (issue 13): every meeting about the child the viewer may see, newest
 * first, each with the document versions, scores and plan actions the viewer is entitled to
 * (the policy decides: a parent reads only family documents that are final, and only their own
 * family's meetings, which riskHistoryFor has already kept to).
 */
import { and, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Database } from './db';
import { meetingDocuments, planActions } from './db/schema';
import type { SessionUser } from './auth/session';
import { meetingForViewer } from './meetings/queries';
import { documentUrl } from './documents/store';
import { actionView, type ActionView } from './actions';
import { mayReadDocument, readsAsFamily } from '../policy';
import type { ChildMeetingLink } from './risk/history';
import type { ChildRiskHistory } from '../risk/history';

export interface StoryMeeting extends ChildMeetingLink {
	documents: {
		id: string;
		title: string;
		kind: string;
		version: number;
		url: string;
		createdAt: string;
	}[];
	scores: { concern: string; median: number | null }[];
	actions: ActionView[];
}

/** The story of the child, newest meeting first; `meetings` are those the viewer may see. */
export async function childStory(props: {
	db: Database;
	user: SessionUser;
	childId: string;
	meetings: readonly ChildMeetingLink[];
	history: ChildRiskHistory;
}): Promise<StoryMeeting[]> {
	const { db, user, childId } = props;
	const ids = props.meetings.map((m) => m.id);
	if (!ids.length) return [];
	const docs = await db
		.select({
			id: meetingDocuments.id,
			meetingId: meetingDocuments.meetingId,
			title: meetingDocuments.title,
			kind: meetingDocuments.kind,
			version: meetingDocuments.version,
			audience: meetingDocuments.audience,
			state: meetingDocuments.state,
			createdAt: meetingDocuments.createdAt
		})
		.from(meetingDocuments)
		.where(inArray(meetingDocuments.meetingId, ids))
		.orderBy(desc(meetingDocuments.createdAt), desc(meetingDocuments.version));
	const actions = await db
		.select()
		.from(planActions)
		.where(
			and(
				inArray(planActions.meetingId, ids),
				or(eq(planActions.childId, childId), isNull(planActions.childId))
			)
		)
		.orderBy(planActions.dueBy);
	const story: StoryMeeting[] = [];
	for (const meeting of props.meetings) {
		const found = await meetingForViewer({ db, user, meetingId: meeting.id });
		if (!found) continue;
		const family = readsAsFamily(found.role);
		story.push({
			...meeting,
			documents: docs
				.filter(
					(d) =>
						d.meetingId === meeting.id &&
						mayReadDocument({ role: found.role, audience: d.audience }) &&
						(!family || d.state === 'final')
				)
				.map((d) => ({
					id: d.id,
					title: d.title,
					kind: d.kind,
					version: d.version,
					url: documentUrl(d.meetingId, d.id),
					createdAt: d.createdAt.toISOString()
				})),
			scores: props.history.concerns.flatMap((c) => {
				const point = c.points.find((p) => p.meetingId === meeting.id);
				return point ? [{ concern: c.title, median: point.professionals?.median ?? null }] : [];
			}),
			actions: actions.filter((a) => a.meetingId === meeting.id).map(actionView)
		});
	}
	story.sort((a, b) => b.scheduledAt.localeCompare(a.scheduledAt));
	return story;
}
