/**
 * The people import (People and agencies, issue 12): a CSV file with the header
 * `name,email,role,agency` (the unit's existing staff and agency lists). Every row is checked
 * first — its name, address (not taken, not twice in the file), role, and agency (by name,
 * one on the unit's list, or empty) — and only a file with no problem is written, in one
 * transaction: each person gets an account with no password and a set-up link through the
 * outbox. An agency the unit does not have is an error naming it, not a new agency: a typo
 * would otherwise make a second police force; add it on /unit/agencies (or import the
 * agencies first) and import again.
 */
import { parse } from 'csv-parse/sync';
import type { Database } from '../db';
import { parseUserRole } from '../../domain/people';
import { parseAgencyKind } from '../../domain/agencies';
import { storableText } from '../db/storable';
import { mayGrantRole, mayManagePeople, type Viewer } from '../../policy';
import { agenciesByName, agencyInput, createAgency, type AgencyInput } from './agencies';
import {
	emailTaken,
	insertPerson,
	isUniqueViolation,
	personInput,
	roleNotYours,
	type PersonInput
} from './people';

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

const HEADER = ['name', 'email', 'role', 'agency'];

type Parsed = { ok: true; records: string[][] } | { ok: false; errors: RowError[] };

/** Reads the CSV text into rows after checking the header. */
function readCsv(text: string, header: string[]): Parsed {
	let records: string[][];
	try {
		records = parse(storableText(text).replace(/^\uFEFF/, ''), {
			skip_empty_lines: true,
			relax_column_count: true,
			trim: true
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
	return { ok: true, records: records.slice(1) };
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
	const read = readCsv(props.csv, HEADER);
	if (!read.ok) return { rows: [], errors: read.errors, people: [] };
	const known = await agenciesByName({ db, unitId: props.unitId });
	const seen = new Map<string, number>();
	const rows: PreviewRow[] = [];
	const people: PersonInput[] = [];
	for (const [index, cells] of read.records.entries()) {
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
		else {
			const earlier = seen.get(parsed.data.email);
			if (earlier) problems.push(`This email address is on row ${earlier} too.`);
			else if (await emailTaken(db, parsed.data.email, props.unitId))
				problems.push('There is already an account with this email address.');
			seen.set(parsed.data.email, row);
			if (problems.length === 0) people.push(parsed.data);
		}
		rows.push({ row, name, email, role, agency, problems });
	}
	const errors = rows.flatMap((r) => r.problems.map((message) => ({ row: r.row, message })));
	return { rows, errors, people: errors.length === 0 ? people : [] };
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
	try {
		await db.transaction(async (tx) => {
			for (const person of preview.people)
				await insertPerson({ db: tx, viewer, unitId, person, via: 'import' });
		});
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
	const read = readCsv(props.csv, AGENCY_HEADER);
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
