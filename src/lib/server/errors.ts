/**
 * Errors described for the server log without personal data. A failed query's error carries
 * its parameters — what people typed, a child's name — in `params` and in its message
 * (drizzle writes "Failed query: …\nparams: …"), and PostgreSQL quotes the value it could not
 * read ('invalid input syntax for type uuid: "…"'). Everything that logs an error uses this:
 * the class, the SQLSTATE code, the message with parameters cut and quoted values withheld,
 * the query's text (placeholders only), the causes, and the stack frames (never the first line
 * of a stack, which repeats the message). Relative imports only: server/ uses it under Node.
 */

const MAX_MESSAGE = 400;
const MAX_QUERY = 300;
const MAX_FRAMES = 12;
const MAX_CAUSES = 4;

// A quoted name PostgreSQL puts after one of these words is a name from the schema, not a value.
const NAMED =
	/\b(relation|constraint|column|table|index|schema|type|function|encoding|database|role|sequence|operator|extension|cursor|savepoint|prepared statement|portal|channel)\s+$/i;

/** The message with parameters cut off and quoted values replaced by "…". */
export function safeMessage(message: string): string {
	let text = message;
	const params = text.search(/\n\s*params:/);
	if (params >= 0) text = text.slice(0, params);
	text = text.replace(/"(?:[^"\\]|\\.)*"/g, (quoted, offset: number) =>
		NAMED.test(text.slice(Math.max(0, offset - 40), offset)) && quoted.length <= 66 ? quoted : '"…"'
	);
	text = text.replace(/'(?:[^'\\]|\\.)*'/g, "'…'");
	text = text.replace(/[\r\n]+/g, ' ');
	return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE)}…` : text;
}

function className(error: Error): string {
	const ctor = (error as { constructor?: { name?: unknown } }).constructor?.name;
	// drizzle's DrizzleQueryError leaves `name` as "Error" (PGlite's as "error"); the constructor tells them apart.
	const named = error.name && error.name.toLowerCase() !== 'error' ? error.name : null;
	return named ?? (typeof ctor === 'string' && ctor ? ctor : 'Error');
}

function oneError(error: unknown): string {
	if (!(error instanceof Error)) {
		if (
			error !== null &&
			typeof error === 'object' &&
			typeof (error as { code?: unknown }).code === 'string'
		) {
			return `${typeof error} ${(error as { code: string }).code}`;
		}
		return `thrown ${error === null ? 'null' : typeof error}`;
	}
	const code = (error as { code?: unknown }).code;
	const head =
		typeof code === 'string' || typeof code === 'number'
			? `${className(error)} ${code}`
			: className(error);
	const query = (error as { query?: unknown }).query;
	if (typeof query === 'string' && error.message.startsWith('Failed query:')) {
		// The query's text has placeholders ($1, $2) where the values were, and quotes only
		// names; a literal in single quotes is still withheld.
		const text = query.replace(/\s+/g, ' ').replace(/'(?:[^']|'')*'/g, "'…'");
		return `${head}: Failed query: ${text.length > MAX_QUERY ? `${text.slice(0, MAX_QUERY)}…` : text}`;
	}
	return `${head}: ${safeMessage(error.message)}`;
}

function frames(error: Error): string[] {
	return (error.stack ?? '')
		.split('\n')
		.filter((line) => /^\s+at /.test(line))
		.slice(0, MAX_FRAMES)
		.map((line) => `    ${line.trim()}`);
}

/**
 * One error for the log: "Class CODE: message" for it and each cause ("caused by …"), then
 * (unless `stack: false`) the first error's stack frames. Never parameters or typed values.
 */
export function describeErrorSafely(error: unknown, options: { stack?: boolean } = {}): string {
	const lines = [oneError(error)];
	let cause = error instanceof Error ? (error as { cause?: unknown }).cause : undefined;
	for (let depth = 0; cause !== undefined && cause !== null && depth < MAX_CAUSES; depth++) {
		lines.push(`  caused by ${oneError(cause)}`);
		cause = cause instanceof Error ? (cause as { cause?: unknown }).cause : undefined;
	}
	if (options.stack !== false && error instanceof Error) lines.push(...frames(error));
	return lines.join('\n');
}
