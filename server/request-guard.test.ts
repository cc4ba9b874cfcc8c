/**
 * One failed request must never end the service (issue 9, item 13). The production entry's
 * request listener, on a real HTTP server: a precompressed file that vanished after the static
 * file server (the real sirv, as adapter-node uses it) listed it, a handler that throws and one
 * that rejects each end their own request, and the server answers the next one. The process
 * policy runs in a child process: an exception thrown later by a request's own callback ends
 * that request; one outside any request is logged as fatal and the process exits.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import sirv from 'sirv';
import { guardedListener } from './request-guard';

/** One GET: the status, or 'reset' when the connection was cut. */
function get(
	url: string,
	headers: Record<string, string> = {}
): Promise<{ status: number | 'reset'; body: string }> {
	return new Promise((resolve) => {
		const request = http.get(url, { headers, agent: false }, (res) => {
			let body = '';
			res.setEncoding('latin1');
			res.on('data', (chunk: string) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
			res.on('error', () => resolve({ status: 'reset', body }));
			res.on('aborted', () => resolve({ status: 'reset', body }));
		});
		request.on('error', () => resolve({ status: 'reset', body: '' }));
	});
}

describe('a request that fails inside the production listener', () => {
	let dir: string;
	let server: http.Server;
	let base: string;
	const logged: string[] = [];

	beforeAll(async () => {
		dir = mkdtempSync(path.join(tmpdir(), 'roundtable-guard-'));
		const css = 'body { color: #0b0c0c; }\n'.repeat(50);
		for (const name of ['app.css', 'other.css']) {
			writeFileSync(path.join(dir, name), css);
			writeFileSync(path.join(dir, `${name}.br`), brotliCompressSync(css));
			writeFileSync(path.join(dir, `${name}.gz`), gzipSync(css));
		}
		// As adapter-node serves build/client: precompressed files, listed once at start.
		const assets = sirv(dir, { etag: true, gzip: true, brotli: true });
		const listener = guardedListener(
			(req, res) => {
				if (req.url === '/throws') throw new Error('handler threw');
				if (req.url === '/rejects') return Promise.reject(new Error('handler rejected'));
				assets(req, res, () => {
					res.writeHead(404).end('not found');
				});
			},
			{ log: (line) => logged.push(line) }
		);
		server = http.createServer(listener);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	});

	afterAll(async () => {
		server?.closeAllConnections();
		await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
		rmSync(dir, { recursive: true, force: true });
	});

	it('serves the compressed file while it is there', async () => {
		const answer = await get(`${base}/app.css`, { 'accept-encoding': 'br' });
		expect(answer.status).toBe(200);
	});

	it('ends only the request for a compressed file that disappeared, and goes on serving', async () => {
		unlinkSync(path.join(dir, 'app.css.br'));
		const failed = await get(`${base}/app.css`, { 'accept-encoding': 'br' });
		expect(failed.status === 'reset' || failed.status === 500).toBe(true);
		expect(
			logged.some(
				(line) => line.startsWith('[request failed] GET /app.css: ') && line.includes('ENOENT')
			)
		).toBe(true);
		expect(logged.join('\n')).not.toContain(dir); // the error's quoted path stays out of the log
		// The process is alive and the next requests are answered.
		expect((await get(`${base}/app.css`, { 'accept-encoding': 'gzip' })).status).toBe(200);
		expect((await get(`${base}/other.css`, { 'accept-encoding': 'br' })).status).toBe(200);
	});

	it('answers 500 for a handler that throws or rejects, and the next request still works', async () => {
		for (const url of ['/throws', '/rejects']) {
			const answer = await get(`${base}${url}`);
			expect(answer.status).toBe(500);
			expect(answer.body).toMatch(/Something went wrong on our side/);
		}
		expect(
			logged.some((line) => line.startsWith('[request failed] GET /throws: Error: handler threw'))
		).toBe(true);
		expect(
			logged.some((line) =>
				line.startsWith('[request failed] GET /rejects: Error: handler rejected')
			)
		).toBe(true);
		expect((await get(`${base}/other.css`)).status).toBe(200);
	});
});

describe('the process policy for errors nobody caught', () => {
	let dir: string;
	let child: ReturnType<typeof spawn> | null = null;

	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'roundtable-guard-process-'));
	});
	afterEach(() => {
		if (child && child.exitCode === null) child.kill();
		child = null;
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('ends a request whose own callback throws later, keeps serving, and exits on an error outside any request', async () => {
		const guard = pathToFileURL(path.resolve('server/request-guard.ts')).href;
		const script = path.join(dir, 'serve.mjs');
		writeFileSync(
			script,
			`import http from 'node:http';
import { guardedListener, installProcessGuards } from ${JSON.stringify(guard)};
installProcessGuards();
const server = http.createServer(guardedListener((req, res) => {
	if (req.url === '/throws-later') setTimeout(() => { throw new Error('thrown from a timer'); }, 5);
	else if (req.url === '/rejects-later') setTimeout(() => { Promise.reject(new Error('rejected in a timer')); }, 5);
	else res.end('ok');
}));
server.listen(0, '127.0.0.1', () => console.log('port ' + server.address().port));
process.stdin.on('data', () => { throw new Error('outside any request'); });
`
		);
		child = spawn(process.execPath, ['--import', 'tsx', script], {
			cwd: process.cwd(),
			stdio: ['pipe', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout!.on('data', (chunk) => (stdout += chunk));
		child.stderr!.on('data', (chunk) => (stderr += chunk));
		const exited = new Promise<number | null>((resolve) =>
			child!.on('exit', (code) => resolve(code))
		);
		const deadline = Date.now() + 20_000;
		while (!/port \d+/.test(stdout)) {
			if (Date.now() > deadline || child.exitCode !== null)
				throw new Error(`child did not start: ${stderr}`);
			await new Promise((r) => setTimeout(r, 50));
		}
		const base = `http://127.0.0.1:${/port (\d+)/.exec(stdout)![1]}`;

		for (const url of ['/throws-later', '/rejects-later']) {
			const answer = await get(`${base}${url}`);
			expect(answer.status).toBe(500);
			expect((await get(`${base}/ok`)).body).toBe('ok');
		}
		// Through the structured log (JSON lines on standard output).
		expect(stdout).toMatch(
			/"level":50,.*"component":"server".*"msg":"\[request failed\] GET \/throws-later/
		);
		expect(stdout).toMatch(
			/\[request failed\] GET \/throws-later \(uncaught exception\): Error: thrown from a timer/
		);
		expect(stdout).toMatch(
			/\[request failed\] GET \/rejects-later \(unhandled rejection\): Error: rejected in a timer/
		);
		expect(child.exitCode).toBeNull();

		child.stdin!.write('x\n');
		expect(await exited).toBe(1);
		expect(stdout).toMatch(
			/\[fatal\] uncaught exception outside any request: Error: outside any request/
		);
	});
});
