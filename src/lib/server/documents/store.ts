/**
 * Stored meeting documents: versioned rows with generator, author, time, content hash, HTML and
 * the model the PDF is made from; and the lists and rows a viewer may read (the policy decides).
 */
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, max } from 'drizzle-orm';
import type { Database } from '../db';
import { meetingDocuments, type StoredDocument } from '../db/schema';
import type { DocumentAudience, DocumentKind, DocumentState } from '../../domain/vocabulary';
import { documentDueBy } from '../../domain/document-due';
import type { CalendarDate } from '../../domain/calendar-date';
import { renderDocumentHtml } from '../../documents/html';
import type { MeetingDocument } from '../../documents/model';
import { mayReadDocument } from '../../policy';
import type { MeetingRole } from '../../domain/vocabulary';
import { storableJson, storableText } from '../db/storable';

/** What the API answers for one document. */
export interface DocumentLink {
	id: string;
	kind: DocumentKind;
	version: number;
	title: string;
	audience: DocumentAudience;
	/** draft | with-chair | final (docs/documents.md). */
	state: DocumentState;
	/** YYYY-MM-DD: when it is due out; null when it has no due date. */
	dueBy: string | null;
	createdAt: string;
	url: string;
	pdfUrl: string;
}

/** The SHA-256 of a document's content as stored (hex). */
export function contentHash(doc: MeetingDocument): string {
	return createHash('sha256').update(JSON.stringify(doc)).digest('hex');
}

export function documentUrl(meetingId: string, documentId: string): string {
	return `/meetings/${meetingId}/documents/${documentId}`;
}

export function linkOf(
	row: Pick<
		StoredDocument,
		'id' | 'meetingId' | 'kind' | 'version' | 'title' | 'audience' | 'createdAt' | 'state' | 'dueBy'
	>
): DocumentLink {
	const url = documentUrl(row.meetingId, row.id);
	return {
		id: row.id,
		kind: row.kind,
		version: row.version,
		title: row.title,
		audience: row.audience,
		state: row.state,
		dueBy: row.dueBy,
		createdAt: row.createdAt.toISOString(),
		url,
		pdfUrl: `${url}/pdf`
	};
}

/**
 * Stores each document as the next version of its kind for the meeting. Documents quote what
 * people typed, so each is made storable first (no U+0000 or lone surrogates): a stray character
 * must never stop a meeting from ending.
 */
export async function storeDocuments(props: {
	db: Database;
	meetingId: string;
	createdBy: string | null;
	documents: MeetingDocument[];
	now?: Date;
	/** The meeting's date: the notes and the 24-hour plan are due counted from it. */
	meetingDate?: CalendarDate;
	/** Each document's state (default: the draft notes start as a draft, the rest are final as made). */
	stateOf?: (doc: MeetingDocument) => DocumentState;
	/** The version each kind gets (default: the next one of its kind). */
	versionOf?: (doc: MeetingDocument) => number;
}): Promise<StoredDocument[]> {
	const { db, meetingId } = props;
	const documents = props.documents.map((doc) => storableJson(doc));
	const latest = await db
		.select({ kind: meetingDocuments.kind, version: max(meetingDocuments.version) })
		.from(meetingDocuments)
		.where(eq(meetingDocuments.meetingId, meetingId))
		.groupBy(meetingDocuments.kind);
	const versionOf = new Map(latest.map((r) => [r.kind, r.version ?? 0]));
	if (!documents.length) return [];
	return db
		.insert(meetingDocuments)
		.values(
			documents.map((doc) => ({
				meetingId,
				kind: doc.kind,
				audience: doc.audience,
				version: props.versionOf?.(doc) ?? (versionOf.get(doc.kind) ?? 0) + 1,
				state: props.stateOf?.(doc) ?? (doc.kind === 'notes' ? 'draft' : 'final'),
				dueBy: props.meetingDate ? documentDueBy(doc.kind, props.meetingDate) : null,
				generatorName: doc.generator.name,
				generatorVersion: doc.generator.version,
				createdBy: props.createdBy,
				createdAt: props.now ?? new Date(),
				title: doc.title,
				fileName: doc.fileName,
				contentHash: contentHash(doc),
				html: storableText(renderDocumentHtml(doc)),
				content: doc
			}))
		)
		.returning();
}

/** The latest version of each document of a meeting that this meeting role may read. */
export async function documentsForRole(props: {
	db: Database;
	meetingId: string;
	role: MeetingRole;
}): Promise<DocumentLink[]> {
	const rows = await props.db
		.select({
			id: meetingDocuments.id,
			meetingId: meetingDocuments.meetingId,
			kind: meetingDocuments.kind,
			version: meetingDocuments.version,
			title: meetingDocuments.title,
			audience: meetingDocuments.audience,
			createdAt: meetingDocuments.createdAt,
			state: meetingDocuments.state,
			dueBy: meetingDocuments.dueBy
		})
		.from(meetingDocuments)
		.where(eq(meetingDocuments.meetingId, props.meetingId))
		.orderBy(asc(meetingDocuments.createdAt), desc(meetingDocuments.version));
	const latest = new Map<string, (typeof rows)[number]>();
	for (const row of rows) {
		if (!mayReadDocument({ role: props.role, audience: row.audience })) continue;
		const seen = latest.get(row.kind);
		if (!seen || seen.version < row.version) latest.set(row.kind, row);
	}
	return [...latest.values()].map(linkOf);
}

/** One stored document of a meeting if this role may read it; null otherwise (answer 404). */
export async function documentForRole(props: {
	db: Database;
	meetingId: string;
	documentId: string;
	role: MeetingRole;
}): Promise<StoredDocument | null> {
	if (!/^[0-9a-f-]{36}$/i.test(props.documentId)) return null;
	const [row] = await props.db
		.select()
		.from(meetingDocuments)
		.where(
			and(
				eq(meetingDocuments.id, props.documentId),
				eq(meetingDocuments.meetingId, props.meetingId)
			)
		);
	if (!row || !mayReadDocument({ role: props.role, audience: row.audience })) return null;
	return row;
}
