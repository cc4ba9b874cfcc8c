/**
 * Queues the events the council's case system is sent (issue 26, docs/case-system.md): one
 * delivery per child per event, each with the child's case-system identifier. A unit with no
 * endpoint queues nothing, so nothing is sent and nothing else changes. The deliverer
 * (./deliver.ts) sends them, signed, with retries.
 * Runs in SvelteKit and under plain Node, so imports are relative.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import {
	caseSystemDeliveries,
	challenges,
	childPlans,
	children,
	families,
	meetingChildren,
	meetingDocuments,
	meetings
} from '../db/schema';
import type { CaseSystemEventType } from '../../domain/case-system';
import { calendarDateOf } from '../../domain/calendar-date';
import { firstReviewConferenceDue } from '../../domain/timescales';
import { endpointOf } from './endpoint';

/** One event for one child, before it is queued. */
interface Event {
	type: CaseSystemEventType;
	childId: string;
	documentId?: string | null;
	data: Record<string, unknown>;
}

/** A Standard Webhooks message id: unique per event, the same on each attempt. */
const messageId = () => `msg_${randomUUID().replaceAll('-', '')}`;

async function queue(db: Database, unitId: string | null, events: Event[], now = new Date()) {
	if (!unitId || events.length === 0) return 0;
	if (!(await endpointOf(db, unitId))) return 0;
	const ids = await caseSystemIdsOf(
		db,
		events.map((e) => e.childId)
	);
	await db.insert(caseSystemDeliveries).values(
		events.map((e) => ({
			id: messageId(),
			unitId,
			type: e.type,
			childId: e.childId,
			documentId: e.documentId ?? null,
			payload: {
				type: e.type,
				timestamp: now.toISOString(),
				data: { childId: e.childId, caseSystemId: ids.get(e.childId) ?? null, ...e.data }
			},
			nextAttemptAt: now,
			createdAt: now
		}))
	);
	return events.length;
}

async function caseSystemIdsOf(db: Database, childIds: string[]) {
	const rows = await db
		.select({ id: children.id, caseSystemId: children.caseSystemId })
		.from(children)
		.where(inArray(children.id, [...new Set(childIds)]));
	return new Map(rows.map((r) => [r.id, r.caseSystemId]));
}

/**
 * `document.final` for each final document version given (the 24-hour plan, the notes and the
 * family's copy, letters …), one per child of its meeting. Call where documents become final.
 */
export async function queueDocumentsFinal(props: {
	db: Database;
	documentIds: readonly string[];
	now?: Date;
}): Promise<number> {
	const { db } = props;
	if (props.documentIds.length === 0) return 0;
	const docs = await db
		.select({
			id: meetingDocuments.id,
			meetingId: meetingDocuments.meetingId,
			kind: meetingDocuments.kind,
			audience: meetingDocuments.audience,
			version: meetingDocuments.version,
			title: meetingDocuments.title,
			contentHash: meetingDocuments.contentHash,
			state: meetingDocuments.state,
			createdAt: meetingDocuments.createdAt,
			approvedAt: meetingDocuments.approvedAt,
			unitId: meetings.unitId,
			meetingKind: meetings.kind,
			scheduledAt: meetings.scheduledAt
		})
		.from(meetingDocuments)
		.innerJoin(meetings, eq(meetings.id, meetingDocuments.meetingId))
		.where(
			and(inArray(meetingDocuments.id, [...props.documentIds]), eq(meetingDocuments.state, 'final'))
		);
	if (docs.length === 0) return 0;
	const links = await db
		.select({ meetingId: meetingChildren.meetingId, childId: meetingChildren.childId })
		.from(meetingChildren)
		.where(inArray(meetingChildren.meetingId, [...new Set(docs.map((d) => d.meetingId))]));
	let queued = 0;
	for (const unitId of new Set(docs.map((d) => d.unitId))) {
		const events: Event[] = docs
			.filter((d) => d.unitId === unitId)
			.flatMap((doc) =>
				links
					.filter((l) => l.meetingId === doc.meetingId)
					.map((l) => ({
						type: 'document.final' as const,
						childId: l.childId,
						documentId: doc.id,
						data: {
							documentId: doc.id,
							meetingId: doc.meetingId,
							meetingKind: doc.meetingKind,
							meetingDate: calendarDateOf(doc.scheduledAt),
							kind: doc.kind,
							audience: doc.audience,
							title: doc.title,
							version: doc.version,
							contentHash: doc.contentHash,
							finalAt: (doc.approvedAt ?? doc.createdAt).toISOString()
						}
					}))
			);
		queued += await queue(db, unitId, events, props.now);
	}
	return queued;
}

/** `plan.started` / `plan.ended` for the plans a conference (or business support) changed. */
export async function queuePlanChanges(props: {
	db: Database;
	changes: readonly { kind: 'plan-started' | 'plan-ended'; planId: string }[];
	now?: Date;
}): Promise<number> {
	const { db } = props;
	if (props.changes.length === 0) return 0;
	const rows = await db
		.select({ plan: childPlans, unitId: families.unitId })
		.from(childPlans)
		.innerJoin(children, eq(children.id, childPlans.childId))
		.innerJoin(families, eq(families.id, children.familyId))
		.where(
			inArray(
				childPlans.id,
				props.changes.map((c) => c.planId)
			)
		);
	let queued = 0;
	for (const change of props.changes) {
		const row = rows.find((r) => r.plan.id === change.planId);
		if (!row) continue;
		const { plan } = row;
		const data =
			change.kind === 'plan-started'
				? {
						planId: plan.id,
						startedOn: plan.startedOn,
						category: plan.category,
						meetingId: plan.startMeetingId,
						nextReviewBy: firstReviewConferenceDue(plan.startedOn)
					}
				: {
						planId: plan.id,
						startedOn: plan.startedOn,
						endedOn: plan.endedOn,
						endReason: plan.endReason,
						meetingId: plan.endMeetingId
					};
		queued += await queue(
			db,
			row.unitId,
			[
				{
					type: change.kind === 'plan-started' ? 'plan.started' : 'plan.ended',
					childId: plan.childId,
					data
				}
			],
			props.now
		);
	}
	return queued;
}

/** `challenge.changed` when a challenge is raised or moves on a stage. */
export async function queueChallengeChanged(props: {
	db: Database;
	challengeId: string;
	now?: Date;
}): Promise<number> {
	const [c] = await props.db.select().from(challenges).where(eq(challenges.id, props.challengeId));
	if (!c) return 0;
	return queue(
		props.db,
		c.unitId,
		[
			{
				type: 'challenge.changed',
				childId: c.childId,
				data: {
					challengeId: c.id,
					meetingId: c.meetingId,
					stage: c.stage,
					about: c.about,
					toAgency: c.toAgency,
					raisedAt: c.raisedAt.toISOString(),
					stageAt: c.stageAt.toISOString(),
					outcome: c.outcome
				}
			}
		],
		props.now
	);
}

/**
 * The one call where documents become final or plans change (End meeting, the chair's approval
 * of the notes): queues their events for the case system, or nothing without an endpoint.
 */
export async function queueCaseSystemEvents(props: {
	db: Database;
	documentIds?: readonly string[];
	planChanges?: readonly { kind: 'plan-started' | 'plan-ended'; planId: string }[];
	now?: Date;
}): Promise<number> {
	const documents = await queueDocumentsFinal({
		db: props.db,
		documentIds: props.documentIds ?? [],
		now: props.now
	});
	const plans = await queuePlanChanges({
		db: props.db,
		changes: props.planChanges ?? [],
		now: props.now
	});
	return documents + plans;
}
