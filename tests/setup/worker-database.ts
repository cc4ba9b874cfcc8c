/**
 * Integration files run two at a time. On PGlite each file has its own database in memory; on
 * the real PostgreSQL named by TEST_DATABASE_URL each file's process gets a database of its own
 * (`…__run{id}_p{pid}`, `{id}` the run's own: tests/setup/template-database.ts), so that one file emptying its database never pulls the rows from under another
 * file running beside it. (Vitest's pool id is not a safe key: two files running at once were
 * seen with the same one.) The database is a copy of the migrated template
 * (tests/setup/template-database.ts), made afresh by each `createTestDatabase()`; the global
 * setup's teardown drops them all when the run ends.
 */
import postgres from 'postgres';
import { inject } from 'vitest';
import { closeSharedDatabase } from '../../src/lib/server/db';
import { runPrefix, templateName } from './template-database';

// Files share their worker's modules (vite.config.ts: `isolate: false`), so the app's shared
// database may still be the one a file before this one set (`useSharedDatabase`) and closed, or
// opened from the environment: each file starts without one. A handle its file closed already
// may refuse a second close; that is nothing to stop for.
await closeSharedDatabase().catch(() => {});

const shared = process.env.TEST_DATABASE_URL;
const run = inject('testRun');

if (shared && !new URL(shared).pathname.includes('__run')) {
	const url = new URL(shared);
	const base = url.pathname.slice(1);
	const name = `${runPrefix(base, run)}p${process.pid}`;
	const admin = postgres(shared, { max: 1, onnotice: () => {} });
	try {
		const [found] = await admin`select 1 as found from pg_database where datname = ${name}`;
		if (!found)
			await admin.unsafe(`create database "${name}" template "${templateName(base, run)}"`);
	} finally {
		await admin.end();
	}
	process.env.TEST_DATABASE_ADMIN_URL = shared;
	process.env.TEST_DATABASE_TEMPLATE = templateName(base, run);
	url.pathname = `/${name}`;
	process.env.TEST_DATABASE_URL = url.toString();
}
