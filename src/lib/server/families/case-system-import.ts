/**
 * The case-system identifiers' import (issue 26: "the case-system identifier on each child, set
 * on the child's page or by the CSV import"): a CSV file with the header
 * `family,child,date_of_birth,case_system_id`, one row per child of the unit, sets or changes
 * each child's identifier in the council's case system. A child is found by their family's name
 * and their own (letter case and spaces aside) and, when given, their date of birth
 * (`2015-03-01` or `01/03/2015`), which must then be the one on their record; two children it
 * cannot tell apart are a problem to fix, never a guess. Every row is checked first; only a file
 * with no problem is written, in one transaction, each change audited (which child, never the
 * identifier). The unit's own children only: another unit's are not looked at.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db';
import { children, families } from '../db/schema';
import { auditMany } from '../audit';
import { mayImportCaseSystemIds, type Viewer } from '../../policy';
import { tooLong } from '../../domain/text-limits';
import { typedDateProblem } from '../../domain/calendar-date';
import { readCsv, type RowError } from '../people/import';

const HEADER = ['family', 'child', 'date_of_birth', 'case_system_id'];

/** One row as it would be imported (the preview), with what it would change. */
export interface CaseSystemIdRow {
	row: number;
	family: string;
	child: string;
	dateOfBirth: string;
	caseSystemId: string;
	/** The identifier the child has now (null: none), once the child is found. */
	before: string | null;
	problems: string[];
}

/** The outcome of checking (and, if asked, importing) a file. */
export type CaseSystemIdImport =
	| { ok: true; rows: CaseSystemIdRow[]; changed: number; unchanged: number; written: boolean }
	| { ok: false; rows: CaseSystemIdRow[]; errors: RowError[] };

/** Names compared as a person reads them: letter case and runs of spaces aside. */
const key = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** A date of birth as the file gives it (`2015-03-01` or `01/03/2015`) as `YYYY-MM-DD`, or its problem. */
function dateOfBirth(typed: string): { date: string } | { problem: string } {
	const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(typed);
	const iso = uk ? `${uk[3]}-${uk[2].padStart(2, '0')}-${uk[1].padStart(2, '0')}` : typed;
	const problem = typedDateProblem(iso, { earliest: 1990, latest: 2100 });
	return problem
		? { problem: `The date of birth "${typed}": ${problem.replace('18/12/2026', '01/03/2015')}` }
		: { date: iso };
}

/**
 * Checks a file of case-system identifiers against the unit's children and, with `write` and no
 * problem, sets them all in one transaction. Null when the viewer may not (404).
 */
export async function importCaseSystemIds(props: {
	db: Database;
	viewer: Viewer;
	csv: string;
	write: boolean;
}): Promise<CaseSystemIdImport | null> {
	const { db, viewer } = props;
	if (!mayImportCaseSystemIds(viewer) || !viewer.unitId) return null;
	const read = readCsv(props.csv, HEADER, 'children');
	if (!read.ok) return { ok: false, rows: [], errors: read.errors };
	const unitChildren = await db
		.select({
			id: children.id,
			name: children.name,
			dateOfBirth: children.dateOfBirth,
			caseSystemId: children.caseSystemId,
			family: families.name
		})
		.from(children)
		.innerJoin(families, eq(families.id, children.familyId))
		.where(eq(families.unitId, viewer.unitId));
	const byName = new Map<string, typeof unitChildren>();
	for (const child of unitChildren) {
		const k = `${key(child.family)}\n${key(child.name)}`;
		byName.set(k, [...(byName.get(k) ?? []), child]);
	}
	const rows: CaseSystemIdRow[] = [];
	/** Each row's child, once found. */
	const matched = new Map<CaseSystemIdRow, (typeof unitChildren)[number]>();
	const childRow = new Map<string, number>();
	for (const [index, cells] of read.records.entries()) {
		const [family = '', child = '', born = '', caseSystemId = ''] = cells;
		const row: CaseSystemIdRow = {
			row: index + 2,
			family,
			child,
			dateOfBirth: born,
			caseSystemId,
			before: null,
			problems: []
		};
		rows.push(row);
		const problems = row.problems;
		if (cells.length > HEADER.length && cells.slice(HEADER.length).some((c) => c !== ''))
			problems.push(`This row has more than ${HEADER.length} columns.`);
		if (!family) problems.push("Give the family's name, as the unit's list of families has it.");
		if (!child) problems.push("Give the child's name, as their record has it.");
		if (!caseSystemId) problems.push("Give the child's case-system identifier.");
		const long = tooLong(caseSystemId, 'shortText', 'the case-system identifier');
		if (long) problems.push(long);
		const dob = born ? dateOfBirth(born) : null;
		if (dob && 'problem' in dob) problems.push(dob.problem);
		if (!family || !child || (dob && 'problem' in dob)) continue;
		let found = byName.get(`${key(family)}\n${key(child)}`) ?? [];
		if (dob) found = found.filter((c) => c.dateOfBirth === dob.date);
		if (found.length === 0) {
			problems.push(
				dob
					? `There is no child called "${child}" born on ${born} in a family called "${family}" in the unit: correct the names or the date, or add the child on the Children page first.`
					: `There is no child called "${child}" in a family called "${family}" in the unit: correct the names, or add the child on the Children page first.`
			);
			continue;
		}
		if (found.length > 1) {
			problems.push(
				`There are ${found.length} children called "${child}" in the family "${family}": add each one's date of birth to tell them apart.`
			);
			continue;
		}
		const [match] = found;
		row.before = match.caseSystemId;
		const earlier = childRow.get(match.id);
		if (earlier) problems.push(`This child is on row ${earlier} too.`);
		else childRow.set(match.id, row.row);
		if (caseSystemId && !long) matched.set(row, match);
	}
	// Each child keeps their own identifier once the file is in (two may swap theirs in one file).
	const after = new Map(unitChildren.map((c) => [c.id, c.caseSystemId]));
	for (const [row, child] of matched) after.set(child.id, row.caseSystemId);
	const idRow = new Map<string, number>();
	const changes: { childId: string; caseSystemId: string }[] = [];
	let unchanged = 0;
	for (const [row, child] of matched) {
		const sameId = idRow.get(row.caseSystemId);
		if (sameId) row.problems.push(`The identifier ${row.caseSystemId} is on row ${sameId} too.`);
		else idRow.set(row.caseSystemId, row.row);
		const holder = unitChildren.find(
			(c) => c.id !== child.id && after.get(c.id) === row.caseSystemId && !childRow.has(c.id)
		);
		if (holder)
			row.problems.push(
				`The identifier ${row.caseSystemId} is ${holder.name}'s (the ${holder.family}): each child has their own.`
			);
		if (row.problems.length) continue;
		if (child.caseSystemId === row.caseSystemId) unchanged += 1;
		else changes.push({ childId: child.id, caseSystemId: row.caseSystemId });
	}
	const errors = rows.flatMap((r) => r.problems.map((message) => ({ row: r.row, message })));
	if (errors.length) return { ok: false, rows, errors };
	if (props.write && changes.length) {
		await db.transaction(async (tx) => {
			for (const change of changes)
				await tx
					.update(children)
					.set({ caseSystemId: change.caseSystemId })
					.where(eq(children.id, change.childId));
			await auditMany({
				db: tx,
				entries: changes.map((change) => ({
					userId: viewer.id,
					action: 'update',
					targetType: 'child' as const,
					targetId: change.childId,
					// Which field changed and how, never what it says.
					detail: { fields: ['caseSystemId'], via: 'import' }
				}))
			});
		});
	}
	return {
		ok: true,
		rows,
		changed: changes.length,
		unchanged,
		written: props.write && changes.length > 0
	};
}
