/**
 * Integration files run two at a time. On PGlite each file has its own database in memory; on
 * the real PostgreSQL named by TEST_DATABASE_URL each vitest worker gets a database of its own
 * (`…_w1`, `…_w2`), made here if missing, so that one file emptying its database never pulls
 * the rows from under another file running beside it.
 */
import postgres from 'postgres';

const shared = process.env.TEST_DATABASE_URL;
const worker = process.env.VITEST_POOL_ID ?? process.env.VITEST_WORKER_ID ?? '1';
const marker = '_w';

if (shared && !new URL(shared).pathname.includes(marker)) {
	const url = new URL(shared);
	const name = `${url.pathname.slice(1)}${marker}${worker}`;
	const admin = postgres(shared, { max: 1, onnotice: () => {} });
	try {
		const [found] = await admin`select 1 as found from pg_database where datname = ${name}`;
		if (!found) {
			try {
				await admin.unsafe(`create database "${name}"`);
			} catch (problem) {
				// Another worker made it a moment ago.
				if ((problem as { code?: string }).code !== '42P04') throw problem;
			}
		}
	} finally {
		await admin.end();
	}
	url.pathname = `/${name}`;
	process.env.TEST_DATABASE_URL = url.toString();
}
