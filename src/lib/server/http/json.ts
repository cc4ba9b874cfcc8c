/**
 * The JSON API's edge (issue 23): reading a body, and the answers for bad input and for a
 * refused command, in one shape — `{ message, errors: { field: message } }` with the command's
 * status (and anything the command adds, such as end meeting's `problems`). Routes call these;
 * none builds an error answer of its own.
 */
import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { CommandError } from '../command-error';
import { PICKER_QUERY_MAX } from '../../domain/picker-search';

/** 400 with one message per field. */
export function badRequest(errors: Record<string, string>): Response {
	return json({ errors }, { status: 400 });
}

/** 404 that says nothing about whether the thing exists. */
export function notFound(): Response {
	return json({ errors: { id: 'Not found' } }, { status: 404 });
}

/**
 * A picker's search words (`?q=`, at most 100 characters): the query, or the 400 to answer,
 * which says what the search takes (`what`: "a name, an agency or an email address").
 */
export function searchQuery(
	url: URL,
	what: string
): { ok: true; q: string } | { ok: false; response: Response } {
	const q = url.searchParams.get('q') ?? '';
	if (q.length > PICKER_QUERY_MAX)
		return {
			ok: false,
			response: badRequest({ q: `Search with at most ${PICKER_QUERY_MAX} characters: ${what}.` })
		};
	return { ok: true, q };
}

/** Parses a JSON body against a schema: the data, or the 400 to answer (first problem per field). */
export async function readJson<S extends z.ZodType>(
	request: Request,
	schema: S
): Promise<{ ok: true; data: z.infer<S> } | { ok: false; response: Response }> {
	const body = await request.json().catch(() => undefined);
	if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body))
		return { ok: false, response: badRequest({ body: 'Send a JSON object.' }) };
	const parsed = schema.safeParse(body);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors: Record<string, string> = {};
	for (const issue of parsed.error.issues)
		errors[String(issue.path[0] ?? 'body')] ??= issue.message;
	return { ok: false, response: badRequest(errors) };
}

/** Reads a JSON object body; null when it is not one. */
export async function jsonObject(request: Request): Promise<Record<string, unknown> | null> {
	const body: unknown = await request.json().catch(() => null);
	return body !== null && typeof body === 'object' && !Array.isArray(body)
		? (body as Record<string, unknown>)
		: null;
}

export interface FieldNaming {
	/** The field named when the command names none (default `form`). */
	field?: string;
	/** The API's name for a field the command names otherwise (`{ date: 'scheduledAt' }`). */
	rename?: Record<string, string>;
}

/** The field a refusal is shown against, as this edge names it. */
export function fieldOf(problem: CommandError, naming: FieldNaming = {}): string {
	const field = problem.field ?? naming.field ?? 'form';
	return naming.rename?.[field] ?? field;
}

/**
 * The JSON answer for a refused command: its status with `{ message, errors: { field: message } }`
 * (and its details); anything that is not a CommandError is thrown on, to the 500 handler.
 */
export function commandJson(problem: unknown, naming: FieldNaming = {}): Response {
	if (!(problem instanceof CommandError)) throw problem;
	return json(
		{
			message: problem.message,
			errors: { [fieldOf(problem, naming)]: problem.message },
			...problem.details
		},
		{ status: problem.status }
	);
}

/** A body's value as text: a string as sent, anything else as empty. */
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');
