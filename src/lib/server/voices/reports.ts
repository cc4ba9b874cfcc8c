/**
 * Professionals' reports for a meeting (issue 12): a PDF or Word file, or words written in the
 * app, with when it was shared with the parents. Files are kept in the database
 * (`professional_reports.content`, bytea), at most 10 MB, so a backup of the database is a
 * backup of the reports; the type is judged from the file's bytes (`file-type`), never its name
 * or the browser's content type. Each person adds at most 10 reports and 30 MB to a meeting,
 * which holds at most 100 MB (src/lib/domain/report-quota.ts; 413 past a cap). Adding a report
 * marks the register's "report received" (and so the report request), sharing it "shared with
 * parents".
 */
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { Database } from '../db';
import {
	meetingParticipants,
	meetings,
	professionalReports,
	type ProfessionalReport
} from '../db/schema';
import type { SessionUser } from '../auth/session';
import { audit } from '../audit';
import { mayAddReport, mayReadReport, mayShareReport, voicesOpen } from '../../policy';
import { voiceAccess, voicesClosed } from './access';
import { badInput } from '../command-error';
import { reportQuotaProblem, type ReportsSoFar } from '../../domain/report-quota';
import { tooLong } from '../../domain/text-limits';

export const REPORT_MAX_BYTES = 10 * 1024 * 1024;

const WORD_DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const WORD_DOC = 'application/msword';

/** "WordDocument" in UTF-16LE: the stream every Word 97–2003 file holds in its directory. */
const wordStream = Buffer.from('WordDocument', 'utf16le');

/**
 * What the bytes are: a PDF, a Word document (.docx) or a Word 97–2003 document (.doc, an OLE
 * compound file holding a WordDocument stream); null for anything else, whatever its name.
 */
export async function reportFileType(
	bytes: Uint8Array
): Promise<{ mime: string; ext: 'pdf' | 'docx' | 'doc' } | null> {
	const found = await fileTypeFromBuffer(bytes);
	if (!found) return null;
	if (found.mime === 'application/pdf') return { mime: found.mime, ext: 'pdf' };
	if (found.mime === WORD_DOCX) return { mime: WORD_DOCX, ext: 'docx' };
	if (found.mime === 'application/x-cfb' && Buffer.from(bytes).includes(wordStream))
		return { mime: WORD_DOC, ext: 'doc' };
	return null;
}

/** A report as a meeting page lists it (no content). */
export interface ReportView {
	id: string;
	participantId: string;
	authorId: string;
	name: string;
	title: string;
	kind: 'file' | 'written';
	fileName: string | null;
	size: number | null;
	createdAt: string;
	sharedWithParentsAt: string | null;
	/** The words of a report written in the app (files are downloaded). */
	body: string | null;
}

function viewOf(row: ProfessionalReport, name: string): ReportView {
	return {
		id: row.id,
		participantId: row.participantId,
		authorId: row.authorId,
		name,
		title: row.title,
		kind: row.content ? 'file' : 'written',
		fileName: row.fileName,
		size: row.size,
		createdAt: row.createdAt.toISOString(),
		sharedWithParentsAt: row.sharedWithParentsAt?.toISOString() ?? null,
		body: row.body
	};
}

/** A title's problem, or null. */
function titleProblem(title: string): string | null {
	if (!title.trim()) return 'Give the report a title, for example "Health visitor’s report".';
	return tooLong(title, 'title', 'the title');
}

/**
 * Adds the signed-in professional's report: a file (checked by its bytes) or written words.
 * Null when the meeting is not theirs to report to (answer 404). Throws a CommandError once
 * it is over (409), and for bad input (400, or 413 for a file too large).
 */
export async function addReport(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
	title: string;
	file?: { name: string; bytes: Uint8Array } | null;
	body?: string | null;
	now?: Date;
}): Promise<{ id: string } | null> {
	const { db, user, meetingId } = props;
	const access = await voiceAccess({ db, user, meetingId });
	if (!access) return null;
	const { found } = access;
	const me = found.me;
	if (!me || !mayAddReport({ role: found.role, participantId: me.id })) return null;
	if (!voicesOpen(found.meeting.status)) throw voicesClosed();
	const title = props.title.trim();
	const problem = titleProblem(title);
	if (problem) throw badInput('title', problem);
	const file = props.file && props.file.bytes.byteLength > 0 ? props.file : null;
	const body = props.body?.trim() ?? '';
	let values: Partial<typeof professionalReports.$inferInsert>;
	if (file) {
		if (file.bytes.byteLength > REPORT_MAX_BYTES)
			throw badInput('file', 'The file is larger than 10 MB. Send a smaller file.');
		const type = await reportFileType(file.bytes);
		if (!type)
			throw badInput(
				'file',
				'This file is not a PDF or a Word document. Save your report as PDF or Word and try again.'
			);
		const base =
			file.name
				.replace(/[^\w .()-]+/g, '')
				.replace(/\.[^.]*$/, '')
				.trim() || 'report';
		values = {
			fileName: `${base.slice(0, 80)}.${type.ext}`,
			contentType: type.mime,
			size: file.bytes.byteLength,
			content: file.bytes
		};
	} else if (body) {
		const long = tooLong(body, 'writtenReport', 'a written report');
		if (long) throw badInput('body', `${long} Or upload it as a file.`);
		values = { body };
	} else {
		throw badInput('file', 'Choose a PDF or Word file, or write your report.');
	}
	const now = props.now ?? new Date();
	const adding = values.size ?? Buffer.byteLength(values.body ?? '');
	return db.transaction(async (tx) => {
		// One report at a time per meeting (the meeting's row is locked until this one is
		// stored), so two uploads at once cannot both slip under the caps.
		await tx
			.select({ id: meetings.id })
			.from(meetings)
			.where(eq(meetings.id, meetingId))
			.for('update');
		const problem = reportQuotaProblem(await reportsSoFar(tx, meetingId, me.id), adding);
		if (problem) throw badInput(file ? 'file' : 'body', problem, 413);
		const [row] = await tx
			.insert(professionalReports)
			.values({
				meetingId,
				participantId: me.id,
				authorId: user.id,
				title,
				createdAt: now,
				...values
			})
			.returning({ id: professionalReports.id });
		// The register (and the report request with it) now shows the report as received.
		await tx
			.update(meetingParticipants)
			.set({ reportReceivedAt: now })
			.where(and(eq(meetingParticipants.id, me.id), isNull(meetingParticipants.reportReceivedAt)));
		await audit({
			db: tx,
			userId: user.id,
			action: 'report-added',
			targetType: 'document',
			targetId: row.id,
			detail: { meetingId, kind: file ? 'file' : 'written' }
		});
		return row;
	});
}

/** The reports already added to the meeting: by this person's place, and by everyone. */
async function reportsSoFar(
	db: Database,
	meetingId: string,
	participantId: string
): Promise<ReportsSoFar> {
	const bytes = sql`coalesce(${professionalReports.size}, octet_length(${professionalReports.body}), 0)`;
	const [row] = await db
		.select({
			mine: sql<number>`count(*) filter (where ${professionalReports.participantId} = ${participantId})::int`,
			mineBytes: sql<number>`coalesce(sum(${bytes}) filter (where ${professionalReports.participantId} = ${participantId}), 0)::bigint`,
			meetingBytes: sql<number>`coalesce(sum(${bytes}), 0)::bigint`
		})
		.from(professionalReports)
		.where(eq(professionalReports.meetingId, meetingId));
	return {
		mine: { reports: Number(row.mine), bytes: Number(row.mineBytes) },
		meetingBytes: Number(row.meetingBytes)
	};
}

/** The reports of a meeting the viewer may read (parents: those shared with them). */
export async function reportsForViewer(props: {
	db: Database;
	user: SessionUser;
	meetingId: string;
}): Promise<ReportView[]> {
	const access = await voiceAccess(props);
	if (!access) return [];
	const rows = await props.db
		.select({ report: professionalReports, name: meetingParticipants.name })
		.from(professionalReports)
		.innerJoin(meetingParticipants, eq(meetingParticipants.id, professionalReports.participantId))
		.where(eq(professionalReports.meetingId, props.meetingId))
		.orderBy(asc(professionalReports.createdAt));
	const ownFamily = access.ownChildIds.size > 0;
	return rows
		.filter(({ report }) =>
			mayReadReport({
				...access.facts,
				role: access.found.role,
				ownFamily,
				sharedWithParents: report.sharedWithParentsAt !== null
			})
		)
		.map(({ report, name }) => viewOf(report, name));
}

/**
 * One report with its content, if the viewer may read it; null otherwise (answer 404). Audited
 * (`download`, or `read` for its page); the first time a parent or carer opens a report shared
 * with them, the report records when (`parents_first_opened_at`, once).
 */
export async function reportForViewer(props: {
	db: Database;
	user: SessionUser;
	reportId: string;
	/** How it is opened: as a download (the default) or its page. */
	how?: 'download' | 'read';
	now?: Date;
}): Promise<(ProfessionalReport & { from: string }) | null> {
	const { db, user, reportId } = props;
	if (!/^[0-9a-f-]{36}$/i.test(reportId)) return null;
	const [found] = await db
		.select({ report: professionalReports, from: meetingParticipants.name })
		.from(professionalReports)
		.innerJoin(meetingParticipants, eq(meetingParticipants.id, professionalReports.participantId))
		.where(eq(professionalReports.id, reportId));
	if (!found) return null;
	const row = found.report;
	const access = await voiceAccess({ db, user, meetingId: row.meetingId });
	if (!access) return null;
	const readable = mayReadReport({
		...access.facts,
		role: access.found.role,
		ownFamily: access.ownChildIds.size > 0,
		sharedWithParents: row.sharedWithParentsAt !== null
	});
	if (!readable) return null;
	const family = access.found.role === 'parent';
	let firstOpened = false;
	if (family && row.parentsFirstOpenedAt === null) {
		const at = props.now ?? new Date();
		const set = await db
			.update(professionalReports)
			.set({ parentsFirstOpenedAt: at })
			.where(
				and(eq(professionalReports.id, row.id), isNull(professionalReports.parentsFirstOpenedAt))
			)
			.returning({ id: professionalReports.id });
		firstOpened = set.length > 0;
		if (firstOpened) row.parentsFirstOpenedAt = at;
	}
	await audit({
		db,
		userId: user.id,
		action: props.how ?? 'download',
		targetType: 'document',
		targetId: row.id,
		detail: {
			meetingId: row.meetingId,
			format: row.content ? 'file' : 'written',
			...(firstOpened ? { firstOpenedByParents: true } : {})
		}
	});
	return { ...row, from: found.from };
}

/** May the viewer mark this report shared (for a 404 before judging what they sent)? */
export async function reportShareable(props: {
	db: Database;
	user: SessionUser;
	reportId: string;
}): Promise<boolean> {
	const { db, user, reportId } = props;
	if (!/^[0-9a-f-]{36}$/i.test(reportId)) return false;
	const [row] = await db
		.select({ meetingId: professionalReports.meetingId, authorId: professionalReports.authorId })
		.from(professionalReports)
		.where(eq(professionalReports.id, reportId));
	if (!row) return false;
	const access = await voiceAccess({ db, user, meetingId: row.meetingId });
	return access !== null && mayShareReport({ ...access.facts, authorId: row.authorId });
}

/**
 * Marks the report shared with the parents (now) — by its author or whoever prepares the
 * meeting — and the register's "shared with parents" with it. Null when not theirs (404).
 */
export async function shareReport(props: {
	db: Database;
	user: SessionUser;
	reportId: string;
	now?: Date;
}): Promise<{ sharedWithParentsAt: Date } | null> {
	const { db, user, reportId } = props;
	if (!/^[0-9a-f-]{36}$/i.test(reportId)) return null;
	const [row] = await db
		.select()
		.from(professionalReports)
		.where(eq(professionalReports.id, reportId));
	if (!row) return null;
	const access = await voiceAccess({ db, user, meetingId: row.meetingId });
	if (!access || !mayShareReport({ ...access.facts, authorId: row.authorId })) return null;
	const at = row.sharedWithParentsAt ?? props.now ?? new Date();
	await db
		.update(professionalReports)
		.set({ sharedWithParentsAt: at })
		.where(eq(professionalReports.id, reportId));
	await db
		.update(meetingParticipants)
		.set({ reportSharedWithParents: true })
		.where(eq(meetingParticipants.id, row.participantId));
	await audit({
		db,
		userId: user.id,
		action: 'report-shared',
		targetType: 'document',
		targetId: row.id,
		detail: { meetingId: row.meetingId }
	});
	return { sharedWithParentsAt: at };
}
