/**
 * The embedded database off the event loop (./embedded.ts, ./pglite-worker.mjs): PGlite on a
 * worker thread behind its socket server, reached with postgres.js as the production entry
 * reaches it. The folder is the tests' migrated template, written by the in-process PGlite, so
 * the test also shows that a folder made in-process opens on the thread. PGlite only (on the
 * PostgreSQL run there is no template folder, and the PGlite run covers it).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { eq, inArray, sql } from 'drizzle-orm';
import { openDatabase, type DatabaseHandle } from './index';
import { units } from './schema';

const template = inject('pgliteTemplate');
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!template)('the embedded database on its worker thread', () => {
	let dataDir: string;
	let socketsDir: string;
	let handle: DatabaseHandle;
	// Files share a worker (isolate: false): the temporary folder is given back as it was, or the
	// next file's temporary folders would be made in this one after it is removed.
	const tmpdirBefore = process.env.TMPDIR;

	beforeAll(async () => {
		dataDir = mkdtempSync(path.join(tmpdir(), 'roundtable-embedded-'));
		// The socket's private folder is made in the temporary folder: this file's own, to watch it.
		socketsDir = mkdtempSync(path.join(tmpdir(), 'roundtable-embedded-sockets-'));
		process.env.TMPDIR = socketsDir;
		const { PGlite } = await import('@electric-sql/pglite');
		const made = new PGlite(dataDir, {
			loadDataDir: new Blob([await readFile(template)])
		});
		await made.waitReady;
		await made.close();
		handle = await openDatabase({ dataDir, offTheEventLoop: true, migrationsDir: 'drizzle' });
	});

	afterAll(async () => {
		await handle?.close();
		if (tmpdirBefore === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = tmpdirBefore;
		for (const dir of [dataDir, socketsDir]) if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it('is reached with postgres.js, the migrations already applied', async () => {
		expect(handle.driver).toBe('pglite-worker');
		const rows = await handle.db.execute(
			sql`select count(*)::int as n from drizzle.__drizzle_migrations`
		);
		const journal = JSON.parse(readFileSync('drizzle/meta/_journal.json', 'utf8'));
		expect((rows as unknown as { n: number }[])[0].n).toBe(journal.entries.length);
	});

	it('never interleaves two transactions, nor a query with a transaction', async () => {
		const { db } = handle;
		const tag = `interleave-${Date.now()}`;
		const names = (suffix: string) => `${tag}-${suffix}`;
		let seenDuringFirst: number | undefined;
		const first = db
			.transaction(async (tx) => {
				await tx.insert(units).values({ name: names('a1') });
				await delay(200); // the connection is held meanwhile: the others must wait
				await tx.insert(units).values({ name: names('a2') });
				throw new Error('rolled back on purpose');
			})
			.catch((error: Error) => error.message);
		await delay(20);
		const second = db.transaction(async (tx) => {
			await tx.insert(units).values({ name: names('b1') });
			await tx.insert(units).values({ name: names('b2') });
		});
		const outside = db
			.select({ n: sql<number>`count(*)::int` })
			.from(units)
			.where(inArray(units.name, [names('a1'), names('a2')]))
			.then(([row]) => (seenDuringFirst = row.n));
		expect(await first).toBe('rolled back on purpose');
		await Promise.all([second, outside]);
		// Had the second transaction or the plain query run inside the first one's session, the
		// second's rows would have gone with its rollback, and the query would have seen a1.
		expect(seenDuringFirst).toBe(0);
		const stored = await db
			.select({ name: units.name })
			.from(units)
			.where(inArray(units.name, ['a1', 'a2', 'b1', 'b2'].map(names)));
		expect(stored.map((row) => row.name).sort()).toEqual([names('b1'), names('b2')]);
		await db.delete(units).where(inArray(units.name, [names('b1'), names('b2')]));
		expect(
			await db
				.select()
				.from(units)
				.where(eq(units.name, names('b1')))
		).toEqual([]);
	});

	it('keeps the event loop free while a statement runs', async () => {
		let last = performance.now();
		let longestGap = 0;
		const ticker = setInterval(() => {
			const now = performance.now();
			longestGap = Math.max(longestGap, now - last);
			last = now;
		}, 10);
		try {
			// A second of the database's own work: in-process PGlite would hold the loop throughout.
			await handle.db.execute(sql`select pg_sleep(1)`);
		} finally {
			clearInterval(ticker);
		}
		expect(longestGap).toBeLessThan(500);
	});

	it('stops cleanly: the socket folder is removed, and the folder opens again with what was written', async () => {
		await handle.db.insert(units).values({ name: 'kept across a restart' });
		expect(readdirSync(socketsDir)).toHaveLength(1);
		await handle.close();
		expect(readdirSync(socketsDir)).toEqual([]);
		handle = await openDatabase({ dataDir, offTheEventLoop: true, migrationsDir: 'drizzle' });
		const rows = await handle.db
			.select()
			.from(units)
			.where(eq(units.name, 'kept across a restart'));
		expect(rows).toHaveLength(1);
	});
});
