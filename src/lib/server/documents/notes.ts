/**
 * The professionals' notes on their way out (docs/documents.md): draft → with-chair → final.
 * Business support sends the draft to the chair; the chair approves it (the notes channel's
 * content is frozen into the version: content, HTML and hash never change again, and the
 * family's copy is made from the open record) or sends it back with a comment; a final version
 * is corrected by a new draft version with a reason. Each step is one conditional update, so a
 * step out of turn (or a second click) is a 409; each is audited; each reconnects the notes
 * sockets so their rights follow the new state.
 */
import { and, eq } from 'drizzle-orm';
import { queueCaseSystemEvents } from '../case-system/queue';
import type { Database } from '../db';
import { meetingDocuments, type StoredDocument } from '../db/schema';
import type { DocumentState } from '../../domain/vocabulary';
import { documentStateInSentence } from '../../domain/labels';
import type { SessionUser } from '../auth/session';
import { audit } from '../audit';
import { mayApproveNotes, mayCorrectNotes, mayReadNotes, maySubmitNotes } from '../../policy';
import { meetingForViewer, type MeetingForViewer } from '../meetings/queries';
import { announceMeetingChanged, notesRoot, readStoredRecord } from '../records';
import { renderDocumentHtml } from '../../documents/html';
import { notesFamily } from '../../documents/notes-family';
import { notesDocumentFrom, notesParagraphs } from '../../documents/notes-fragment';
import { restrictedQuotes, type RestrictedQuote } from '../../documents/restricted-quotes';
import type { MeetingDocument } from '../../documents/model';
import { calendarDateOf } from '../../domain/calendar-date';
import { notesDueDate } from '../../domain/timescales';
import { storableJson, storableText } from '../db/storable';
import { documentInputFor } from './record-input';
import { contentHash } from './store';
import { latestNotes, notesKind } from './notes-state';
import { restrictedPassagesOf } from './restricted-passages';
import { textLimits } from '../../domain/text-limits';
import { CommandError } from '../command-error';

/**
 * The notes version and the meeting, if the user may read the professionals' notes (else 404);
 * a document that is not the notes, or not their latest version, is a 409.
 */
export async function notesFor(props: { db: Database; user: SessionUser; documentId: string }) {
	const { db, user, documentId } = props;
	const notFound = new CommandError(404, 'No notes with that id that you may read.');
	if (!/^[0-9a-f-]{36}$/i.test(documentId)) throw notFound;
	const [row] = await db.select().from(meetingDocuments).where(eq(meetingDocuments.id, documentId));
	if (!row) throw notFound;
	const found = await meetingForViewer({ db, user, meetingId: row.meetingId });
	if (!found || !mayReadNotes(found.role)) throw notFound;
	if (row.kind !== notesKind)
		throw new CommandError(409, 'Only the professionals’ notes go to the chair for approval.');
	const latest = await latestNotes({ db, meetingId: row.meetingId });
	if (latest && latest.version !== row.version)
		throw new CommandError(
			409,
			`This is version ${row.version}; version ${latest.version} is newer.`
		);
	return { row, found };
}

function outOfTurn(row: StoredDocument, step: string): CommandError {
	return new CommandError(
		409,
		`These notes are ${documentStateInSentence[row.state]}, so they cannot be ${step}.`
	);
}

async function changed(props: {
	db: Database;
	user: SessionUser;
	row: StoredDocument;
	action: string;
	to: DocumentState;
	from?: DocumentState;
	detail?: Record<string, unknown>;
}) {
	const { row } = props;
	await audit({
		db: props.db,
		userId: props.user.id,
		action: props.action,
		targetType: 'document',
		targetId: row.id,
		detail: {
			meetingId: row.meetingId,
			kind: row.kind,
			version: row.version,
			from: props.from ?? row.state,
			to: props.to,
			...props.detail
		}
	});
	// Notes sockets reconnect with the rights of the new state (final: read-only).
	announceMeetingChanged(row.meetingId);
}

/** Business support sends the draft to the chair. */
export async function submitNotes(props: {
	db: Database;
	user: SessionUser;
	documentId: string;
	now?: Date;
}): Promise<StoredDocument> {
	const { db, user } = props;
	const { row, found } = await notesFor(props);
	if (!maySubmitNotes(found.role))
		throw new CommandError(403, 'Business support sends the notes to the chair.');
	const [updated] = await db
		.update(meetingDocuments)
		.set({ state: 'with-chair', submittedBy: user.id, submittedAt: props.now ?? new Date() })
		.where(and(eq(meetingDocuments.id, row.id), eq(meetingDocuments.state, 'draft')))
		.returning();
	if (!updated) throw outOfTurn(row, 'sent to the chair');
	await changed({ db, user, row, action: 'submit-notes', to: 'with-chair' });
	return updated;
}

/** The chair sends the notes back to business support with a comment. */
export async function returnNotes(props: {
	db: Database;
	user: SessionUser;
	documentId: string;
	comment: string;
}): Promise<StoredDocument> {
	const { db, user } = props;
	const { row, found } = await notesFor(props);
	if (!mayApproveNotes(found.role))
		throw new CommandError(403, 'Only the chair sends the notes back.');
	const comment = props.comment.trim();
	if (!comment || comment.length > textLimits.reason)
		throw new CommandError(400, 'Say in a few words what needs to change.', 'comment');
	const [updated] = await db
		.update(meetingDocuments)
		.set({ state: 'draft', returnedComment: storableText(comment) })
		.where(and(eq(meetingDocuments.id, row.id), eq(meetingDocuments.state, 'with-chair')))
		.returning();
	if (!updated) throw outOfTurn(row, 'sent back');
	await changed({ db, user, row, action: 'return-notes', to: 'draft' });
	return updated;
}

/** The restricted passages of the meeting and the warnings for the notes as they stand. */
export async function notesWarnings(props: {
	db: Database;
	meetingId: string;
	paragraphs: string[];
}): Promise<RestrictedQuote[]> {
	const passages = await restrictedPassagesOf({ db: props.db, meetingId: props.meetingId });
	return restrictedQuotes({ paragraphs: props.paragraphs, passages });
}

/** The notes as the notes channel holds them now, as the document model (the row's if never opened). */
async function notesAsDocument(db: Database, row: StoredDocument): Promise<MeetingDocument> {
	const doc = await readStoredRecord({ db, meetingId: row.meetingId, channel: 'notes' });
	try {
		const fragment = doc.getXmlFragment(notesRoot);
		const paragraphs = fragment.length ? notesParagraphs(fragment) : [];
		if (!fragment.length) {
			return { ...row.content, title: row.content.title.replace(/^Draft notes: /, 'Notes: ') };
		}
		const quotes = await notesWarnings({ db, meetingId: row.meetingId, paragraphs });
		return notesDocumentFrom({
			fragment,
			base: row.content,
			containsRestricted: quotes.length > 0
		});
	} finally {
		doc.destroy();
	}
}

/** The family's copy from the open record (the main channel) only. */
async function familyCopy(db: Database, found: MeetingForViewer): Promise<MeetingDocument> {
	const main = await readStoredRecord({ db, meetingId: found.meeting.id, channel: 'main' });
	try {
		const chairName = found.participants.find((p) => p.role === 'chair')?.name ?? 'the chair';
		const input = await documentInputFor({ db, found, main, restricted: null, chairName });
		return notesFamily(input);
	} finally {
		main.destroy();
	}
}

/**
 * The chair approves: the version becomes final with the notes channel's content frozen into
 * it, and the family's copy of the same version is stored beside it (final, from the open record).
 */
export async function approveNotes(props: {
	db: Database;
	user: SessionUser;
	documentId: string;
	now?: Date;
}): Promise<{ notes: StoredDocument; family: StoredDocument }> {
	const { db, user } = props;
	const now = props.now ?? new Date();
	const { row, found } = await notesFor(props);
	if (!mayApproveNotes(found.role))
		throw new CommandError(403, 'Only the chair approves the notes.');
	if (row.state !== 'with-chair') throw outOfTurn(row, 'approved');
	const content = storableJson(await notesAsDocument(db, row));
	const family = await familyCopy(db, found);
	const result = await db.transaction(async (tx) => {
		const [notes] = await tx
			.update(meetingDocuments)
			.set({
				state: 'final',
				title: content.title,
				content,
				contentHash: contentHash(content),
				html: storableText(renderDocumentHtml(content)),
				approvedBy: user.id,
				approvedAt: now
			})
			.where(and(eq(meetingDocuments.id, row.id), eq(meetingDocuments.state, 'with-chair')))
			.returning();
		if (!notes) return null;
		// The family's copy of the same version, final as made (a final row is never updated).
		const familyDoc = storableJson(family);
		const [familyRow] = await tx
			.insert(meetingDocuments)
			.values({
				meetingId: row.meetingId,
				kind: familyDoc.kind,
				audience: familyDoc.audience,
				version: row.version,
				generatorName: familyDoc.generator.name,
				generatorVersion: familyDoc.generator.version,
				createdBy: user.id,
				createdAt: now,
				title: familyDoc.title,
				fileName: familyDoc.fileName,
				contentHash: contentHash(familyDoc),
				html: storableText(renderDocumentHtml(familyDoc)),
				content: familyDoc,
				state: 'final',
				dueBy: row.dueBy,
				approvedBy: user.id,
				approvedAt: now
			})
			.returning();
		return { notes, family: familyRow };
	});
	if (!result) throw outOfTurn(row, 'approved');
	// The council's case system is sent both final copies (issue 26).
	await queueCaseSystemEvents({ db, documentIds: [result.notes.id, result.family.id], now });
	await changed({
		db,
		user,
		row,
		action: 'approve-notes',
		to: 'final',
		detail: { familyCopyId: result.family.id, contentHash: result.notes.contentHash }
	});
	return result;
}

/** A correction of final notes: a new draft version (its content the final one's), with a reason. */
export async function correctNotes(props: {
	db: Database;
	user: SessionUser;
	documentId: string;
	reason: string;
	now?: Date;
}): Promise<StoredDocument> {
	const { db, user } = props;
	const now = props.now ?? new Date();
	const { row, found } = await notesFor(props);
	if (!mayCorrectNotes(found.role))
		throw new CommandError(403, 'Business support or the chair correct the notes.');
	const reason = props.reason.trim();
	if (!reason || reason.length > textLimits.reason)
		throw new CommandError(400, 'Say why the notes need correcting.', 'reason');
	if (row.state !== 'final') throw outOfTurn(row, 'corrected (only final notes are)');
	let inserted: StoredDocument | undefined;
	try {
		[inserted] = await db
			.insert(meetingDocuments)
			.values({
				meetingId: row.meetingId,
				kind: row.kind,
				audience: row.audience,
				version: row.version + 1,
				generatorName: row.generatorName,
				generatorVersion: row.generatorVersion,
				createdBy: user.id,
				createdAt: now,
				title: row.title,
				fileName: row.fileName,
				contentHash: row.contentHash,
				html: row.html,
				content: row.content,
				state: 'draft',
				dueBy: notesDueDate(calendarDateOf(now)),
				correctionReason: storableText(reason)
			})
			.returning();
	} catch {
		// The unique (meeting, kind, version) index: someone corrected it a moment ago.
		throw new CommandError(409, 'These notes were corrected a moment ago by someone else.');
	}
	await changed({
		db,
		user,
		row: inserted!,
		action: 'correct-notes',
		from: 'final',
		to: 'draft',
		detail: { corrects: row.id }
	});
	return inserted!;
}
