import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { checkHealth } from '$lib/server/health';
import type { RequestHandler } from './$types';

/** → 200 { status: 'ok', database: 'ok' }, or 503 { status: 'degraded', database: 'timeout' | 'unreachable' }. */
export const GET: RequestHandler = async () => {
	const health = await checkHealth({ db: database });
	return json(health, { status: health.status === 'ok' ? 200 : 503 });
};
