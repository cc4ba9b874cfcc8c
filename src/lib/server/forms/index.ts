import { z } from 'zod';
import { storableText } from '../db/storable';
import { typedDateProblem } from '../../domain/calendar-date';
import { readDateTime, typedTimeProblem, type TypedDateTime } from '../../domain/date-time';

/** Field name → the message to show beside that field. */
export type FieldErrors = Record<string, string>;

/**
 * Reads a form against a schema. Returns the data, or the first problem of each field as a
 * message a person can act on, plus the values to put back (never passwords). Every value is
 * made storable first (no U+0000, no lone surrogates), so what is typed can always be written.
 */
export function readForm<S extends z.ZodType<Record<string, unknown>>>(
	form: FormData,
	schema: S,
	keep: string[] = []
):
	| { ok: true; data: z.infer<S> }
	| { ok: false; errors: FieldErrors; values: Record<string, string> } {
	const raw: Record<string, string> = {};
	for (const [key, value] of form) if (typeof value === 'string') raw[key] = storableText(value);
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

/** A date field (YYYY-MM-DD, as date inputs send it): a day that does not exist is refused with why. */
export function typedDateField() {
	return z.string().superRefine((value, ctx) => {
		const problem = typedDateProblem(value);
		if (problem) ctx.addIssue({ code: 'custom', message: problem });
	});
}

/** A time field (HH:MM): 24:00 or 10:75 is refused with why, never moved to the next day. */
export function typedTimeField() {
	return z.string().superRefine((value, ctx) => {
		const problem = typedTimeProblem(value);
		if (problem) ctx.addIssue({ code: 'custom', message: problem });
	});
}

/** A form's date and time fields as one instant in UK time, read as the API reads `scheduledAt`. */
export function formInstant(date: string, time: string): TypedDateTime {
	return readDateTime(`${date.trim()}T${time.trim()}`);
}

/** A problem with the form as a whole (not one field), shown in the error summary. */
export function formProblem(message: string): FieldErrors {
	return { form: message };
}

/** A problem with one field, found after the form parsed (e.g. by a command). */
export function fieldProblem(field: string, message: string): FieldErrors {
	return { [field]: message };
}

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * A form post that cannot be a form: the answer to give (415 for a content type forms never
 * send, 400 for a body that does not parse, 413 past the size limit), or null when the body
 * reads as a form. SvelteKit lets `text/plain` through to the action (it only guards it against
 * cross-site posts) and the action's `request.formData()` then throws: a 500 for a bad request.
 * Reads a clone, so the action can still read the body.
 */
export async function refuseMalformedFormPost(request: Request): Promise<Response | null> {
	const contentType = request.headers.get('content-type') ?? '';
	const [mediaType, ...parameters] = contentType.split(';').map((part) => part.trim());
	const type = mediaType.toLowerCase();
	if (!FORM_TYPES.includes(type)) {
		return plainAnswer(
			415,
			'Send the form as application/x-www-form-urlencoded or multipart/form-data.'
		);
	}
	if (type === 'multipart/form-data' && !parameters.some((p) => /^boundary=./i.test(p))) {
		return plainAnswer(400, 'The form could not be read: a multipart form needs its boundary.');
	}
	try {
		await request.clone().formData();
		return null;
	} catch (problem) {
		const status = (problem as { status?: unknown }).status;
		if (status === 413) return plainAnswer(413, 'The form is too large.');
		return plainAnswer(400, 'The form could not be read. Please send it again.');
	}
}

function plainAnswer(status: number, message: string): Response {
	return new Response(message, {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}
