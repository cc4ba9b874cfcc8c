/**
 * The people import at its cap (issue 20, item 5): a CSV file of IMPORT_MAX_ROWS people.
 *   node --import tsx bench/people-import.ts   (BENCH_RUNS=5; BENCH_DATABASE_URL for PostgreSQL;
 *                                               BENCH_BEFORE=1 also times one row at a time, as before)
 * Each run imports a fresh file through `importPeople` (parse, check every row, one query for
 * the addresses taken, then accounts, set-up links, emails and audit entries in one
 * transaction) while a setTimeout(0) ping measures how long the event loop is held and a plain
 * query is timed again and again beside it (another person's request). As a same-run peer it
 * times a bare drizzle multi-row insert of the same people into `users` alone, in one
 * statement — the least any import of these rows could cost. Reports medians and the ratio.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/lib/server/db';
import { agencies, users, type User } from '../src/lib/server/db/schema';
import { IMPORT_MAX_ROWS, importPeople } from '../src/lib/server/people/import';
import { personInput } from '../src/lib/server/people/people';
import { insertPerson } from '../src/lib/server/people/commands/insert-person';
import type { Viewer } from '../src/lib/policy';
import { makeUnit, makeUser } from '../tests/factories';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** Addresses of this run, so a database used before can be used again. */
const SUITE = Date.now().toString(36);

function peopleRows(prefix: string) {
	return Array.from({ length: IMPORT_MAX_ROWS }, (_, i) => ({
		name: `Person ${i + 1} ${prefix}`,
		email: `${prefix}.${i + 1}.${SUITE}@unit.example.test`,
		role: i % 3 === 0 ? 'professional' : 'business support',
		agency: i % 3 === 0 ? 'Northshire Police' : ''
	}));
}

const csvOf = (rows: ReturnType<typeof peopleRows>) =>
	['name,email,role,agency', ...rows.map((r) => `${r.name},${r.email},${r.role},${r.agency}`)].join(
		'\n'
	);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n: number) => `${n.toFixed(0)} ms`;

/** Runs `work` while pinging the loop and timing a plain query beside it. */
async function beside<T>(db: Database, work: () => Promise<T>) {
	let running = true;
	let loopMax = 0;
	let queryMax = 0;
	const ping = (async () => {
		while (running) {
			const at = performance.now();
			await new Promise((resolve) => setTimeout(resolve, 0));
			loopMax = Math.max(loopMax, performance.now() - at);
		}
	})();
	const query = (async () => {
		while (running) {
			const at = performance.now();
			await db.execute(sql`select count(*) from ${agencies}`);
			queryMax = Math.max(queryMax, performance.now() - at);
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
	})();
	const at = performance.now();
	const result = await work();
	const took = performance.now() - at;
	running = false;
	await Promise.all([ping, query]);
	return { result, took, loopMax, queryMax };
}

function viewerOf(user: User): Viewer {
	return { id: user.id, role: user.role, unitId: user.unitId };
}

async function main() {
	const url = process.env.BENCH_DATABASE_URL;
	const dataDir = url ? null : mkdtempSync(path.join(os.tmpdir(), 'roundtable-bench-import-'));
	const handle = await openDatabase(
		url ? { url, migrationsDir: 'drizzle' } : { dataDir: dataDir!, migrationsDir: 'drizzle' }
	);
	const { db } = handle;
	const unit = await makeUnit(db, `Bench unit ${SUITE}`);
	const admin = viewerOf(await makeUser(db, { role: 'admin', unitId: unit.id }));
	const [police] = await db
		.insert(agencies)
		.values({ unitId: unit.id, name: 'Northshire Police', kind: 'police' })
		.returning();
	const imports: number[] = [];
	const peers: number[] = [];
	const loops: number[] = [];
	const queries: number[] = [];
	try {
		for (let run = 0; run <= RUNS; run++) {
			const rows = peopleRows(`import${run}`);
			const measured = await beside(db, () =>
				importPeople({ db, viewer: admin, csv: csvOf(rows) })
			);
			if (!measured.result?.ok || measured.result.created !== IMPORT_MAX_ROWS)
				throw new Error(`the import failed: ${JSON.stringify(measured.result)}`);
			const same = peopleRows(`peer${run}`);
			const t = performance.now();
			await db.insert(users).values(
				same.map((r) => ({
					id: randomUUID(),
					unitId: unit.id,
					name: r.name,
					email: r.email,
					role: r.role === 'professional' ? ('professional' as const) : ('admin' as const),
					agencyId: r.agency ? police.id : null,
					passwordHash: ''
				}))
			);
			const peer = performance.now() - t;
			if (run > 0) {
				imports.push(measured.took);
				peers.push(peer);
				loops.push(measured.loopMax);
				queries.push(measured.queryMax);
			}
			console.log(
				`run ${run}${run === 0 ? ' (warm-up)' : ''}: import ${ms(measured.took)} (loop held at most ${ms(measured.loopMax)}, a query beside it waited at most ${ms(measured.queryMax)}); bare insert ${ms(peer)}`
			);
		}
		console.log(
			`\n${IMPORT_MAX_ROWS} people, ${RUNS} runs, ${url ? 'PostgreSQL' : 'PGlite'}: import median ${ms(median(imports))}, ` +
				`bare multi-row insert median ${ms(median(peers))}, ratio ${(median(imports) / median(peers)).toFixed(1)}×; ` +
				`loop held at most ${ms(median(loops))} (median of runs' maxima), a query beside it waited at most ${ms(median(queries))} (median of maxima)`
		);
		if (process.env.BENCH_BEFORE) {
			// As before issue 20: every row inserted one at a time, in one transaction.
			const people = peopleRows('before').map((r) =>
				personInput.parse({
					name: r.name,
					email: r.email,
					role: r.role === 'professional' ? 'professional' : 'admin',
					agencyId: r.agency ? police.id : null
				})
			);
			const measured = await beside(db, () =>
				db.transaction(async (tx) => {
					for (const person of people)
						await insertPerson({ db: tx, viewer: admin, unitId: unit.id, person, via: 'import' });
				})
			);
			console.log(
				`one row at a time (as before): ${ms(measured.took)} (loop held at most ${ms(measured.loopMax)}, a query beside it waited at most ${ms(measured.queryMax)})`
			);
		}
	} finally {
		await handle.close();
		if (dataDir) rmSync(dataDir, { recursive: true, force: true });
	}
}

await main();
