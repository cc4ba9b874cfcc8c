/** The JSON API's answers for bad input: 400 `{ errors: { field: message } }`, and reading a body. */
import { json } from '@sveltejs/kit';
import type { z } from 'zod';
import { FamilyError } from './commands';

/** 400 with one message per field. */
export function badRequest(errors: Record<string, string>): Response {
	return json({ errors }, { status: 400 });
}

/** 404 that says nothing about whether the thing exists. */
export function notFound(): Response {
	return json({ errors: { id: 'Not found' } }, { status: 404 });
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

/** The answer for a FamilyError (404 or 400 naming the field); anything else is thrown on. */
export function familyErrorResponse(problem: unknown): Response {
	if (problem instanceof FamilyError)
		return problem.status === 404 ? notFound() : badRequest({ [problem.field]: problem.message });
	throw problem;
}
