// Runs the browser specs in a random order, to show that none depends on another having run
// first (each seeds the meetings it changes: tests/e2e/helpers.ts, copyDemoMeeting). The order
// comes from a seed, printed first, so a failing order can be run again exactly:
//   node scripts/e2e-shuffled.mjs              a new seed
//   node scripts/e2e-shuffled.mjs --seed 42    the order of seed 42
// Other arguments go to `playwright test`. Build first (npx vite build), as for npm run test:e2e.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const args = process.argv.slice(2);
const at = args.indexOf('--seed');
const seed = at >= 0 ? Number(args.splice(at, 2)[1]) : Math.floor(Math.random() * 2 ** 31);
if (!Number.isInteger(seed)) {
	console.error('--seed takes a whole number, e.g. --seed 42');
	process.exit(2);
}

/** mulberry32: a small seeded generator, the same order for the same seed on every machine. */
function random(state) {
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

// The two rights tables run first, against the demo as it loads: the register spec invites the
// GP to a conference about Mia, whom the table's "uninvited professional" must not see. The rest
// run in the seed's order.
const first = ['rights-matrix.spec.ts', 'two-units.spec.ts'];
const rest = readdirSync('tests/e2e')
	.filter((f) => f.endsWith('.spec.ts') && !first.includes(f))
	.sort();
const next = random(seed);
for (let i = rest.length - 1; i > 0; i--) {
	const j = Math.floor(next() * (i + 1));
	[rest[i], rest[j]] = [rest[j], rest[i]];
}
const files = [...first, ...rest];

console.log(`e2e-shuffled: seed ${seed} (again: node scripts/e2e-shuffled.mjs --seed ${seed})`);
files.forEach((file, i) => console.log(`  ${String(i + 1).padStart(2)}. ${file}`));
const run = spawnSync('npx', ['playwright', 'test', ...args], {
	stdio: 'inherit',
	env: { ...process.env, E2E_ORDER: files.join(',') }
});
console.log(`e2e-shuffled: seed ${seed} ${run.status === 0 ? 'passed' : 'failed'}`);
process.exit(run.status ?? 1);
