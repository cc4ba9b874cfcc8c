/**
 * Circulation that happens by itself (issue 22): the 24-hour plan queued when a conference ends
 * (unless the chair holds it back, with a reason), the final notes queued when the chair
 * approves them (less any names held back), the unit warned when it has no emergency duty team
 * to send to, failures and bounces acted on (sent again to a corrected address, or dismissed
 * with a reason), and bounces read back from the unit's mail relay.
 */
import { badInput } from './command-error';
import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Database } from './db';
import {
	agencies,
	circulation,
	circulationHolds,
	meetingDocuments,
	meetingParticipants,
	outbox,
	type StoredDocument
} from './db/schema';
import type { SessionUser } from './auth/session';
import { audit } from './audit';
import type { MeetingForViewer } from './meetings/queries';
import {
	circulatingMeeting,
	circulationRecord,
	distributionList,
	documentOf,
	isEmergencyDuty,
	plannedCopies,
	queueCopies,
	releaseHolds,
	type PlannedCopy
} from './circulation';
import { storableText } from './db/storable';
import { textLimits } from '../domain/text-limits';
import { bounceInWords, readBounce } from '../domain/bounces';
import { normaliseEmail } from './users';

const conferenceKinds = new Set(['initial-conference', 'review-conference']);

/** The 24-hour plan must reach every copy within this long of the meeting's end. */
export const PLAN_HOURS = 24;

/** Plain words for the unit with no emergency duty team to send the plan to; null when it has one. */
export async function emergencyDutyWarning(
	db: Database,
	unitId: string | null
): Promise<string | null> {
	const rows = await db
		.select({ kind: agencies.kind, name: agencies.name, email: agencies.email })
		.from(agencies)
		.where(
			unitId ? or(eq(agencies.unitId, unitId), isNull(agencies.unitId)) : isNull(agencies.unitId)
		);
	const edt = rows.filter(isEmergencyDuty);
	if (edt.some((a) => a.email)) return null;
	return edt.length
		? 'The emergency duty team on your agencies list has no team address, so the 24-hour plan cannot reach it: add its address on the agencies page, then send the plan.'
		: 'Your unit has no emergency duty team on its agencies list, so the 24-hour plan cannot reach it: add the out-of-hours emergency duty team with its team address on the agencies page, then send the plan.';
}

/** Reads the chair's reason for holding a copy back: trimmed, 1 to 2,000 characters. */
export function readHoldReason(reason: unknown): string | { problem: string } {
	const text = typeof reason === 'string' ? storableText(reason).trim() : '';
	if (!text) return { problem: 'Say why the 24-hour plan is held back, in a sentence.' };
	if (text.length > textLimits.reason)
		return {
			problem: `Keep the reason under ${textLimits.reason.toLocaleString('en-GB')} characters.`
		};
	return text;
}

/**
 * When a conference ends: its 24-hour plan is queued at once (high priority) to the emergency
 * duty team, the core group and the agencies present, each the copy they may read; or, with the
 * chair's reason, held back (recorded and audited, nothing queued). Other meetings: nothing.
 */
export async function circulatePlanOnEnd(props: {
	db: Database;
	user: SessionUser;
	found: MeetingForViewer;
	documents: StoredDocument[];
	holdReason?: string | null;
}): Promise<{ queued: number; held: string | null; warnings: string[] }> {
	const { db, user, found } = props;
	const plan = props.documents.find((d) => d.kind === 'plan-24h');
	if (!plan || !conferenceKinds.has(found.meeting.kind))
		return { queued: 0, held: null, warnings: [] };
	const warning = await emergencyDutyWarning(db, found.meeting.unitId);
	const warnings = warning ? [warning] : [];
	if (props.holdReason) {
		await db.insert(circulationHolds).values({
			meetingId: found.meeting.id,
			documentId: plan.id,
			recipientEmail: null,
			reason: props.holdReason,
			heldBy: user.id
		});
		await audit({
			db,
			userId: user.id,
			action: 'hold-circulation',
			targetType: 'document',
			targetId: plan.id,
			detail: { meetingId: found.meeting.id, kind: plan.kind, version: plan.version }
		});
		return { queued: 0, held: props.holdReason, warnings };
	}
	const queued = await queueCopies({ db, user, found, doc: plan });
	return { queued: queued.length, held: null, warnings };
}

/** Who the final notes will go to, for the chair approving them (each with the copy they get). */
export async function notesCirculationPlan(props: {
	db: Database;
	found: MeetingForViewer;
	notes: Pick<StoredDocument, 'kind' | 'audience'>;
}): Promise<PlannedCopy[]> {
	return plannedCopies({ db: props.db, found: props.found, doc: props.notes });
}

/**
 * The chair approved the notes: the final notes are queued to everyone on the list (the family
 * their copy), less the addresses held back, each hold recorded so the page and the due queue
 * show them unsent until someone sends them.
 */
export async function circulateApprovedNotes(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	notes: StoredDocument;
	holdBack: string[];
}): Promise<{ queued: number; held: number }> {
	const { db, user, notes } = props;
	const found = await circulatingMeeting(db, user, props.meetingId);
	const holdBack = new Set(props.holdBack.map((a) => a.trim().toLowerCase()).filter(Boolean));
	const queued = await queueCopies({ db, user, found, doc: notes, holdBack });
	const planned = await plannedCopies({ db, found, doc: notes });
	const held = planned.filter((p) => holdBack.has(p.address.toLowerCase()));
	if (held.length)
		await db.insert(circulationHolds).values(
			held.map((p) => ({
				meetingId: found.meeting.id,
				documentId: notes.id,
				recipientEmail: p.address.toLowerCase(),
				reason: 'Held back by the chair when the notes were approved.',
				heldBy: user.id
			}))
		);
	return { queued: queued.length, held: held.length };
}

export interface HoldView {
	id: string;
	documentId: string;
	kind: string;
	version: number;
	/** null: the whole document. */
	address: string | null;
	reason: string;
	heldAt: string;
}

/** What the meeting page shows above the record: the plan's clock, holds and warnings. */
export interface CirculationOverview {
	plan: {
		documentId: string;
		version: number;
		/** 24 hours after the meeting ended. */
		dueAt: string;
		/** Every copy delivered, sent or opened, none held, queued or failed. */
		complete: boolean;
		held: { reason: string; heldAt: string } | null;
	} | null;
	holds: HoldView[];
	warnings: string[];
}

export async function circulationOverview(props: {
	db: Database;
	found: MeetingForViewer;
	entries: { documentId: string; proof: string; resolution: string | null }[];
}): Promise<CirculationOverview> {
	const { db, found } = props;
	const meetingId = found.meeting.id;
	const holds = await db
		.select({
			hold: circulationHolds,
			kind: meetingDocuments.kind,
			version: meetingDocuments.version
		})
		.from(circulationHolds)
		.innerJoin(meetingDocuments, eq(meetingDocuments.id, circulationHolds.documentId))
		.where(and(eq(circulationHolds.meetingId, meetingId), isNull(circulationHolds.releasedAt)))
		.orderBy(asc(circulationHolds.heldAt));
	const [plan] = await db
		.select()
		.from(meetingDocuments)
		.where(and(eq(meetingDocuments.meetingId, meetingId), eq(meetingDocuments.kind, 'plan-24h')))
		.orderBy(desc(meetingDocuments.version))
		.limit(1);
	const conference = conferenceKinds.has(found.meeting.kind);
	let planView: CirculationOverview['plan'] = null;
	if (plan && conference && found.meeting.endedAt) {
		const planHold = holds.find((h) => h.hold.documentId === plan.id && !h.hold.recipientEmail);
		const familyPlans = await db
			.select({ id: meetingDocuments.id })
			.from(meetingDocuments)
			.where(
				and(eq(meetingDocuments.meetingId, meetingId), eq(meetingDocuments.kind, 'parent-plan'))
			);
		const ids = new Set([plan.id, ...familyPlans.map((p) => p.id)]);
		const copies = props.entries.filter((e) => ids.has(e.documentId) && e.resolution !== 'resent');
		const done = (e: { proof: string; resolution: string | null }) =>
			['sent', 'delivered', 'opened'].includes(e.proof) || e.resolution === 'dismissed';
		planView = {
			documentId: plan.id,
			version: plan.version,
			dueAt: new Date(found.meeting.endedAt.getTime() + PLAN_HOURS * 3_600_000).toISOString(),
			complete: !planHold && copies.length > 0 && copies.every(done),
			held: planHold
				? { reason: planHold.hold.reason, heldAt: planHold.hold.heldAt.toISOString() }
				: null
		};
	}
	const warning = conference ? await emergencyDutyWarning(db, found.meeting.unitId) : null;
	return {
		plan: planView,
		holds: holds.map(({ hold, kind, version }) => ({
			id: hold.id,
			documentId: hold.documentId,
			kind,
			version,
			address: hold.recipientEmail,
			reason: hold.reason,
			heldAt: hold.heldAt.toISOString()
		})),
		warnings: warning ? [warning] : []
	};
}

export type CopyAction =
	| { action: 'resend'; circulationId: string; email: unknown }
	| { action: 'dismiss'; circulationId: string; reason: unknown }
	| { action: 'release'; holdId: string };

/**
 * Acting on a copy that failed or bounced: send it again to a corrected address (the name's
 * address on the list is corrected too) or dismiss it with a reason; or send a held copy after
 * all. The chair and the unit's business support (404 otherwise); audited.
 */
export async function actOnCopy(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	act: CopyAction;
}): Promise<{ queued: number }> {
	const { db, user, meetingId, act } = props;
	const found = await circulatingMeeting(db, user, meetingId);
	if (act.action === 'release') {
		const [hold] = /^[0-9a-f-]{36}$/i.test(act.holdId)
			? await db
					.select()
					.from(circulationHolds)
					.where(
						and(
							eq(circulationHolds.id, act.holdId),
							eq(circulationHolds.meetingId, meetingId),
							isNull(circulationHolds.releasedAt)
						)
					)
			: [];
		if (!hold) throw badInput('holdId', 'Choose a copy that is held back.');
		const doc = await documentOf(db, meetingId, hold.documentId);
		const list = hold.recipientEmail
			? (await plannedPeople(db, found)).filter(
					(p) => p.email.toLowerCase() === hold.recipientEmail
				)
			: undefined;
		const queued = await queueCopies({ db, user, found, doc, people: list });
		await releaseHolds(db, meetingId, doc.id, hold.recipientEmail);
		return { queued: queued.length };
	}
	const [row] = /^[0-9a-f-]{36}$/i.test(act.circulationId)
		? await db
				.select({ row: circulation, bouncedAt: outbox.bouncedAt, state: outbox.state })
				.from(circulation)
				.leftJoin(outbox, eq(outbox.id, circulation.outboxId))
				.where(and(eq(circulation.id, act.circulationId), eq(circulation.meetingId, meetingId)))
		: [];
	if (!row || row.row.resolution || !(row.bouncedAt || row.state === 'failed'))
		throw badInput(
			'circulationId',
			'Choose a copy that failed or bounced and that nobody has dealt with yet.'
		);
	const now = new Date();
	if (act.action === 'dismiss') {
		const reason = typeof act.reason === 'string' ? storableText(act.reason).trim() : '';
		if (!reason)
			throw badInput(
				'reason',
				'Say why this copy need not be sent again (for example, sent by hand).'
			);
		if (reason.length > textLimits.reason)
			throw badInput(
				'reason',
				`Keep the reason under ${textLimits.reason.toLocaleString('en-GB')} characters.`
			);
		await db
			.update(circulation)
			.set({
				resolution: 'dismissed',
				resolutionReason: reason,
				resolvedBy: user.id,
				resolvedAt: now
			})
			.where(eq(circulation.id, row.row.id));
		await audit({
			db,
			userId: user.id,
			action: 'dismiss-circulation',
			targetType: 'document',
			targetId: row.row.documentId,
			detail: { meetingId, circulationId: row.row.id }
		});
		return { queued: 0 };
	}
	const email = normaliseEmail(typeof act.email === 'string' ? act.email : '');
	if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) || email.length > 254)
		throw badInput('email', 'Enter the corrected email address, like name@example.gov.uk.');
	if (email === row.row.recipientEmail.toLowerCase())
		throw badInput('email', 'That is the address that failed: enter the corrected one.');
	const doc = await documentOf(db, meetingId, row.row.documentId);
	// The name's address on the list is corrected, so later copies go to it.
	await db
		.update(meetingParticipants)
		.set({ email })
		.where(
			and(
				eq(meetingParticipants.meetingId, meetingId),
				isNull(meetingParticipants.userId),
				eq(meetingParticipants.email, row.row.recipientEmail.toLowerCase())
			)
		);
	const queued = await queueCopies({
		db,
		user,
		found,
		doc,
		people: [
			{
				userId: null,
				email,
				role: doc.audience === 'family' ? 'parent' : 'professional',
				source: 'participant'
			}
		]
	});
	await db
		.update(circulation)
		.set({ resolution: 'resent', resolutionReason: null, resolvedBy: user.id, resolvedAt: now })
		.where(eq(circulation.id, row.row.id));
	return { queued: queued.length };
}

async function plannedPeople(db: Database, found: MeetingForViewer) {
	return distributionList({ db, found });
}

/**
 * A bounce forwarded by the unit's mail relay (`POST /api/mail/bounces`): the message it names
 * (by its VERP return path, or its Message-ID) is marked bounced, with plain words and the
 * status code. A delay, or a report naming none of ours, changes nothing.
 */
export async function recordBounce(props: {
	db: Database;
	raw: string;
	now?: Date;
}): Promise<{ matched: boolean; bounced: boolean }> {
	const read = readBounce(props.raw);
	if (!read) return { matched: false, bounced: false };
	const [message] = await props.db
		.select({ id: outbox.id, meetingId: outbox.meetingId, documentId: outbox.documentId })
		.from(outbox)
		.where(eq(outbox.id, read.messageId));
	if (!message) return { matched: false, bounced: false };
	if (read.action !== 'failed') return { matched: true, bounced: false };
	await props.db
		.update(outbox)
		.set({ bouncedAt: props.now ?? new Date(), bounceReason: bounceInWords(read.status) })
		.where(and(eq(outbox.id, message.id), isNull(outbox.bouncedAt)));
	await audit({
		db: props.db,
		userId: null,
		action: 'mail-bounced',
		targetType: message.documentId ? 'document' : 'meeting',
		targetId: message.documentId ?? message.meetingId,
		detail: { meetingId: message.meetingId, outboxId: message.id, status: read.status }
	});
	return { matched: true, bounced: true };
}

/** The circulation record and its overview, for the chair and business support (else null). */
export async function circulationForPage(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
}) {
	const entries = await circulationRecord(props);
	if (!entries) return null;
	const found = await circulatingMeeting(props.db, props.user, props.meetingId);
	return { entries, overview: await circulationOverview({ db: props.db, found, entries }) };
}

/**
 * Outstanding circulation per document for the due queue: copies queued (waiting for the sender,
 * or being retried), held back by the chair, and failed or bounced with nobody acting yet.
 */
export async function unsentCopies(
	db: Database,
	documentIds: string[]
): Promise<Map<string, { queued: number; held: number; problems: number }>> {
	const out = new Map<string, { queued: number; held: number; problems: number }>();
	if (!documentIds.length) return out;
	const bump = (id: string, key: 'queued' | 'held' | 'problems') => {
		const v = out.get(id) ?? { queued: 0, held: 0, problems: 0 };
		v[key]++;
		out.set(id, v);
	};
	const rows = await db
		.select({
			documentId: circulation.documentId,
			resolution: circulation.resolution,
			state: outbox.state,
			bouncedAt: outbox.bouncedAt
		})
		.from(circulation)
		.leftJoin(outbox, eq(outbox.id, circulation.outboxId))
		.where(inArray(circulation.documentId, documentIds));
	for (const r of rows) {
		if (r.resolution) continue;
		if (r.bouncedAt || r.state === 'failed') bump(r.documentId, 'problems');
		else if (r.state !== 'sent') bump(r.documentId, 'queued');
	}
	const holds = await db
		.select({ documentId: circulationHolds.documentId })
		.from(circulationHolds)
		.where(
			and(inArray(circulationHolds.documentId, documentIds), isNull(circulationHolds.releasedAt))
		);
	for (const h of holds) bump(h.documentId, 'held');
	return out;
}
