import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { api } from './api-client';

// The browser's one API client against a real HTTP server that answers as the API does.
let server: Server;
let base = '';
const answers: Record<string, { status: number; body: string }> = {
	'/api/ok': { status: 200, body: JSON.stringify({ saved: true }) },
	'/api/field': {
		status: 400,
		body: JSON.stringify({ message: 'Write a title.', errors: { title: 'Write a title.' } })
	},
	'/api/errors-only': { status: 400, body: JSON.stringify({ errors: { state: 'Choose one.' } }) },
	'/api/ended': {
		status: 409,
		body: JSON.stringify({
			message: 'Take the register.',
			errors: { form: 'Take the register.' },
			problems: [{ kind: 'register-not-taken' }]
		})
	},
	'/api/broken': { status: 500, body: 'Internal Error' }
};
const seen: { method?: string; type?: string; body: string }[] = [];

beforeAll(async () => {
	server = createServer((request, response) => {
		let body = '';
		request.on('data', (chunk) => (body += chunk));
		request.on('end', () => {
			seen.push({ method: request.method, type: request.headers['content-type'], body });
			const answer = answers[request.url ?? ''] ?? { status: 404, body: '{}' };
			response.writeHead(answer.status, { 'content-type': 'application/json' });
			response.end(answer.body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const viaServer: typeof fetch = (input, init) => fetch(`${base}${String(input)}`, init);

describe('api', () => {
	it('posts JSON and answers the data', async () => {
		const answer = await api<{ saved: boolean }>('/api/ok', { body: { a: 1 }, fetch: viaServer });
		expect(answer).toEqual({ ok: true, status: 200, data: { saved: true } });
		expect(seen.at(-1)).toEqual({ method: 'POST', type: 'application/json', body: '{"a":1}' });
		await api('/api/ok', { fetch: viaServer });
		expect(seen.at(-1)?.method).toBe('GET');
	});

	it('answers a refusal in one shape: status, message, field, errors, the whole body', async () => {
		const field = await api('/api/field', { body: {}, fetch: viaServer });
		expect(field).toMatchObject({
			ok: false,
			status: 400,
			message: 'Write a title.',
			field: 'title',
			errors: { title: 'Write a title.' }
		});
		const errorsOnly = await api('/api/errors-only', { body: {}, fetch: viaServer });
		expect(errorsOnly).toMatchObject({ ok: false, message: 'Choose one.', field: 'state' });
		const ended = await api('/api/ended', { body: {}, fetch: viaServer });
		expect(ended).toMatchObject({ ok: false, status: 409, message: 'Take the register.' });
		expect(ended.ok ? null : ended.field).toBeUndefined();
		expect(ended.ok ? null : ended.body.problems).toEqual([{ kind: 'register-not-taken' }]);
	});

	it('says something a person can act on when the server gives no words, or cannot be reached', async () => {
		const broken = await api('/api/broken', {
			fallback: 'That could not be saved.',
			fetch: viaServer
		});
		expect(broken).toMatchObject({ ok: false, status: 500, message: 'That could not be saved.' });
		const gone = await api('/api/ok', {
			fetch: () => Promise.reject(new TypeError('Failed to fetch'))
		});
		expect(gone).toMatchObject({
			ok: false,
			status: 0,
			message: 'The server could not be reached. Try again.'
		});
	});
});
