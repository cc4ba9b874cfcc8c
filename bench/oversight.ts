/**
 * The oversight dashboard on a generated year of a unit's work (issue 14: under 300 ms).
 *   node --import tsx bench/oversight.ts      (BENCH_RUNS=9; BENCH_DATABASE_URL for PostgreSQL too)
 * Loads the demo and its generated year (server/seed/year.ts: about 1,500 meetings and 10,000
 * participants) into a fresh PGlite data folder, and into PostgreSQL when BENCH_DATABASE_URL is
 * set, then times what /oversight does for the 12 months (every figure, counted in the
 * database, then its tables) and what the quarterly report does (two quarters), beside two
 * same-run peers: a bare `select count(*) from meetings` and a count over every participant.
 * Prints the medians (a warm-up run left out) and writes them to bench/results/.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../src/lib/server/db';
import { meetingParticipants, meetings } from '../src/lib/server/db/schema';
import { seedDemo } from '../server/seed/demo';
import { demoIds } from '../server/seed/demo-ids';
import { oversightFigures } from '../src/lib/server/oversight/figures';
import { oversightTables } from '../src/lib/oversight/tables';
import { previousQuarter, quarterOf, quarterPeriod } from '../src/lib/server/oversight/period';
import { addDays, addMonths, calendarDateOf } from '../src/lib/domain/calendar-date';

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const TARGET_MS = 300;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
	const t = performance.now();
	const result = await work();
	return [result, performance.now() - t];
}

async function measure(driver: string, db: Database) {
	const today = calendarDateOf(new Date());
	const [, seedMs] = await timed(() => seedDemo({ db, year: true }));
	const [[{ n: meetingCount }]] = await Promise.all([db.select({ n: count() }).from(meetings)]);
	const [{ n: participantCount }] = await db.select({ n: count() }).from(meetingParticipants);
	const from = addDays(addMonths(today, -12), 1);
	const quarter = quarterOf(addMonths(today, -3));
	const rows = {
		dashboard: [] as number[],
		quarterly: [] as number[],
		countMeetings: [] as number[],
		countParticipants: [] as number[]
	};
	for (let run = 0; run <= RUNS; run++) {
		const [, dashboard] = await timed(async () =>
			oversightTables(await oversightFigures({ db, unitId: demoIds.unit, from, to: today }))
		);
		const [, quarterly] = await timed(async () => {
			const [now, before] = await Promise.all([
				oversightFigures({ db, unitId: demoIds.unit, ...quarterPeriod(quarter)! }),
				oversightFigures({ db, unitId: demoIds.unit, ...quarterPeriod(previousQuarter(quarter))! })
			]);
			return oversightTables(now, before);
		});
		const [, countMeetings] = await timed(() => db.execute(sql`select count(*) from meetings`));
		const [, countParticipants] = await timed(() =>
			db.execute(sql`select count(*) from meeting_participants`)
		);
		console.log(
			`${driver} run ${run}${run === 0 ? ' (warm-up)' : ''}: dashboard ${dashboard.toFixed(1)} ms, quarterly ${quarterly.toFixed(1)} ms; count(*) meetings ${countMeetings.toFixed(1)} ms, participants ${countParticipants.toFixed(1)} ms`
		);
		if (run === 0) continue;
		rows.dashboard.push(dashboard);
		rows.quarterly.push(quarterly);
		rows.countMeetings.push(countMeetings);
		rows.countParticipants.push(countParticipants);
	}
	return {
		driver,
		seedMs: Math.round(seedMs),
		meetings: meetingCount,
		participants: participantCount,
		runs: RUNS,
		medianMs: Object.fromEntries(
			Object.entries(rows).map(([k, v]) => [k, Math.round(median(v) * 10) / 10])
		),
		allMs: Object.fromEntries(
			Object.entries(rows).map(([k, v]) => [k, v.map((x) => Math.round(x))])
		)
	};
}

const machine = {
	cpu: os.cpus()[0]?.model ?? 'unknown',
	cores: os.cpus().length,
	memoryGiB: Math.round(os.totalmem() / 2 ** 30),
	node: process.version,
	platform: `${os.platform()} ${os.release()}`,
	loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100)
};
const results = [];
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'roundtable-bench-oversight-'));
try {
	const pglite = await openDatabase({ dataDir, migrationsDir: 'drizzle' });
	try {
		results.push(await measure('pglite', pglite.db));
	} finally {
		await pglite.close();
	}
	if (process.env.BENCH_DATABASE_URL) {
		const pg = await openDatabase({
			url: process.env.BENCH_DATABASE_URL,
			migrationsDir: 'drizzle'
		});
		try {
			results.push(await measure('postgresql', pg.db));
		} finally {
			await pg.close();
		}
	}
} finally {
	rmSync(dataDir, { recursive: true, force: true });
}
const report = {
	at: new Date().toISOString(),
	targetMs: TARGET_MS,
	machine: { ...machine, loadAverageAtEnd: os.loadavg().map((x) => Math.round(x * 100) / 100) },
	results
};
const lines = [
	`# Oversight dashboard, ${report.at}`,
	'',
	`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}; load average ${machine.loadAverageAtStart.join(' ')} at start, ${report.machine.loadAverageAtEnd.join(' ')} at end.`,
	'',
	'| Database | Meetings | Participants | Seed (ms) | Dashboard median (ms) | Quarterly median (ms) | count(*) meetings (ms) | count(*) participants (ms) | Target 300 ms |',
	'| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
	...results.map(
		(r) =>
			`| ${r.driver} | ${r.meetings} | ${r.participants} | ${r.seedMs} | ${r.medianMs.dashboard} | ${r.medianMs.quarterly} | ${r.medianMs.countMeetings} | ${r.medianMs.countParticipants} | ${r.medianMs.dashboard <= TARGET_MS ? 'met' : `missed by ${Math.round(r.medianMs.dashboard - TARGET_MS)} ms`} |`
	)
];
console.log(lines.join('\n'));
mkdirSync('bench/results', { recursive: true });
const stamp = report.at.replace(/[:.]/g, '-');
writeFileSync(`bench/results/oversight-${stamp}.json`, JSON.stringify(report, null, 2));
writeFileSync(`bench/results/oversight-${stamp}.md`, lines.join('\n') + '\n');
