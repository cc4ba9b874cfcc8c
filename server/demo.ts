/**
 * `npm run demo`: builds the app if it is missing or older than its sources, loads the demo
 * data into the database (embedded by default) and starts the server.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { sharedDatabase } from '../src/lib/server/db';
import { seedDemo, demoLogins, DEMO_PASSWORD } from './seed/demo';
import { main } from './index';

function newestSource(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
	}
	return newest;
}

function buildIfNeeded(): void {
	const built = path.resolve('build/handler.js');
	const sources = Math.max(
		newestSource('src'),
		statSync('svelte.config.js').mtimeMs,
		statSync('vite.config.ts').mtimeMs
	);
	if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
	console.log('Building Roundtable (first run or sources changed)…');
	execFileSync(
		process.execPath,
		[path.resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
		{ stdio: 'inherit' }
	);
}

buildIfNeeded();
try {
	const { db } = await sharedDatabase();
	// With a generated year of the unit's work, so the oversight pages are never empty.
	const { created } = await seedDemo({ db, year: true });
	console.log(created ? 'Loaded the demo data.' : 'Demo data already loaded.');
} catch (error) {
	console.error((error as Error).message);
	process.exit(1);
}
await main();
console.log(`Demo sign-ins (password "${DEMO_PASSWORD}"):`);
for (const login of demoLogins) console.log(`  ${login.email.padEnd(26)} ${login.role}`);
