/**
 * The browser's one way to call Roundtable's JSON API (issue 23): every component that fetches
 * `/api/…` calls `api`, which sends JSON, reads the answer and turns a refusal into one shape —
 * the status, the message to show, the field it belongs to — whatever the endpoint. The server's
 * side of the same shape is src/lib/server/http/json.ts (`{ message, errors: { field: message } }`).
 */

/** What the API answered: the data, or why not. */
export type ApiAnswer<T> =
	| { ok: true; status: number; data: T }
	| {
			ok: false;
			/** The HTTP status; 0 when the server could not be reached. */
			status: number;
			/** Plain words to show: the server's message, else its first field error, else the fallback. */
			message: string;
			/** The field the message belongs to, when the server named one (not `form`). */
			field?: string;
			/** Every field's message, as the server sent them. */
			errors: Record<string, string>;
			/** The whole answer, for what a refusal carries besides (end meeting's `problems`). */
			body: Record<string, unknown>;
	  };

export interface ApiOptions {
	method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Sent as JSON. */
	body?: unknown;
	/** What to say when the server gives no words of its own. */
	fallback?: string;
	/** For tests: the fetch to use (the page's own by default). */
	fetch?: typeof fetch;
}

const unreachable = 'The server could not be reached. Try again.';

function isRecord(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Calls one API endpoint. Never throws for a refusal or a lost connection: it answers why. */
export async function api<T = unknown>(
	path: `/api/${string}`,
	options: ApiOptions = {}
): Promise<ApiAnswer<T>> {
	const send = options.fetch ?? fetch;
	let response: Response;
	try {
		response = await send(path, {
			method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
			headers: {
				accept: 'application/json',
				...(options.body === undefined ? {} : { 'content-type': 'application/json' })
			},
			...(options.body === undefined ? {} : { body: JSON.stringify(options.body) })
		});
	} catch {
		return { ok: false, status: 0, message: unreachable, errors: {}, body: {} };
	}
	const parsed: unknown = await response.json().catch(() => null);
	if (response.ok) return { ok: true, status: response.status, data: parsed as T };
	const body = isRecord(parsed) ? parsed : {};
	const errors: Record<string, string> = {};
	if (isRecord(body.errors))
		for (const [key, value] of Object.entries(body.errors))
			if (typeof value === 'string') errors[key] = value;
	const [first] = Object.entries(errors);
	const message =
		(typeof body.message === 'string' && body.message) ||
		first?.[1] ||
		options.fallback ||
		`That did not work (error ${response.status}). Try again.`;
	const field = first && first[0] !== 'form' ? first[0] : undefined;
	return { ok: false, status: response.status, message, errors, body, ...(field ? { field } : {}) };
}
