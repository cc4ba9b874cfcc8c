/** A problem with one field, worded so the person filling it in knows what to do. */
export type Problem = { field: string; message: string };

/** The result of checking input: the clean value, or every problem found (not just the first). */
export type Checked<Name extends string, T> =
	({ ok: true } & { [K in Name]: T }) | { ok: false; problems: Problem[] };

/** Trimmed text, or '' for anything that is not a string (a missing form field, a null in the record). */
export function text(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** How many characters are not white space: '   a  b ' has 2. */
export function nonSpaceLength(value: string): number {
	return value.replace(/\s+/g, '').length;
}
