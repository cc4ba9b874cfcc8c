/** How the voices' API answers a command's refusal: 400 (or 413) `{ errors: { field: message } }`, 409 `{ errors: { form } }`. */
import { json } from '@sveltejs/kit';
import { VoiceInputError, VoicesClosedError } from './access';

/** The answer for a known refusal, or null (rethrow anything else). */
export function voiceProblemAnswer(problem: unknown): Response | null {
	if (problem instanceof VoiceInputError)
		return json({ errors: { [problem.field]: problem.message } }, { status: problem.status });
	if (problem instanceof VoicesClosedError)
		return json({ errors: { form: problem.message } }, { status: 409 });
	return null;
}

/** Reads a JSON object body; null when it is not one. */
export async function jsonObject(request: Request): Promise<Record<string, unknown> | null> {
	const body: unknown = await request.json().catch(() => null);
	return body !== null && typeof body === 'object' && !Array.isArray(body)
		? (body as Record<string, unknown>)
		: null;
}

export const text = (value: unknown): string => (typeof value === 'string' ? value : '');
