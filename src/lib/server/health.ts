/**
 * GET /health: is this node well? `{ status: 'ok', database: 'ok' }` (200), or 503 saying what
 * is wrong — the database did not answer `select 1` within the limit (`timeout`) or refused
 * (`unreachable`). Load balancers and the outage test read it; it names no data and needs no
 * session.
 */
import { sql } from 'drizzle-orm';
import type { Database } from './db';
import { describeErrorSafely } from './errors';

export type DatabaseHealth = 'ok' | 'timeout' | 'unreachable';

export interface Health {
	status: 'ok' | 'degraded';
	database: DatabaseHealth;
}

/** How long `select 1` may take before the database counts as away. */
export const HEALTH_TIMEOUT_MS = 2_000;

/** Asks the database for `select 1` within the limit; never throws. */
export async function checkHealth(props: {
	db: () => Promise<Database>;
	timeoutMs?: number;
	log?: (line: string) => void;
}): Promise<Health> {
	const timeoutMs = props.timeoutMs ?? HEALTH_TIMEOUT_MS;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const timedOut = new Promise<DatabaseHealth>((resolve) => {
		timer = setTimeout(() => resolve('timeout'), timeoutMs);
	});
	const answered = (async (): Promise<DatabaseHealth> => {
		await (await props.db()).execute(sql`select 1`);
		return 'ok';
	})().catch((error: unknown) => {
		props.log?.(`health: database unreachable: ${describeErrorSafely(error, { stack: false })}`);
		return 'unreachable' as const;
	});
	try {
		const database = await Promise.race([answered, timedOut]);
		return { status: database === 'ok' ? 'ok' : 'degraded', database };
	} finally {
		clearTimeout(timer);
	}
}
