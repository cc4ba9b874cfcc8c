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
import { createTestDatabase } from '../tests/factories';

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
	const event = { request, url: new URL(request.url), locals: {}, cookies: { get: () => undefined } } as unknown as RequestEvent;
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
	])('answers %s with %i and a plain message, without reaching the action', async (_name, request, status) => {
		const { response, resolved } = await through(request);
		expect(response.status).toBe(status);
		expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
		expect(await response.text()).toMatch(/form/);
		expect(resolved).toBe(false);
	});

	it('lets a readable form through, and the action can still read it', async () => {
		const urlencoded = post('/login', 'email=chair%40demo.test&password=x', 'application/x-www-form-urlencoded');
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

	it('logs a failed query without its parameters: no typed words, no names', async () => {
		const secret = 'Chrissie loves drawing, says Dawn Walker';
		const error = await db.db
			.insert(users)
			.values({ name: `Dawn Walker\u0000`, email: 'dawn.walker@example.test', role: 'parent', passwordHash: secret })
			.then(
				() => null,
				(e: unknown) => e
			);
		expect(error).toBeInstanceOf(Error);
		const logged: string[] = [];
		vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
			logged.push(args.map(String).join(' '));
		});
		const answer = await handleError({ error, event: {} as RequestEvent, status: 500, message: 'Internal Error' });
		expect(answer).toMatchObject({ message: expect.stringMatching(/Something went wrong/) });
		const line = logged.join('\n');
		expect(line).toContain((answer as { reference: string }).reference);
		expect(line).toContain('Failed query: insert into "users"');
		for (const value of [secret, 'Dawn Walker', 'dawn.walker@example.test', 'params']) expect(line).not.toContain(value);
	});
});
