// Runs the browser specs in a random order, to show that none depends on another having run
// first (each seeds the meetings it changes: tests/e2e/helpers.ts, copyDemoMeeting). The order
// comes from a seed, printed first, so a failing order can be run again exactly:
//   node scripts/e2e-shuffled.mjs              a new seed
//   node scripts/e2e-shuffled.mjs --seed 42    the order of seed 42
//   node scripts/e2e-shuffled.mjs --lanes 2    the files dealt in that order to two lanes
// A lane is a `playwright test` of its own with its own servers (the demo server on E2E_PORT,
// 4173 + 10 per lane, and the empty one beside it): the lanes run side by side, each one file
// at a time in its order, so no two specs ever share a server at the same moment. Most of a
// spec's time is spent waiting on pages and sockets, so two lanes use the idle core.
// Other arguments go to `playwright test`. Build first (npx vite build), as for npm run test:e2e.
import { spawn } from 'node:child_process';
import { linkSync, readFileSync, readdirSync, rmSync } from 'node:fs';

const args = process.argv.slice(2);
/** Takes `--name N` out of the arguments: its whole number, or `fallback`. */
function option(name, fallback) {
	const at = args.indexOf(name);
	if (at < 0) return fallback;
	const value = Number(args.splice(at, 2)[1]);
	if (!Number.isInteger(value) || value < 0) {
		console.error(`${name} takes a whole number, e.g. ${name} 2`);
		process.exit(2);
	}
	return value;
}
const seed = option('--seed', Math.floor(Math.random() * 2 ** 31));
const lanes = Math.max(1, option('--lanes', Number(process.env.E2E_LANES ?? 1)));

/** mulberry32: a small seeded generator, the same order for the same seed on every machine. */
function random(state) {
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

// The two rights tables run first on their server, against the demo as it loads: the register
// spec invites the GP to a conference about Mia, whom the table's "uninvited professional" must
// not see. The rest are dealt to the lanes by their length (tests/e2e/durations.json, from an
// earlier run: scripts/e2e-durations.mjs), so the lanes end together: longest first, each to the
// lane with the least so far, every length stretched or shrunk by up to 15% at random so the
// seed also changes which files share a lane. Each lane then runs its files in the seed's order.
const first = ['rights-matrix.spec.ts', 'two-units.spec.ts'];
/** A lane's hard link to a spec (playwright.config.ts): `lane1-07-notes.spec.ts`. */
const laneLink = /^lane\d+-\d+-/;
/** Removes every lane's links: the last run's, if it was stopped, and this run's when it ends. */
function removeLinks() {
	for (const f of readdirSync('tests/e2e'))
		if (laneLink.test(f)) rmSync(`tests/e2e/${f}`, { force: true });
}
removeLinks();
const rest = readdirSync('tests/e2e')
	.filter((f) => f.endsWith('.spec.ts') && !first.includes(f))
	.sort();
const next = random(seed);
/** Shuffles in place (Fisher–Yates) with the seed's generator. */
function shuffle(list) {
	for (let i = list.length - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[list[i], list[j]] = [list[j], list[i]];
	}
	return list;
}
const known = JSON.parse(readFileSync('tests/e2e/durations.json', 'utf8'));
const lengths = Object.values(known).sort((a, b) => a - b);
// A file not measured yet counts as a middling one.
const typical = lengths[Math.floor(lengths.length / 2)] ?? 10;
const laneFiles = Array.from({ length: lanes }, () => []);
const laneSeconds = Array.from({ length: lanes }, () => 0);
first.forEach((file, i) => {
	laneFiles[i % lanes].push(file);
	laneSeconds[i % lanes] += known[file] ?? typical;
});
const weighed = rest.map((file) => ({
	file,
	seconds: (known[file] ?? typical) * (0.85 + 0.3 * next())
}));
for (const { file, seconds } of weighed.sort((a, b) => b.seconds - a.seconds)) {
	const lane = laneSeconds.indexOf(Math.min(...laneSeconds));
	laneFiles[lane].push(file);
	laneSeconds[lane] += seconds;
}
// The rights tables stay first; the rest of each lane in the seed's order.
laneFiles.forEach((files) => {
	const pinned = files.filter((file) => first.includes(file)).length;
	files.splice(pinned, Infinity, ...shuffle(files.slice(pinned)));
});

console.log(
	`e2e-shuffled: seed ${seed}, ${lanes} lane${lanes > 1 ? 's' : ''} (again: node scripts/e2e-shuffled.mjs --seed ${seed} --lanes ${lanes})`
);
laneFiles.forEach((files, lane) => {
	if (lanes > 1) console.log(`  lane ${lane + 1} (about ${Math.round(laneSeconds[lane])} s):`);
	files.forEach((file, i) => console.log(`  ${String(i + 1).padStart(2)}. ${file}`));
});

/**
 * One lane's run: its files hard-linked in its order (`lane2-01-…`: one Playwright project runs
 * its files by name, in one worker with one browser), its lines prefixed with the lane when there
 * are several.
 */
function runLane(files, lane) {
	const basePort = Number(process.env.E2E_PORT ?? 4173);
	const width = String(files.length).length;
	files.forEach((file, i) =>
		linkSync(
			`tests/e2e/${file}`,
			`tests/e2e/lane${lane + 1}-${String(i + 1).padStart(width, '0')}-${file}`
		)
	);
	// A lane whose files the arguments leave out has nothing to run, and passes.
	const child = spawn('npx', ['playwright', 'test', '--pass-with-no-tests', ...args], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			E2E_LANE_PREFIX: `lane${lane + 1}-`,
			E2E_PORT: String(basePort + 10 * lane),
			E2E_LANE: lanes > 1 ? String(lane + 1) : '',
			// Only a lane with the spec that starts from an empty database starts that server.
			E2E_EMPTY_SERVER: files.includes('unit-from-empty.spec.ts') ? '1' : '0'
		}
	});
	const prefix = lanes > 1 ? `[lane ${lane + 1}] ` : '';
	for (const stream of [child.stdout, child.stderr]) {
		let pending = '';
		stream.on('data', (chunk) => {
			const lines = (pending + chunk).split('\n');
			pending = lines.pop() ?? '';
			for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
		});
		stream.on('end', () => pending && process.stdout.write(`${prefix}${pending}\n`));
	}
	return new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
}

for (const signal of ['SIGINT', 'SIGTERM'])
	process.on(signal, () => {
		removeLinks();
		process.exit(1);
	});
let codes;
try {
	codes = await Promise.all(laneFiles.map(runLane));
} finally {
	removeLinks();
}
const passed = codes.every((code) => code === 0);
console.log(`e2e-shuffled: seed ${seed} ${passed ? 'passed' : 'failed'}`);
process.exit(passed ? 0 : 1);
