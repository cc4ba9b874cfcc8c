// `npm run demo`: builds the app (and the compiled server, build/roundtable/) if either is missing
// or older than its sources, then runs the compiled demo entry (server/demo.ts) in this process.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** @param {string} dir */
function newestSource(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
	}
	return newest;
}

const built = ['build/handler.js', 'build/roundtable/demo.js'].map((file) => path.resolve(file));
const sources = Math.max(
	newestSource('src'),
	newestSource('server'),
	statSync('svelte.config.js').mtimeMs,
	statSync('vite.config.ts').mtimeMs
);
if (!built.every((file) => existsSync(file) && statSync(file).mtimeMs >= sources)) {
	console.log('Building Roundtable (first run or sources changed)…');
	execFileSync(
		process.execPath,
		[path.resolve('node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
		{ stdio: 'inherit' }
	);
}
await import(pathToFileURL(path.resolve('build/roundtable/demo.js')).href);
