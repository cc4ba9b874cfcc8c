/**
 * What the two rights specs (rights-matrix.spec.ts within the demo unit, two-units.spec.ts
 * between two units) share to ask the running server as someone: a signed-in request context,
 * one request of a table's row, a socket upgrade, and a conference ended to make the documents
 * and mail they ask about.
 */
import {
	expect,
	request as playwrightRequest,
	type APIRequestContext,
	type APIResponse
} from '@playwright/test';
import WebSocket from 'ws';
import { DEMO_PASSWORD } from './helpers';

/** The server playwright.config.ts starts (the same port rule). */
export const baseURL = () => `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

/** A request context signed in as this address (or nobody), that does not follow redirects. */
export async function signedInContext(
	email: string | null,
	password = DEMO_PASSWORD
): Promise<APIRequestContext> {
	const context = await playwrightRequest.newContext({
		baseURL: baseURL(),
		maxRedirects: 0,
		extraHTTPHeaders: { origin: new URL(baseURL()).origin }
	});
	if (email) {
		const signIn = await context.post('/login', {
			form: { email, password },
			headers: { accept: 'text/html' }
		});
		expect(signIn.status(), `${email} signs in`).toBe(303);
	}
	return context;
}

/** One request of a rights table: a form action when it carries `form`, else JSON. */
export interface Ask {
	method: 'GET' | 'POST' | 'PUT';
	path: string;
	form?: Record<string, string>;
	json?: unknown;
}

export async function ask(context: APIRequestContext, request: Ask): Promise<APIResponse> {
	const { method, path: url, form, json } = request;
	const headers = { accept: form ? 'text/html' : 'application/json' };
	if (method === 'GET') return context.get(url, { headers });
	if (method === 'PUT') return context.put(url, { data: json, headers });
	return form ? context.post(url, { form, headers }) : context.post(url, { data: json, headers });
}

/** The context's cookies as a Cookie header ('' when signed in as nobody). */
export async function cookieOf(context: APIRequestContext): Promise<string> {
	return (await context.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** The status a socket upgrade is answered with: 101 when it opens. */
export function upgradeStatus(url: string, cookie: string): Promise<number> {
	return new Promise((resolve) => {
		const ws = new WebSocket(url, { headers: cookie ? { cookie } : {} });
		ws.on('unexpected-response', (_request, response) => {
			resolve(response.statusCode ?? 0);
			ws.terminate();
		});
		ws.on('open', () => {
			resolve(101);
			ws.close();
		});
		ws.on('error', () => {});
	});
}

/**
 * The chair starts the conference and ends it with no register taken: End asks the chair to
 * confirm, and the chair ends it saying why (issue 21). Returns what ending made, as the ids the
 * rights tables ask with: a professionals' document (one the family is not sent), a family
 * document (read as `family`, one of the family), the 24-hour plan, and a message in the chair's
 * outbox with attachments.
 */
export async function endWithoutRegister(props: {
	chair: APIRequestContext;
	family: APIRequestContext;
	meeting: string;
}) {
	const { chair, family, meeting } = props;
	expect((await chair.post(`/api/meetings/${meeting}/start`)).status(), 'started').toBe(200);
	expect((await chair.post(`/api/meetings/${meeting}/end`)).status(), 'asked to confirm').toBe(409);
	expect(
		(
			await chair.post(`/api/meetings/${meeting}/end`, {
				data: { confirm: true, reason: 'A test conference: no register is taken.' }
			})
		).status(),
		'ended'
	).toBe(200);
	const all = (await (await chair.get(`/api/meetings/${meeting}/documents`)).json()) as {
		documents: { id: string; kind: string }[];
	};
	const familyDocuments = (await (
		await family.get(`/api/meetings/${meeting}/documents`)
	).json()) as { documents: { id: string }[] };
	const familyIds = new Set(familyDocuments.documents.map((d) => d.id));
	const outbox = (await (await chair.get('/api/outbox')).json()) as {
		messages: { id: string; attachments: unknown[] }[];
	};
	return {
		professionalDocument: all.documents.find((d) => !familyIds.has(d.id))!.id,
		familyDocument: familyDocuments.documents[0].id,
		plan24h: all.documents.find((d) => d.kind === 'plan-24h')!.id,
		outboxMessage: outbox.messages.find((m) => m.attachments.length > 0)!.id
	};
}
