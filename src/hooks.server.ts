import { redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { database, sharedDatabase } from '$lib/server/db';
import { SESSION_COOKIE, validateSessionToken } from '$lib/server/auth/session';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { hasAnyUser } from '$lib/server/users';
import { refuseMalformedFormPost } from '$lib/server/forms';
import { describeErrorSafely } from '$lib/server/errors';

export const init: ServerInit = async () => {
	await sharedDatabase(); // migrations run before the first request is served
};

/** Paths a person may open before anyone has an account. */
const FIRST_RUN_PATHS = ['/setup', '/favicon.svg', '/robots.txt'];

export const handle: Handle = async ({ event, resolve }) => {
	// A post to a page is a form action: refuse one that is not a readable form before it is
	// read (SvelteKit would let text/plain or a broken multipart body through to a 500).
	if (event.request.method === 'POST' && !event.url.pathname.startsWith('/api/') && !event.url.pathname.startsWith('/_app/')) {
		const refused = await refuseMalformedFormPost(event.request);
		if (refused) {
			refused.headers.set('X-Content-Type-Options', 'nosniff');
			return refused;
		}
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
				setSessionCookie({ cookies: event.cookies, token, secure: event.url.protocol === 'https:' });
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
			return Response.json({ message: 'Roundtable has no accounts yet: open /setup first.' }, { status: 503 });
		}
		redirect(303, '/setup');
	}

	const response = await statusForScriptedForms(event.request, await resolve(event));
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (event.locals.user) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

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
	const reference = crypto.randomUUID().slice(0, 8);
	if (status >= 500) {
		// Described safely: never request bodies, query parameters, names or record content.
		console.error(`[${reference}] ${describeErrorSafely(error)}`);
		return { message: 'Something went wrong on our side. Your saved work is safe; please try again.', reference };
	}
	return { message };
};
