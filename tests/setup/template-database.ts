/**
 * The integration project's global setup: migrates ONE template database before any file runs,
 * so each file's `createTestDatabase()` (tests/factories.ts) copies it instead of running every
 * migration again.
 * - On the real PostgreSQL named by TEST_DATABASE_URL: `{name}__run{id}_template`, migrated here;
 *   each file's process gets `{name}__run{id}_p{pid}` (tests/setup/worker-database.ts), made with
 *   `CREATE DATABASE … TEMPLATE`. `{id}` is this run's own (the process id of vitest's main
 *   process), so two runs on one server — two engineers, or CI beside one — never use or drop each
 *   other's databases. When the run ends, its copies and its template are dropped.
 * - On PGlite: a migrated data folder dumped to a file (kept under node_modules/.cache, named by
 *   a hash of the migrations and the PGlite version, so it is made again only when they change);
 *   each file's database loads it, skipping initdb and the migrations.
 */
import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readdirSync,
	readFileSync,
	renameSync,
	writeFileSync
} from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The file holding the migrated PGlite template's dump ('' on PostgreSQL). */
		pgliteTemplate: string;
		/** This run's own part of its PostgreSQL databases' names (`runPrefix`). */
		testRun: string;
	}
}

const migrationsDir = 'drizzle';

/** This run's own id: the databases it makes carry it (see the comment at the top). */
const runId = String(process.pid);

/** The start of every database name a run makes beside the one TEST_DATABASE_URL names. */
export const runPrefix = (base: string, run: string) => `${base}__run${run}_`;

/** The run's template's name. */
export const templateName = (base: string, run: string) => `${runPrefix(base, run)}template`;

export async function setup(project: TestProject): Promise<void> {
	const shared = process.env.TEST_DATABASE_URL;
	project.provide('testRun', runId);
	if (shared) {
		await makePostgresTemplate(shared);
		project.provide('pgliteTemplate', '');
	} else {
		project.provide('pgliteTemplate', await pgliteTemplate());
	}
}

export async function teardown(): Promise<void> {
	const shared = process.env.TEST_DATABASE_URL;
	if (!shared) return;
	const base = new URL(shared).pathname.slice(1);
	const admin = postgres(shared, { max: 1, onnotice: () => {} });
	try {
		const prefix = runPrefix(base, runId).replace(/_/g, '\\_');
		const made = await admin<{ datname: string }[]>`
			select datname from pg_database where datname like ${`${prefix}%`}`;
		for (const { datname } of made)
			await admin.unsafe(`drop database if exists "${datname}" with (force)`);
	} finally {
		await admin.end();
	}
}

async function makePostgresTemplate(shared: string): Promise<void> {
	const url = new URL(shared);
	const template = templateName(url.pathname.slice(1), runId);
	const admin = postgres(shared, { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(`drop database if exists "${template}" with (force)`);
		await admin.unsafe(`create database "${template}"`);
	} finally {
		await admin.end();
	}
	url.pathname = `/${template}`;
	const { openDatabase } = await import('../../src/lib/server/db');
	const handle = await openDatabase({ url: url.toString(), migrationsDir });
	await handle.close();
}

/** The path of the migrated PGlite dump, made if the migrations or PGlite changed. */
async function pgliteTemplate(): Promise<string> {
	const hash = createHash('sha256');
	hash.update(
		JSON.parse(readFileSync('node_modules/@electric-sql/pglite/package.json', 'utf8')).version
	);
	const files = (dir: string): string[] =>
		readdirSync(dir, { withFileTypes: true })
			.flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]))
			.sort();
	for (const file of files(migrationsDir)) hash.update(file).update(readFileSync(file));
	const dir = path.resolve('node_modules/.cache/roundtable-tests');
	const file = path.join(dir, `pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
	if (existsSync(file)) return file;

	const { PGlite } = await import('@electric-sql/pglite');
	const { drizzle } = await import('drizzle-orm/pglite');
	const { migrate } = await import('drizzle-orm/pglite/migrator');
	const client = new PGlite();
	try {
		await migrate(drizzle(client, { casing: 'snake_case' }), {
			migrationsFolder: path.resolve(migrationsDir)
		});
		const dump = await client.dumpDataDir('none');
		mkdirSync(dir, { recursive: true });
		const partial = `${file}.${process.pid}`;
		writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
		renameSync(partial, file); // whole or not at all, should two runs make it at once
	} finally {
		await client.close();
	}
	return file;
}
