/**
 * What the case system may read, and what the unit sees of what was sent (issue 26): a document
 * behind a signed link, the deliveries of a document and of the unit, and a replay.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '../db';
import { caseSystemDeliveries, meetingDocuments, meetings } from '../db/schema';
import type { SessionUser } from '../auth/session';
import { audit } from '../audit';
import { mayReadCaseSystemDeliveries } from '../../policy';
import { endpointOf } from './endpoint';
import { pdfLinkValid } from './pdf-link';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The final document a good, unexpired link names (audited), or null. */
export async function documentPdfForLink(props: {
	db: Database;
	documentId: string;
	expires: string | null;
	signature: string | null;
	now?: Date;
}) {
	const { db } = props;
	if (!UUID.test(props.documentId)) return null;
	const [row] = await db
		.select({ doc: meetingDocuments, unitId: meetings.unitId })
		.from(meetingDocuments)
		.innerJoin(meetings, eq(meetings.id, meetingDocuments.meetingId))
		.where(and(eq(meetingDocuments.id, props.documentId), eq(meetingDocuments.state, 'final')));
	if (!row) return null;
	const endpoint = await endpointOf(db, row.unitId);
	if (
		!endpoint ||
		!pdfLinkValid({
			secret: endpoint.secret,
			documentId: row.doc.id,
			expires: props.expires,
			signature: props.signature,
			now: props.now ?? new Date()
		})
	)
		return null;
	await audit({
		db,
		userId: null,
		action: 'download',
		targetType: 'document',
		targetId: row.doc.id,
		detail: { meetingId: row.doc.meetingId, via: 'case-system', version: row.doc.version }
	});
	return row.doc;
}

/** A delivery as the unit is shown it. */
function view(d: typeof caseSystemDeliveries.$inferSelect) {
	return {
		id: d.id,
		type: d.type,
		childId: d.childId,
		documentId: d.documentId,
		state: d.state,
		attempts: d.attempts,
		lastError: d.lastError,
		createdAt: d.createdAt.toISOString(),
		deliveredAt: d.deliveredAt?.toISOString() ?? null,
		nextAttemptAt: d.state === 'queued' ? d.nextAttemptAt.toISOString() : null,
		replayOf: d.replayOf
	};
}
export type DeliveryView = ReturnType<typeof view>;

/** The deliveries of one document, newest first (the unit's business support and managers). */
export async function deliveriesOfDocument(props: {
	db: Database;
	user: SessionUser;
	documentId: string;
}): Promise<DeliveryView[]> {
	const { user } = props;
	if (!mayReadCaseSystemDeliveries(user)) return [];
	const rows = await props.db
		.select()
		.from(caseSystemDeliveries)
		.where(
			and(
				eq(caseSystemDeliveries.documentId, props.documentId),
				eq(caseSystemDeliveries.unitId, user.unitId!)
			)
		)
		.orderBy(desc(caseSystemDeliveries.createdAt));
	return rows.map(view);
}

/** The unit's latest deliveries (at most `limit`), newest first; null for anyone who may not. */
export async function unitDeliveries(props: { db: Database; user: SessionUser; limit?: number }) {
	const { user } = props;
	if (!mayReadCaseSystemDeliveries(user)) return null;
	const rows = await props.db
		.select()
		.from(caseSystemDeliveries)
		.where(eq(caseSystemDeliveries.unitId, user.unitId!))
		.orderBy(desc(caseSystemDeliveries.createdAt))
		.limit(props.limit ?? 200);
	return rows.map(view);
}

/**
 * Sends an event again: a new delivery (a new webhook id, so the case system takes it as new)
 * with the same body, queued now. Null when it is not the unit's (or the viewer may not).
 */
export async function replayDelivery(props: {
	db: Database;
	user: SessionUser;
	deliveryId: string;
	now?: Date;
}): Promise<{ id: string } | null> {
	const { db, user } = props;
	if (!mayReadCaseSystemDeliveries(user) || typeof props.deliveryId !== 'string') return null;
	const [original] = await db
		.select()
		.from(caseSystemDeliveries)
		.where(
			and(
				eq(caseSystemDeliveries.id, props.deliveryId),
				eq(caseSystemDeliveries.unitId, user.unitId!)
			)
		);
	if (!original || !(await endpointOf(db, original.unitId))) return null;
	const now = props.now ?? new Date();
	const id = `msg_${crypto.randomUUID().replaceAll('-', '')}`;
	await db.insert(caseSystemDeliveries).values({
		id,
		unitId: original.unitId,
		type: original.type,
		childId: original.childId,
		documentId: original.documentId,
		payload: original.payload,
		nextAttemptAt: now,
		createdAt: now,
		replayOf: original.replayOf ?? original.id
	});
	await audit({
		db,
		userId: user.id,
		action: 'replay-case-system-event',
		targetType: 'unit',
		targetId: original.unitId,
		detail: { deliveryId: original.id, replay: id, type: original.type }
	});
	return { id };
}
