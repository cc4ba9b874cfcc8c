/**
 * The integration project's global setup: when the run ends, drops the databases each file's
 * process made on the real PostgreSQL (tests/setup/worker-database.ts), so runs do not pile
 * them up.
 */
import postgres from 'postgres';

export async function teardown(): Promise<void> {
	const shared = process.env.TEST_DATABASE_URL;
	if (!shared) return;
	const base = new URL(shared).pathname.slice(1);
	const admin = postgres(shared, { max: 1, onnotice: () => {} });
	try {
		const made = await admin<{ datname: string }[]>`
			select datname from pg_database where datname like ${`${base}\\_p%`}`;
		for (const { datname } of made)
			await admin.unsafe(`drop database if exists "${datname}" with (force)`);
	} finally {
		await admin.end();
	}
}
