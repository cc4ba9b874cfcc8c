import type { z } from 'zod';

/** Field name → the message to show beside that field. */
export type FieldErrors = Record<string, string>;

/**
 * Reads a form against a schema. Returns the data, or the first problem of each field as a
 * message a person can act on, plus the values to put back (never passwords).
 */
export function readForm<S extends z.ZodType<Record<string, unknown>>>(
	form: FormData,
	schema: S,
	keep: string[] = []
): { ok: true; data: z.infer<S> } | { ok: false; errors: FieldErrors; values: Record<string, string> } {
	const raw: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') raw[key] = value;
	const parsed = schema.safeParse(raw);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors: FieldErrors = {};
	for (const issue of parsed.error.issues) {
		const field = String(issue.path[0] ?? 'form');
		errors[field] ??= issue.message;
	}
	const values = Object.fromEntries(keep.map((k) => [k, raw[k] ?? '']));
	return { ok: false, errors, values };
}

/** A problem with the form as a whole (not one field), shown in the error summary. */
export function formProblem(message: string): FieldErrors {
	return { form: message };
}

/** A problem with one field, found after the form parsed (e.g. by a command). */
export function fieldProblem(field: string, message: string): FieldErrors {
	return { [field]: message };
}
