/**
 * The people import (People and agencies, issue 12): a CSV file with the header
 * `name,email,role,agency` (the unit's existing staff and agency lists), at most
 * `IMPORT_MAX_ROWS` people a file. Every row is checked first — its name, address (not taken,
 * not twice in the file), role, and agency (by name, one on the unit's list, or empty) — and
 * only a file with no problem is written, in one transaction: each person gets an account with
 * no password and a set-up link through the outbox. An agency the unit does not have is an
 * error naming it, not a new agency: a typo would otherwise make a second police force; add it
 * on /unit/agencies (or import the agencies first) and import again.
 *
 * One import must not hold up everyone else (issue 20): the addresses already taken are looked
 * up in one query and the agencies in another, the accounts, their set-up links, their emails
 * and the audit entries are written `IMPORT_BATCH_ROWS` to a statement, and the event loop is
 * given back after each statement, so other people's requests are served while an import runs.
 */
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../db';
import { accountInvites, users } from '../db/schema';
import { insertRows } from '../db/bulk';
import { parseUserRole } from '../../domain/people';
import { parseAgencyKind } from '../../domain/agencies';
import { storableText } from '../db/storable';
import { mayGrantRole, mayManagePeople, type Viewer } from '../../policy';
import { auditMany } from '../audit';
import { enqueueMails, type QueuedMail } from '../mail/outbox';
import { NO_PASSWORD_YET, accountInviteLink, newUserInvites } from '../auth/account-invites';
import { calendarDateOf, formatCalendarDate } from '../../domain/calendar-date';
import { agenciesByName, agencyInput, createAgency, type AgencyInput } from './agencies';
import { isUniqueViolation, personInput, roleNotYours, type PersonInput } from './people';
import { setUpMail } from './set-up-mail';

/** A problem with one row of the file; row 1 is the header, so the first person is row 2. */
export interface RowError {
	row: number;
	message: string;
}

/** One row as it would be imported (the preview). */
export interface PreviewRow {
	row: number;
	name: string;
	email: string;
	role: string;
	agency: string;
	problems: string[];
}

/** The largest file accepted (a unit's list is hundreds of rows, not megabytes). */
export const IMPORT_MAX_BYTES = 1_000_000;

/**
 * The most rows (after the header) one file may have: a unit's list is hundreds of people.
 * A longer file is refused whole, with a message saying how to split it.
 */
export const IMPORT_MAX_ROWS = 500;

/**
 * Rows written per statement. The embedded database runs each statement on the event loop
 * in one piece (and a query that resolves at once lets the next one start before any timer),
 * so the loop is given back after every statement and a statement stays short.
 */
const IMPORT_BATCH_ROWS = 250;

const HEADER = ['name', 'email', 'role', 'agency'];

type Parsed = { ok: true; records: string[][] } | { ok: false; errors: RowError[] };

/** Lets other requests run (timers, sockets, their queries) before the next statement. */
function yieldToLoop(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

/** What a file of more than `IMPORT_MAX_ROWS` rows is told. */
function tooManyRowsMessage(what: ImportedThing, header: string[]): string {
	const cap = IMPORT_MAX_ROWS.toLocaleString('en-GB');
	return `The file has more than ${cap} rows: import at most ${cap} ${what} at a time. Split it into files of up to ${cap} rows, each starting with the header line ${header.join(',')}, and import them one after another.`;
}

/** What a file imports, for its messages. */
type ImportedThing = 'people' | 'agencies' | 'children';

/** Reads the CSV text into rows after checking the header and the number of rows (also the case-system identifiers' import). */
export function readCsv(text: string, header: string[], what: ImportedThing): Parsed {
	let records: string[][];
	try {
		records = parse(storableText(text).replace(/^\uFEFF/, ''), {
			skip_empty_lines: true,
			relax_column_count: true,
			trim: true,
			// The header, the cap and one more are enough to know the file is too long.
			to: IMPORT_MAX_ROWS + 2
		}) as string[][];
	} catch (problem) {
		const line = (problem as { lines?: number }).lines;
		return {
			ok: false,
			errors: [
				{
					row: typeof line === 'number' ? line : 1,
					message:
						'The file could not be read as CSV here (a quote may be left open). Save it again as CSV and try once more.'
				}
			]
		};
	}
	const first = (records[0] ?? []).map((cell) => cell.toLowerCase());
	if (first.length < header.length || header.some((name, i) => first[i] !== name))
		return {
			ok: false,
			errors: [
				{
					row: 1,
					message: `The first line must be the header ${header.join(',')}.`
				}
			]
		};
	if (records.length < 2)
		return { ok: false, errors: [{ row: 2, message: 'The file has a header and no rows.' }] };
	if (records.length > IMPORT_MAX_ROWS + 1)
		return { ok: false, errors: [{ row: 0, message: tooManyRowsMessage(what, header) }] };
	return { ok: true, records: records.slice(1) };
}

/** Which of these (normalised) addresses already have an account in this unit: one query. */
async function takenEmails(db: Database, unitId: string, emails: string[]): Promise<Set<string>> {
	if (emails.length === 0) return new Set();
	// Addresses are unique within a unit (issue 20): another unit's accounts are not looked at.
	const rows = await db
		.select({ email: users.email })
		.from(users)
		.where(and(inArray(users.email, emails), eq(users.unitId, unitId)));
	return new Set(rows.map((row) => row.email));
}

/** Checks every row of a people file; the rows as they would be written, with their problems. */
export async function previewPeopleImport(props: {
	db: Database;
	unitId: string;
	/** Who imports: a row with a role they may not give is refused (`mayGrantRole`). */
	viewer: Viewer;
	csv: string;
}): Promise<{ rows: PreviewRow[]; errors: RowError[]; people: PersonInput[] }> {
	const { db } = props;
	const read = readCsv(props.csv, HEADER, 'people');
	if (!read.ok) return { rows: [], errors: read.errors, people: [] };
	const known = await agenciesByName({ db, unitId: props.unitId });
	// Each row on its own first, then every address in one query.
	const checked: { row: PreviewRow; person: PersonInput | null }[] = [];
	for (const [index, cells] of read.records.entries()) {
		if (index > 0 && index % IMPORT_BATCH_ROWS === 0) await yieldToLoop();
		const row = index + 2;
		const [name = '', email = '', role = '', agency = ''] = cells;
		const problems: string[] = [];
		if (cells.length > HEADER.length && cells.slice(HEADER.length).some((c) => c !== ''))
			problems.push(`This row has more than ${HEADER.length} columns.`);
		const agencyId = agency === '' ? null : (known.get(agency.toLowerCase()) ?? null);
		if (agency !== '' && !agencyId)
			problems.push(
				`There is no agency called "${agency}" on the unit's list: add it on the Agencies page (or import the agencies first), correct the name, or leave it empty.`
			);
		const parsed = personInput.safeParse({
			name,
			email,
			role: parseUserRole(role) ?? role,
			agencyId
		});
		if (!parsed.success) problems.push(...parsed.error.issues.map((issue) => issue.message));
		else if (!mayGrantRole({ viewer: props.viewer, role: parsed.data.role }))
			problems.push(roleNotYours(props.viewer));
		checked.push({
			row: { row, name, email, role, agency, problems },
			person: parsed.success ? parsed.data : null
		});
	}
	const taken = await takenEmails(db, props.unitId, [
		...new Set(checked.flatMap((c) => (c.person ? [c.person.email] : [])))
	]);
	const seen = new Map<string, number>();
	const people: PersonInput[] = [];
	for (const { row, person } of checked) {
		if (!person) continue;
		const earlier = seen.get(person.email);
		if (earlier) row.problems.push(`This email address is on row ${earlier} too.`);
		else if (taken.has(person.email))
			row.problems.push('There is already an account with this email address.');
		seen.set(person.email, row.row);
		if (row.problems.length === 0) people.push(person);
	}
	const rows = checked.map((c) => c.row);
	const errors = rows.flatMap((r) => r.problems.map((message) => ({ row: r.row, message })));
	return { rows, errors, people: errors.length === 0 ? people : [] };
}

/** The rows one batch of an import writes, made before its transaction begins. */
interface ImportBatch {
	users: (typeof users.$inferInsert)[];
	invites: (typeof accountInvites.$inferInsert)[];
	mails: QueuedMail[];
	entries: Parameters<typeof auditMany>[0]['entries'];
}

/**
 * The checked people of an import as the rows to write, `IMPORT_BATCH_ROWS` to a batch: their
 * accounts (in the unit, no password), their set-up links and emails, and one audit entry each,
 * as `createPerson` writes for one. Everything but the writing happens here, outside the
 * transaction, which the embedded database holds alone while it lasts.
 */
async function importBatches(props: {
	viewer: Viewer;
	unitId: string;
	people: PersonInput[];
}): Promise<ImportBatch[]> {
	const { viewer, unitId } = props;
	const now = new Date();
	const batches: ImportBatch[] = [];
	for (let start = 0; start < props.people.length; start += IMPORT_BATCH_ROWS) {
		if (start > 0) await yieldToLoop();
		const batch = props.people
			.slice(start, start + IMPORT_BATCH_ROWS)
			.map((person) => ({ id: randomUUID(), person }));
		const links = newUserInvites({
			accounts: batch.map(({ id, person }) => ({ userId: id, email: person.email })),
			now
		});
		const until = formatCalendarDate(calendarDateOf(links.expiresAt));
		batches.push({
			users: batch.map(({ id, person }) => ({
				id,
				unitId,
				name: person.name,
				email: person.email,
				role: person.role,
				agencyId: person.agencyId,
				passwordHash: NO_PASSWORD_YET
			})),
			invites: links.rows,
			mails: batch.map(({ id, person }, i) =>
				setUpMail({
					userId: id,
					email: person.email,
					url: accountInviteLink(links.tokens[i]),
					until
				})
			),
			entries: batch.map(({ id, person }) => ({
				userId: viewer.id,
				action: 'account-added',
				targetType: 'user' as const,
				targetId: id,
				detail: { role: person.role, via: 'import' }
			}))
		});
	}
	return batches;
}

/** Writes the batches in the caller's transaction, giving the event loop back after each statement. */
async function writeBatches(db: Database, batches: ImportBatch[]): Promise<void> {
	for (const batch of batches) {
		await insertRows(db, users, batch.users);
		await yieldToLoop();
		await insertRows(db, accountInvites, batch.invites);
		await yieldToLoop();
		await enqueueMails({ db, mails: batch.mails });
		await yieldToLoop();
		await auditMany({ db, entries: batch.entries });
		await yieldToLoop();
	}
}

/**
 * Imports a people file: every row checked first, then all written in one transaction (each
 * with a set-up link), or nothing. Null when the viewer may not (404).
 */
export async function importPeople(props: {
	db: Database;
	viewer: Viewer;
	csv: string;
}): Promise<{ ok: true; created: number } | { ok: false; errors: RowError[] } | null> {
	const { db, viewer } = props;
	if (!mayManagePeople(viewer) || !viewer.unitId) return null;
	const unitId = viewer.unitId;
	const preview = await previewPeopleImport({ db, unitId, viewer, csv: props.csv });
	if (preview.errors.length > 0) return { ok: false, errors: preview.errors };
	const batches = await importBatches({ viewer, unitId, people: preview.people });
	try {
		await db.transaction((tx) => writeBatches(tx, batches));
	} catch (problem) {
		if (!isUniqueViolation(problem)) throw problem;
		const message =
			'One of these addresses was given an account while the file was being imported: nothing was imported. Check the file again.';
		return { ok: false, errors: [{ row: 0, message }] };
	}
	return { ok: true, created: preview.people.length };
}

const AGENCY_HEADER = ['name', 'kind', 'email'];

/**
 * Imports an agencies file (header `name,kind,email`): every row checked, then all written in
 * one transaction, or nothing. Null when the viewer may not.
 */
export async function importAgencies(props: {
	db: Database;
	viewer: Viewer;
	csv: string;
}): Promise<{ ok: true; created: number } | { ok: false; errors: RowError[] } | null> {
	const { db, viewer } = props;
	if (!mayManagePeople(viewer) || !viewer.unitId) return null;
	const read = readCsv(props.csv, AGENCY_HEADER, 'agencies');
	if (!read.ok) return { ok: false, errors: read.errors };
	const known = await agenciesByName({ db, unitId: viewer.unitId });
	const errors: RowError[] = [];
	const valid: AgencyInput[] = [];
	for (const [index, [name = '', kind = '', email = '']] of read.records.entries()) {
		const row = index + 2;
		const parsed = agencyInput.safeParse({ name, kind: parseAgencyKind(kind) ?? kind, email });
		if (!parsed.success)
			errors.push(...parsed.error.issues.map((issue) => ({ row, message: issue.message })));
		else if (known.has(parsed.data.name.toLowerCase()))
			errors.push({ row, message: `There is already an agency called "${name}" on the list.` });
		else {
			known.set(parsed.data.name.toLowerCase(), '');
			valid.push(parsed.data);
		}
	}
	if (errors.length > 0) return { ok: false, errors };
	await db.transaction(async (tx) => {
		for (const agency of valid) await createAgency({ db: tx, viewer, agency });
	});
	return { ok: true, created: valid.length };
}
