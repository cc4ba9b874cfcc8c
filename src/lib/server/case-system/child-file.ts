/**
 * A child's file as one download (issue 26): every final document of the meetings about the
 * child, each plan in the register and each challenge, as PDFs in a zip (fflate) with an
 * `index.json` that lists them — for a case system that takes uploads and for a subject access
 * request. The unit's chairs and business support (`mayDownloadChildFile`); audited.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Database } from '../db';
import {
	challengeSteps,
	challenges,
	children,
	families,
	meetingChildren,
	meetingDocuments,
	meetings
} from '../db/schema';
import type { SessionUser } from '../auth/session';
import { audit } from '../audit';
import { mayDownloadChildFile } from '../../policy';
import type { MeetingDocument } from '../../documents/model';
import { slug } from '../../documents/model';
import { categoryLabels } from '../../domain/decisions';
import { formatCalendarDate, calendarDateOf } from '../../domain/calendar-date';
import type { PlanEntry } from '../../domain/plan-register';
import { renderDocumentPdf } from '../documents/pdf';
import { registerOf } from '../families/plans';
import { versionsOf } from '../plan-versions';
import type { PlanVersion } from '../db/schema';

const generator = { name: 'roundtable-child-file', version: '1' };

/** One plan of the register as a printable document. */
function planDocument(
	childName: string,
	plan: PlanEntry,
	versions: readonly PlanVersion[]
): MeetingDocument {
	const latest = versions[0];
	const dates = (list: string[]) => list.map((d) => formatCalendarDate(d)).join('; ') || 'None';
	return {
		kind: 'plan-24h',
		audience: 'professionals',
		title: `Child protection plan for ${childName}`,
		subtitle: `From ${formatCalendarDate(plan.startedOn)}${plan.endedOn ? ` to ${formatCalendarDate(plan.endedOn)}` : ''}`,
		fileName: `plan-${plan.startedOn}`,
		containsRestricted: false,
		generator,
		sections: [
			{
				heading: 'The plan',
				blocks: [
					{
						type: 'facts',
						items: [
							{ term: 'Started', value: formatCalendarDate(plan.startedOn) },
							{
								term: 'Category',
								value: plan.category ? categoryLabels[plan.category] : 'Not recorded'
							},
							{
								term: 'Next review conference due by',
								value: plan.nextReviewBy ? formatCalendarDate(plan.nextReviewBy) : '—'
							},
							{ term: 'Review conferences held', value: dates(plan.reviewsHeld) },
							{ term: 'Core groups held', value: dates(plan.coreGroupsHeld) },
							{
								term: 'Ended',
								value: plan.endedOn
									? `${formatCalendarDate(plan.endedOn)}: ${plan.endReason ?? ''}`
									: 'Running'
							}
						]
					}
				]
			},
			...(latest
				? [
						{
							heading: `Outcomes and actions (version ${latest.version})`,
							blocks: [
								{
									type: 'table' as const,
									caption: 'Each action, under its outcome',
									head: ['Outcome', 'Action', 'Who', 'By when'],
									rows: latest.content.actions.map((a) => [
										latest.content.outcomes.find((o) => o.id === a.outcomeId)?.text ?? '',
										a.what,
										a.who,
										a.byWhen
									])
								}
							]
						},
						{
							heading: 'Versions',
							blocks: [
								{
									type: 'table' as const,
									caption: 'Each version: what changed and who agreed',
									head: ['Version', 'Made', 'What changed', 'Agreed by'],
									rows: versions.map((v) => [
										String(v.version),
										formatCalendarDate(calendarDateOf(v.createdAt)),
										v.changes.join('; '),
										v.agreedBy.join(', ')
									])
								}
							]
						}
					]
				: [])
		]
	};
}

type ChallengeRow = typeof challenges.$inferSelect;
type StepRow = typeof challengeSteps.$inferSelect;

/** One challenge, with its steps, as a printable document. */
function challengeDocument(childName: string, c: ChallengeRow, steps: StepRow[]): MeetingDocument {
	return {
		kind: 'lessons',
		audience: 'professionals',
		title: `Challenge about ${childName}'s case`,
		subtitle: `Raised ${formatCalendarDate(calendarDateOf(c.raisedAt))}`,
		fileName: `challenge-${c.id}`,
		containsRestricted: false,
		generator,
		sections: [
			{
				heading: 'The challenge',
				blocks: [
					{
						type: 'facts',
						items: [
							{ term: 'About', value: c.about },
							{ term: 'To', value: `${c.toPerson}, ${c.toAgency}` },
							{ term: 'Stage', value: c.stage },
							...(c.outcome ? [{ term: 'Outcome', value: c.outcome }] : [])
						]
					},
					{ type: 'paragraph', text: c.why }
				]
			},
			{
				heading: 'Its steps',
				blocks: [
					{
						type: 'table',
						caption: 'Each step, oldest first',
						head: ['When', 'Stage', 'Note'],
						rows: steps.map((s) => [formatCalendarDate(calendarDateOf(s.at)), s.stage, s.note])
					}
				]
			}
		]
	};
}

/** The child's file as zip bytes, or null when the viewer may not have it (404). */
export async function childFile(props: {
	db: Database;
	user: SessionUser;
	childId: string;
	now?: Date;
}): Promise<{ bytes: Uint8Array; fileName: string } | null> {
	const { db, user, childId } = props;
	if (!/^[0-9a-f-]{36}$/i.test(childId)) return null;
	const [found] = await db
		.select({ child: children, unitId: families.unitId })
		.from(children)
		.innerJoin(families, eq(families.id, children.familyId))
		.where(eq(children.id, childId));
	if (!found || !mayDownloadChildFile({ viewer: user, childUnitId: found.unitId })) return null;
	const { child } = found;
	const docs = await db
		.select({ doc: meetingDocuments })
		.from(meetingDocuments)
		.innerJoin(meetings, eq(meetings.id, meetingDocuments.meetingId))
		.innerJoin(meetingChildren, eq(meetingChildren.meetingId, meetings.id))
		.where(
			and(
				eq(meetingChildren.childId, childId),
				eq(meetingDocuments.state, 'final'),
				eq(meetings.unitId, found.unitId!)
			)
		)
		.orderBy(asc(meetingDocuments.createdAt));
	const plans = await registerOf(db, childId);
	const versions = await versionsOf(
		db,
		plans.map((p) => p.id)
	);
	const raised = await db
		.select()
		.from(challenges)
		.where(eq(challenges.childId, childId))
		.orderBy(asc(challenges.raisedAt));
	const steps = raised.length
		? await db
				.select()
				.from(challengeSteps)
				.where(
					inArray(
						challengeSteps.challengeId,
						raised.map((c) => c.id)
					)
				)
				.orderBy(asc(challengeSteps.at))
		: [];

	const files: Zippable = {};
	const index = {
		child: { id: child.id, name: child.name, caseSystemId: child.caseSystemId },
		madeAt: (props.now ?? new Date()).toISOString(),
		documents: [] as Record<string, unknown>[],
		plans: [] as Record<string, unknown>[],
		challenges: [] as Record<string, unknown>[]
	};
	for (const { doc } of docs) {
		const file = `documents/${doc.fileName}-${doc.kind}-v${doc.version}.pdf`;
		files[file] = new Uint8Array(await renderDocumentPdf(doc.content));
		index.documents.push({
			file,
			documentId: doc.id,
			meetingId: doc.meetingId,
			kind: doc.kind,
			audience: doc.audience,
			title: doc.title,
			version: doc.version,
			contentHash: doc.contentHash,
			finalAt: (doc.approvedAt ?? doc.createdAt).toISOString()
		});
	}
	for (const plan of plans) {
		const file = `plans/plan-${plan.startedOn}-${plan.id.slice(0, 8)}.pdf`;
		const own = versions.filter((v) => v.planId === plan.id);
		files[file] = new Uint8Array(await renderDocumentPdf(planDocument(child.name, plan, own)));
		index.plans.push({
			file,
			id: plan.id,
			startedAt: plan.startedOn,
			category: plan.category,
			nextReviewBy: plan.nextReviewBy,
			endedAt: plan.endedOn,
			endReason: plan.endReason,
			versions: own.map((v) => ({
				version: v.version,
				meetingId: v.meetingId,
				madeAt: v.createdAt.toISOString(),
				changes: v.changes,
				agreedBy: v.agreedBy,
				...v.content
			}))
		});
	}
	for (const c of raised) {
		const file = `challenges/challenge-${calendarDateOf(c.raisedAt)}-${c.id.slice(0, 8)}.pdf`;
		const own = steps.filter((s) => s.challengeId === c.id);
		files[file] = new Uint8Array(await renderDocumentPdf(challengeDocument(child.name, c, own)));
		index.challenges.push({
			file,
			id: c.id,
			stage: c.stage,
			raisedAt: c.raisedAt.toISOString(),
			toAgency: c.toAgency,
			outcome: c.outcome
		});
	}
	files['index.json'] = strToU8(JSON.stringify(index, null, 2));
	await audit({
		db,
		userId: user.id,
		action: 'download-child-file',
		targetType: 'child',
		targetId: childId,
		detail: {
			documents: index.documents.length,
			plans: index.plans.length,
			challenges: index.challenges.length
		}
	});
	return {
		bytes: zipSync(files, { level: 6 }),
		fileName: `${slug(child.name) || 'child'}-file-${calendarDateOf(props.now ?? new Date())}.zip`
	};
}
