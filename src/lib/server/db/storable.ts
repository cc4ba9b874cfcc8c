/**
 * Text as PostgreSQL can store it. A `text` column cannot hold U+0000, and `jsonb` refuses both
 * `\u0000` and a lone UTF-16 surrogate; either makes the whole statement fail. What people type
 * (forms, the live record) is cleaned with these before it is written, so a stray character can
 * never stop a write — ending a meeting above all. Imports nothing, so both runtimes can use it.
 */

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// eslint-disable-next-line no-control-regex -- U+0000 is exactly what this must find.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text without U+0000, each lone surrogate replaced by U+FFFD (as a UTF-8 encoder does). */
export function storableText(value: string): string {
	UNSTORABLE.lastIndex = 0;
	if (!UNSTORABLE.test(value)) return value;
	return value.replace(UNSTORABLE, (found) => (found === '\u0000' ? '' : '\ufffd'));
}

/**
 * A JSON value with every string in it (keys too) made storable; arrays and plain objects are
 * copied, anything else is returned as it is.
 */
export function storableJson<T>(value: T): T {
	return clean(value) as T;
}

function clean(value: unknown): unknown {
	if (typeof value === 'string') return storableText(value);
	if (Array.isArray(value)) return value.map(clean);
	if (value !== null && typeof value === 'object' && isPlainObject(value)) {
		const out: Record<string, unknown> = {};
		for (const [key, inner] of Object.entries(value)) out[storableText(key)] = clean(inner);
		return out;
	}
	return value;
}

function isPlainObject(value: object): boolean {
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}
