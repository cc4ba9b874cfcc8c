/**
 * Many rows in one short statement. A drizzle multi-row insert binds one parameter per cell
 * (200 rows × 14 columns is 2,800 parameters), which the embedded database parses slowly, on
 * the event loop; here the rows travel as one JSON parameter that PostgreSQL unpacks with
 * `json_to_recordset` — about ten times faster on PGlite, and the same on PostgreSQL. Used by
 * the people import (src/lib/server/people/import.ts). Text is written as given: clean it
 * with `storableText` first, as for any insert.
 */
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './index';

function jsonValue(column: PgColumn, value: unknown): unknown {
	if (value === null) return null;
	const type = column.getSQLType();
	// A JSON column takes the value itself (nested in the parameter), not its text.
	if (type === 'json' || type === 'jsonb') return value;
	if (value instanceof Date) return value.toISOString();
	return column.mapToDriverValue(value);
}

/**
 * Inserts the rows (as `db.insert(table).values(rows)` would, `$defaultFn` columns filled in)
 * in one statement. Every row must give the same columns; any other column takes its default.
 */
export async function insertRows<T extends PgTable>(
	db: Database,
	table: T,
	rows: T['$inferInsert'][]
): Promise<void> {
	if (rows.length === 0) return;
	const columns = Object.entries(getTableColumns(table)) as [string, PgColumn][];
	const given = columns.filter(
		([key, column]) =>
			(rows[0] as Record<string, unknown>)[key] !== undefined || column.defaultFn !== undefined
	);
	const givenKeys = new Set(given.map(([key]) => key));
	const records = rows.map((row) => {
		const values = row as Record<string, unknown>;
		for (const [key, value] of Object.entries(values))
			if (value !== undefined && !givenKeys.has(key))
				throw new Error(`insertRows: every row must give the same columns (${key}).`);
		const record: Record<string, unknown> = {};
		for (const [key, column] of given) {
			let value = values[key];
			if (value === undefined && column.defaultFn) value = column.defaultFn();
			if (value === undefined)
				throw new Error(`insertRows: every row must give the same columns (${key}).`);
			record[column.name] = jsonValue(column, value);
		}
		return record;
	});
	const names: SQL = sql.join(
		given.map(([, column]) => sql.identifier(column.name)),
		sql`, `
	);
	const types: SQL = sql.join(
		given.map(([, column]) => sql`${sql.identifier(column.name)} ${sql.raw(column.getSQLType())}`),
		sql`, `
	);
	await db.execute(
		sql`insert into ${table} (${names}) select ${names} from json_to_recordset(${JSON.stringify(records)}::json) as rows(${types})`
	);
}
