/**
 * The server hooks called as SvelteKit calls them (issue 9): a post to a page that is not a
 * readable form is answered 400/415 before any action reads it (item 9), and an error logged
 * by handleError carries no query parameters or typed words (item 8).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '$lib/server/db';
import { users } from '$lib/server/db/schema';
import { refuseMalformedFormPost } from '$lib/server/forms';
import { handle, handleError } from './hooks.server';
import { useSharedDatabase } from '$lib/server/db';
import svelteConfig, { contentSecurityPolicy } from '../svelte.config.js';
import { createTestDatabase, makeUser, signIn } from '../tests/factories';

const ORIGIN = 'http://127.0.0.1:3000';

/** A form post as adapter-node hands it to SvelteKit. */
function post(path: string, body: BodyInit | null, contentType?: string): Request {
	const headers = new Headers({ origin: ORIGIN });
	if (contentType !== undefined) headers.set('content-type', contentType);
	return new Request(`${ORIGIN}${path}`, { method: 'POST', body, headers });
}

/** Runs the handle hook with a resolve that does what a form action does first: read the form. */
async function through(request: Request): Promise<{ response: Response; resolved: boolean }> {
	let resolved = false;
	const event = {
		request,
		url: new URL(request.url),
		locals: {},
		cookies: { get: () => undefined }
	} as unknown as RequestEvent;
	const response = await handle({
		event,
		resolve: async (e) => {
			resolved = true;
			await e.request.formData();
			return new Response('ok');
		}
	});
	return { response, resolved };
}

describe('form posts that are not forms', () => {
	const multipart = `--XYZ\r\nContent-Disposition: form-data; name="email"\r\n\r\nchair@demo.test`; // no closing boundary

	it.each([
		['text/plain', post('/login', 'email=chair@demo.test', 'text/plain'), 415],
		['no content type', post('/login', new Uint8Array([101, 61, 49])), 415],
		['JSON', post('/login', '{"email":"x"}', 'application/json'), 415],
		['multipart without a boundary', post('/login', multipart, 'multipart/form-data'), 400],
		['broken multipart', post('/login', multipart, 'multipart/form-data; boundary=XYZ'), 400]
	])(
		'answers %s with %i and a plain message, without reaching the action',
		async (_name, request, status) => {
			const { response, resolved } = await through(request);
			expect(response.status).toBe(status);
			expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
			expect(await response.text()).toMatch(/form/);
			expect(resolved).toBe(false);
		}
	);

	it('lets a readable form through, and the action can still read it', async () => {
		const urlencoded = post(
			'/login',
			'email=chair%40demo.test&password=x',
			'application/x-www-form-urlencoded'
		);
		expect(await refuseMalformedFormPost(urlencoded)).toBeNull();
		expect((await urlencoded.formData()).get('email')).toBe('chair@demo.test');
		const data = new FormData();
		data.set('title', 'Core group');
		const multipartForm = new Request(`${ORIGIN}/meetings/new`, { method: 'POST', body: data });
		expect(await refuseMalformedFormPost(multipartForm)).toBeNull();
		expect((await multipartForm.formData()).get('title')).toBe('Core group');
		const empty = post('/logout', null, 'application/x-www-form-urlencoded');
		expect(await refuseMalformedFormPost(empty)).toBeNull();
	});
});

describe('handleError', () => {
	let db: DatabaseHandle;
	beforeAll(async () => {
		db = await createTestDatabase();
	});
	afterAll(async () => {
		await db?.close();
	});
	afterEach(() => {
		vi.restoreAllMocks();
	});

	/** The JSON lines the log wrote to standard output while `work` ran. */
	async function loggedDuring(work: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
		const written: string[] = [];
		const original = process.stdout.write.bind(process.stdout);
		vi.spyOn(process.stdout, 'write').mockImplementation(((
			chunk: string | Uint8Array,
			...rest: unknown[]
		) => {
			const text = typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
			if (text.startsWith('{')) written.push(text);
			else return original(chunk, ...(rest as []));
			return true;
		}) as typeof process.stdout.write);
		await work();
		return written
			.flatMap((text) => text.trim().split('\n'))
			.map((line) => JSON.parse(line) as Record<string, unknown>);
	}

	async function failedQuery(secret: string) {
		return db.db
			.insert(users)
			.values({
				name: `Dawn Walker\u0000`,
				email: 'dawn.walker@example.test',
				role: 'parent',
				passwordHash: secret
			})
			.then(
				() => null,
				(e: unknown) => e
			);
	}

	it('logs a failed query without its parameters: no typed words, no names', async () => {
		const secret = 'Chrissie loves drawing, says Dawn Walker';
		const error = await failedQuery(secret);
		expect(error).toBeInstanceOf(Error);
		let answer: unknown;
		const lines = await loggedDuring(async () => {
			answer = await handleError({
				error,
				event: {} as RequestEvent,
				status: 500,
				message: 'Internal Error'
			});
		});
		expect(answer).toMatchObject({ message: expect.stringMatching(/Something went wrong/) });
		const line = JSON.stringify(lines);
		expect(line).toContain((answer as { reference: string }).reference);
		expect(line).toContain('Failed query: insert into \\"users\\"');
		for (const value of [secret, 'Dawn Walker', 'dawn.walker@example.test', 'params'])
			expect(line).not.toContain(value);
	});

	it("a failing request's log lines carry its request id (the reference the person sees), its route and path, and no parameter values", async () => {
		useSharedDatabase(db);
		await makeUser(db.db, { role: 'chair' }); // past the first-run check
		const secret = 'Mia told the nursery about the bruise';
		const request = new Request(
			`${ORIGIN}/meetings/0b7c5e1e-8f2a-4c55-9d7e-3f0c2a1b4d5e?name=Dawn%20Walker&note=${encodeURIComponent(secret)}`
		);
		const event = { ...eventFor(request), route: { id: '/meetings/[id]' } } as RequestEvent;
		let response: Response | undefined;
		let shown: { reference?: string } = {};
		const lines = await loggedDuring(async () => {
			response = await handle({
				event,
				// What SvelteKit does when a load throws: handleError, then a 500 page.
				resolve: async (e) => {
					shown = (await handleError({
						error: await failedQuery(secret),
						event: e,
						status: 500,
						message: 'Internal Error'
					})) as { reference?: string };
					return new Response('<p>Something went wrong</p>', {
						status: 500,
						headers: { 'content-type': 'text/html' }
					});
				}
			});
		});
		useSharedDatabase(null);
		const requestId = response!.headers.get('x-request-id');
		expect(requestId).toMatch(/^[0-9a-f]{16}$/);
		expect(shown.reference).toBe(requestId);
		expect(lines.length).toBe(2);
		for (const line of lines) expect(line).toMatchObject({ requestId, service: 'roundtable' });
		expect(lines[0]).toMatchObject({
			msg: 'request failed',
			reference: requestId,
			error: expect.stringContaining('Failed query')
		});
		expect(lines[1]).toMatchObject({
			msg: 'request',
			method: 'GET',
			route: '/meetings/[id]',
			path: '/meetings/0b7c5e1e-8f2a-4c55-9d7e-3f0c2a1b4d5e',
			status: 500
		});
		const text = JSON.stringify(lines);
		for (const value of [
			secret,
			'Mia',
			'Dawn',
			'Walker',
			'name=',
			'note=',
			'dawn.walker@example.test',
			'params'
		])
			expect(text).not.toContain(value);
	});
});

/** A request event as SvelteKit builds it, with the session cookie when a token is given. */
function eventFor(request: Request, token?: string): RequestEvent {
	return {
		request,
		url: new URL(request.url),
		locals: {},
		cookies: {
			get: (name: string) => (name === 'rt_session' ? token : undefined),
			set: () => {},
			delete: () => {}
		},
		getClientAddress: () => '192.0.2.7'
	} as unknown as RequestEvent;
}

describe('headers on every answer (docs/security.md, "Headers")', () => {
	let db: DatabaseHandle;
	let token: string;
	beforeAll(async () => {
		db = await createTestDatabase();
		useSharedDatabase(db);
		const chair = await makeUser(db.db, { role: 'chair' });
		token = await signIn(db.db, chair.id);
	});
	afterAll(async () => {
		useSharedDatabase(null);
		await db?.close();
	});

	const answers: [string, () => Response][] = [
		[
			'a page',
			() =>
				new Response('<!doctype html><p>Chrissie</p>', {
					headers: {
						'content-type': 'text/html',
						'content-security-policy': "script-src 'self' 'nonce-abc'"
					}
				})
		],
		['an API answer', () => Response.json({ name: 'Chrissie' })],
		[
			'a PDF',
			() =>
				new Response(new Uint8Array([37, 80, 68, 70]), {
					headers: { 'content-type': 'application/pdf', 'cache-control': 'max-age=600' }
				})
		]
	];

	it.each(answers)(
		'%s is never cached, signed in or not, and keeps the other headers',
		async (_name, answer) => {
			for (const signedIn of [true, false]) {
				const response = await handle({
					event: eventFor(new Request(`${ORIGIN}/meetings`), signedIn ? token : undefined),
					resolve: async () => answer()
				});
				expect(response.headers.get('cache-control')).toBe(
					signedIn ? 'private, no-store' : 'no-store'
				);
				expect(response.headers.get('x-content-type-options')).toBe('nosniff');
				expect(response.headers.get('x-frame-options')).toBe('DENY');
				expect(response.headers.get('referrer-policy')).toBe('same-origin');
				expect(response.headers.get('permissions-policy')).toContain('camera=()');
				expect(response.headers.get('content-security-policy')).toMatch(
					/script-src|default-src 'none'/
				);
			}
		}
	);

	it("keeps a page's own Content-Security-Policy and gives anything else one that allows nothing", async () => {
		const [page, api] = await Promise.all(
			answers.slice(0, 2).map(([, answer]) =>
				handle({
					event: eventFor(new Request(`${ORIGIN}/meetings`), token),
					resolve: async () => answer()
				})
			)
		);
		expect(page.headers.get('content-security-policy')).toBe("script-src 'self' 'nonce-abc'");
		expect(api.headers.get('content-security-policy')).toBe(
			"default-src 'none'; frame-ancestors 'none'"
		);
	});

	it('lets static text declared public be cached, and sends HSTS over https', async () => {
		const response = await handle({
			event: eventFor(new Request('https://roundtable.example.test/document-styles.css'), token),
			resolve: async () =>
				new Response('.x{}', {
					headers: { 'content-type': 'text/css', 'cache-control': 'public, max-age=3600' }
				})
		});
		expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
		expect(response.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
	});

	it('refuses a malformed form post with the same headers', async () => {
		const response = await handle({
			event: eventFor(post('/login', 'x', 'text/plain')),
			resolve: async () => new Response('never')
		});
		expect(response.status).toBe(415);
		expect(response.headers.get('cache-control')).toBe('no-store');
		expect(response.headers.get('x-frame-options')).toBe('DENY');
	});
});

describe("the pages' Content-Security-Policy (svelte.config.js)", () => {
	it('allows no inline or evaluated script, no framing, no plugins, and connects only to its own host', () => {
		const policy = contentSecurityPolicy as Record<string, string[]>;
		expect(svelteConfig.kit?.csp?.mode).toMatch(/^(auto|hash|nonce)$/);
		expect(svelteConfig.kit?.csp?.directives).toBe(contentSecurityPolicy);
		for (const directive of ['default-src', 'script-src'])
			expect(policy[directive], directive).toEqual(['self']);
		// Inline <style> only with SvelteKit's nonce or a named hash (Tiptap's base stylesheet).
		expect(policy['style-src'].filter((source) => !source.startsWith('sha256-'))).toEqual(['self']);
		expect(Object.keys(policy).filter((d) => d.startsWith('script-src'))).toEqual(['script-src']);
		expect(policy['frame-ancestors']).toEqual(['none']);
		expect(policy['object-src']).toEqual(['none']);
		expect(policy['connect-src']).toEqual(['self']);
		expect(JSON.stringify(policy)).not.toMatch(/unsafe-eval|\*/);
	});
});
