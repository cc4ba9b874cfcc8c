import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { env } from '../env';

/** The drizzle database, whichever driver is behind it. Transactions are one too. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
	db: Database;
	/** `pglite-worker`: PGlite on a worker thread, reached with postgres.js (./embedded.ts). */
	driver: 'pglite' | 'pglite-worker' | 'postgres';
	close(): Promise<void>;
}

export interface OpenDatabaseProps {
	/** postgres://… for a real server; otherwise the embedded PGlite is used. */
	url?: string;
	/** PGlite data folder; omit (with no url) for an in-memory database. */
	dataDir?: string;
	/**
	 * A dump of a PGlite data folder (`dumpDataDir`) to start the in-memory database from: the
	 * tests' migrated template (tests/setup/template-database.ts), which skips initdb.
	 */
	loadDataDir?: Blob;
	migrationsDir?: string;
	/**
	 * With dataDir: run PGlite on a worker thread and reach it through its socket server with
	 * postgres.js, as PostgreSQL is reached (the production entry; docs/performance.md).
	 */
	offTheEventLoop?: boolean;
}

/** A database that cannot be reached; its message is one line a person can act on. */
export class DatabaseUnavailableError extends Error {}

function describeUrl(url: string): string {
	try {
		const u = new URL(url);
		return `${u.hostname}:${u.port || '5432'}${u.pathname}`; // never the password
	} catch {
		return 'the DATABASE_URL server';
	}
}

/** Opens a database and brings its schema up to date. */
export async function openDatabase(props: OpenDatabaseProps = {}): Promise<DatabaseHandle> {
	const migrationsFolder = path.resolve(props.migrationsDir ?? env().MIGRATIONS_DIR);
	if (props.url) {
		const { default: postgres } = await import('postgres');
		const client = postgres(props.url, {
			max: 10,
			connect_timeout: 5,
			onnotice: () => {} // migrations' "already exists, skipping" notices are noise
		});
		try {
			await client`select 1`;
		} catch (error) {
			await client.end({ timeout: 1 }).catch(() => {});
			const code = (error as { code?: string }).code ?? (error as Error).message;
			throw new DatabaseUnavailableError(
				`Roundtable cannot reach PostgreSQL at ${describeUrl(props.url)} (${code}). Start the database server or correct DATABASE_URL.`
			);
		}
		// Several nodes may start at once: one migrates at a time, on its own connection.
		const migrator = postgres(props.url, { max: 1, connect_timeout: 5, onnotice: () => {} });
		try {
			await migrator`select pg_advisory_lock(727274)`;
			await migrateOver(migrator, migrationsFolder);
		} finally {
			await migrator.end({ timeout: 5 });
		}
		return {
			db: await overPostgresJs(client),
			driver: 'postgres',
			close: () => client.end({ timeout: 5 })
		};
	}

	if (props.dataDir) mkdirSync(props.dataDir, { recursive: true });
	if (props.dataDir && props.offTheEventLoop) {
		// PGlite on a worker thread behind its socket server; postgres.js over one connection,
		// since the socket server runs every connection on PGlite's one session.
		const { startEmbeddedServer } = await import('./embedded');
		const embedded = await startEmbeddedServer(
			path.resolve(props.dataDir),
			env().PGLITE_SHARED_BUFFERS
		);
		const { default: postgres } = await import('postgres');
		const client = postgres({
			path: embedded.socketPath,
			username: 'postgres',
			database: 'postgres',
			max: 1,
			connect_timeout: 5,
			onnotice: () => {}
		});
		try {
			await migrateOver(client, migrationsFolder);
		} catch (error) {
			await client.end({ timeout: 1 }).catch(() => {});
			await embedded.stop();
			throw error;
		}
		return {
			db: await overPostgresJs(client),
			driver: 'pglite-worker',
			async close() {
				await client.end({ timeout: 5 });
				await embedded.stop();
			}
		};
	}

	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	const client = props.dataDir
		? new PGlite(props.dataDir)
		: new PGlite(props.loadDataDir ? { loadDataDir: props.loadDataDir } : {});
	await client.waitReady;
	const db = drizzle(client, { schema, casing: 'snake_case' });
	await migrate(db, { migrationsFolder });
	return {
		db: db as unknown as Database,
		driver: 'pglite',
		close: () => client.close()
	};
}

/** The app's drizzle over a postgres.js client: PostgreSQL's, or the embedded server's. */
async function overPostgresJs(client: import('postgres').Sql): Promise<Database> {
	const { drizzle } = await import('drizzle-orm/postgres-js');
	return drizzle(client, { schema, casing: 'snake_case' }) as unknown as Database;
}

async function migrateOver(client: import('postgres').Sql, migrationsFolder: string) {
	const { drizzle } = await import('drizzle-orm/postgres-js');
	const { migrate } = await import('drizzle-orm/postgres-js/migrator');
	await migrate(drizzle(client, { casing: 'snake_case' }), { migrationsFolder });
}

let shared: Promise<DatabaseHandle> | undefined;

/**
 * The process's one database, opened from the environment on first use. In production the
 * entry opens it and hands the same handle to the SvelteKit bundle's copy of this module
 * (`useSharedDatabase`, through src/lib/server/app-link.ts): PGlite allows one opener of a
 * data folder. The entries (`npm start`, `npm run demo`, the browser tests' servers) open the
 * embedded database on its worker thread (`offTheEventLoop`); the first call decides.
 */
export function sharedDatabase(
	options: Pick<OpenDatabaseProps, 'offTheEventLoop'> = {}
): Promise<DatabaseHandle> {
	if (!shared) {
		const { DATABASE_URL, DATA_DIR } = env();
		const opening = openDatabase(
			DATABASE_URL
				? { url: DATABASE_URL }
				: { dataDir: path.resolve(DATA_DIR, 'pglite'), ...options }
		);
		shared = opening;
		opening.catch(() => {
			if (shared === opening) shared = undefined; // let a later call try again
		});
	}
	return shared;
}

/**
 * Makes this handle the shared database of this copy of the module (the production entry's,
 * or a test's); null forgets it without closing it.
 */
export function useSharedDatabase(handle: DatabaseHandle | Promise<DatabaseHandle> | null): void {
	shared = handle === null ? undefined : Promise.resolve(handle);
}

/** The shared drizzle instance. */
export async function database(): Promise<Database> {
	return (await sharedDatabase()).db;
}

/** Closes the shared database (shutdown, tests). */
export async function closeSharedDatabase(): Promise<void> {
	const pending = shared;
	shared = undefined;
	if (pending) await (await pending).close();
}

export { schema };
