/**
 * GET /health (issue 15): 200 { status: 'ok', database: 'ok' } on a database that answers,
 * 503 with what is wrong when it does not answer in time or refuses — through the real route
 * and the real `handle`, which must not touch sessions or the database first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import type { Database, DatabaseHandle } from './db';
import { useSharedDatabase } from './db';
import { checkHealth } from './health';
import { handle } from '../../hooks.server';
import { GET } from '../../routes/health/+server';
import { createTestDatabase } from '../../../tests/factories';

let db: DatabaseHandle;
beforeAll(async () => {
	db = await createTestDatabase();
});
afterAll(async () => {
	useSharedDatabase(null);
	await db?.close();
});

/** A database that never answers, or one that refuses every query. */
const hanging = { execute: () => new Promise(() => {}) } as unknown as Database;
const refusing = {
	execute: () =>
		Promise.reject(
			Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })
		)
} as unknown as Database;

/** GET /health through `handle` and the route, as SvelteKit serves it (no session cookie). */
async function getHealth(): Promise<Response> {
	const request = new Request('http://127.0.0.1:3000/health');
	const event = {
		request,
		url: new URL(request.url),
		locals: {},
		params: {},
		cookies: { get: () => undefined, delete: () => {} },
		getClientAddress: () => '127.0.0.1'
	} as unknown as RequestEvent;
	return handle({ event, resolve: (e) => GET(e as Parameters<typeof GET>[0]) });
}

describe('checkHealth', () => {
	it('is ok when the database answers select 1', async () => {
		expect(await checkHealth({ db: async () => db.db })).toEqual({ status: 'ok', database: 'ok' });
	});

	it('says timeout when the database does not answer within the limit, and does not wait longer', async () => {
		const started = Date.now();
		expect(await checkHealth({ db: async () => hanging, timeoutMs: 200 })).toEqual({
			status: 'degraded',
			database: 'timeout'
		});
		expect(Date.now() - started).toBeLessThan(1_000);
	});

	it('says unreachable when the database refuses, logging only the error class and code', async () => {
		const lines: string[] = [];
		expect(
			await checkHealth({ db: async () => refusing, log: (line) => lines.push(line) })
		).toEqual({ status: 'degraded', database: 'unreachable' });
		expect(lines.join('\n')).toMatch(/ECONNREFUSED/);
		expect(await checkHealth({ db: () => Promise.reject(new Error('cannot open')) })).toEqual({
			status: 'degraded',
			database: 'unreachable'
		});
	});
});

describe('GET /health', () => {
	it('answers 200 { status: ok, database: ok }, never cached', async () => {
		useSharedDatabase(db);
		const response = await getHealth();
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
		expect(response.headers.get('cache-control')).toBe('no-store');
	});

	it('answers 503 with what is wrong while the database is away, without a session or the first-run check', async () => {
		useSharedDatabase({
			db: hanging,
			driver: 'postgres',
			close: async () => {}
		});
		const started = Date.now();
		const response = await getHealth();
		expect(response.status).toBe(503);
		expect(await response.json()).toEqual({ status: 'degraded', database: 'timeout' });
		expect(Date.now() - started).toBeLessThan(5_000);
		useSharedDatabase({
			db: refusing,
			driver: 'postgres',
			close: async () => {}
		});
		const refused = await getHealth();
		expect(refused.status).toBe(503);
		expect(await refused.json()).toEqual({ status: 'degraded', database: 'unreachable' });
	});
});
