import { redirect, type Handle, type HandleServerError } from '@sveltejs/kit';
import { linkApp } from '$lib/server/app-link';
import { database } from '$lib/server/db';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { hasAnyUser } from '$lib/server/users';
import { refuseMalformedFormPost } from '$lib/server/forms';
import { describeErrorSafely } from '$lib/server/errors';
import { currentRequest, newRequestId, runInRequest } from '$lib/server/request-context';
import { log } from '$lib/server/log';
import { env } from '$lib/server/env';

/** GET /health (src/routes/health): answered without touching sessions. */
const HEALTH_PATH = '/health';

/** Paths a person may open before anyone has an account. */
const FIRST_RUN_PATHS = ['/setup', '/favicon.svg', '/robots.txt'];

/** The client's address as adapter-node reports it (ADDRESS_HEADER behind a proxy), or null. */
function clientAddress(event: { getClientAddress(): string }): string | null {
	try {
		return event.getClientAddress() || null;
	} catch {
		return null; // not every caller knows it (a request built in a test)
	}
}

/**
 * Every request runs with its id and address at hand (src/lib/server/request-context.ts): the
 * audit log records the address, the log lines carry the id, and so does the answer.
 */
export const handle: Handle = async ({ event, resolve }) => {
	// In production, the database and the collaboration server the entry started (./lib/server/app-link.ts).
	linkApp(event.platform);
	const context = { requestId: newRequestId(), address: clientAddress(event) };
	const started = performance.now();
	return runInRequest(context, async () => {
		const response = await handleRequest({ event, resolve });
		response.headers.set('X-Request-Id', context.requestId);
		// One line per request when asked (LOG_REQUESTS=1), and always for a failure: the route and
		// path, never the query string (it may carry words) or anything from the body.
		if (response.status >= 500 || env().LOG_REQUESTS === '1') {
			log[response.status >= 500 ? 'error' : 'info'](
				{
					method: event.request.method,
					route: event.route?.id ?? null,
					path: event.url.pathname.slice(0, 200),
					status: response.status,
					ms: Math.round(performance.now() - started)
				},
				'request'
			);
		}
		return response;
	});
};

const handleRequest: Handle = async ({ event, resolve }) => {
	// The health check must answer while the database is away: no session, no first-run check.
	if (event.url.pathname === HEALTH_PATH) {
		event.locals.user = null;
		event.locals.sessionId = null;
		return withSecurityHeaders(await resolve(event), event);
	}
	// A post to a page is a form action: refuse one that is not a readable form before it is
	// read (SvelteKit would let text/plain or a broken multipart body through to a 500).
	if (
		event.request.method === 'POST' &&
		!event.url.pathname.startsWith('/api/') &&
		!event.url.pathname.startsWith('/_app/')
	) {
		const refused = await refuseMalformedFormPost(event.request);
		if (refused) return withSecurityHeaders(refused, event);
	}
	const db = await database();
	event.locals.user = null;
	event.locals.sessionId = null;

	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const result = await validateSessionToken({ db, token });
		if (result.session) {
			event.locals.user = result.user;
			event.locals.sessionId = result.session.id;
			if (result.renewed) {
				setSessionCookie({
					cookies: event.cookies,
					token,
					secure: event.url.protocol === 'https:'
				});
			}
		} else {
			event.cookies.delete(SESSION_COOKIE, { path: '/' });
		}
	}

	const path = event.url.pathname;
	if (
		!event.locals.user &&
		!FIRST_RUN_PATHS.includes(path) &&
		!path.startsWith('/_app/') &&
		!(await hasAnyUser(db))
	) {
		if (path.startsWith('/api/')) {
			return Response.json(
				{ message: 'Roundtable has no accounts yet: open /setup first.' },
				{ status: 503 }
			);
		}
		redirect(303, '/setup');
	}

	return withSecurityHeaders(
		await statusForScriptedForms(event.request, await resolve(event)),
		event
	);
};

/** A policy for answers that are not pages (JSON, text, files): they load nothing and are framed nowhere. */
const NON_PAGE_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * The headers every answer carries (docs/security.md, "Headers"). Pages get their
 * Content-Security-Policy from SvelteKit (`kit.csp` in svelte.config.js, with a nonce for its
 * start-up script); any other answer gets one that allows nothing. Nothing is cached: every page,
 * document, PDF and API answer may hold personal data, so each is `no-store` unless its route
 * declared itself `public` (static text, the same for everyone: /document-styles.css).
 */
function withSecurityHeaders(
	response: Response,
	event: { url: URL; locals: App.Locals }
): Response {
	const headers = response.headers;
	headers.set('X-Content-Type-Options', 'nosniff');
	headers.set('Referrer-Policy', 'same-origin');
	headers.set('X-Frame-Options', 'DENY');
	headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	headers.set('Cross-Origin-Opener-Policy', 'same-origin');
	if (event.url.protocol === 'https:')
		headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	const isPage = headers.get('content-type')?.startsWith('text/html') ?? false;
	if (!isPage && !headers.has('Content-Security-Policy'))
		headers.set('Content-Security-Policy', NON_PAGE_POLICY);
	const declaredPublic = headers.get('Cache-Control')?.startsWith('public') ?? false;
	if (!declaredPublic)
		headers.set('Cache-Control', event.locals.user ? 'private, no-store' : 'no-store');
	return response;
}

/**
 * A form post from a script (Accept: *\/*, not use:enhance) gets SvelteKit's JSON action
 * result with HTTP 200; give it the failure's own status so a 400 reads as a 400.
 */
async function statusForScriptedForms(request: Request, response: Response): Promise<Response> {
	if (
		request.method !== 'POST' ||
		request.headers.get('x-sveltekit-action') === 'true' ||
		response.status !== 200 ||
		!response.headers.get('content-type')?.startsWith('application/json')
	) {
		return response;
	}
	const body = await response.text();
	let status = 200;
	try {
		const parsed = JSON.parse(body) as { type?: string; status?: number };
		if (parsed.type === 'failure' && typeof parsed.status === 'number') status = parsed.status;
	} catch {
		// not an action result: leave it as it is
	}
	return new Response(body, { status, headers: response.headers });
}

export const handleError: HandleServerError = ({ error, status, message }) => {
	// The reference a person is shown is the request id in every log line of that request.
	const reference = currentRequest()?.requestId ?? newRequestId();
	if (status >= 500) {
		// Described safely: never request bodies, query parameters, names or record content.
		log.error({ reference, error: describeErrorSafely(error) }, 'request failed');
		return {
			message: 'Something went wrong on our side. Your saved work is safe; please try again.',
			reference
		};
	}
	return { message };
};
