/**
 * How much JavaScript a page costs a phone: the compressed bytes of script the browser
 * transfers to show the meeting page, for a parent (the family view) and for the chair (the
 * room), beside the sign-in page as a peer in the same run. Cold loads (cache off), each in a
 * fresh browser context, median of BENCH_LOADS (default 3).
 *
 *   node --import tsx bench/page-weight.ts        # builds first if build/ is older than src/
 *   BENCH_BUILD=skip BENCH_LOADS=5 BENCH_PORT=4300 node --import tsx bench/page-weight.ts
 *
 * It starts the production entry on a fresh demo database (tests/e2e/serve.ts), drives Debian's
 * Chromium (CHROMIUM_PATH) through Playwright, and counts, over the Chrome DevTools Protocol,
 * every Script response's `encodedDataLength` (bytes on the wire, headers included) and its
 * decoded size; it also says how each script was compressed and whether any of them holds the
 * rich editor's code (TipTap / ProseMirror), read from the built files. Writes a table to stdout
 * and JSON to bench/results/page-weight-<time>.json. Nothing in the demo is changed.
 */
import { execSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, devices, type Browser } from '@playwright/test';
import { demoIds } from '../server/seed/demo-ids';

const root = path.resolve(import.meta.dirname, '..');
const port = Number(process.env.BENCH_PORT ?? 4310);
const base = `http://127.0.0.1:${port}`;
const loads = Math.max(1, Number(process.env.BENCH_LOADS ?? 3));
const PASSWORD = 'roundtable-demo';

/** What each scenario loads: who signs in, which page, and what shows it is ready. */
const scenarios = [
	{ name: 'Sign-in page (peer)', email: null, url: '/login', ready: 'html[data-ready="true"]' },
	{
		name: 'Family view, live meeting (other.parent@)',
		email: 'other.parent@demo.test',
		url: `/meetings/${demoIds.miaConference}`,
		ready: '[data-testid="family-view"]',
		phone: true
	},
	{
		name: 'Family view, ended review (parent@)',
		email: 'parent@demo.test',
		url: `/meetings/${demoIds.cinReviewSecond}`,
		ready: '[data-testid="family-view"]',
		phone: true
	},
	{
		name: "Chair's room, live meeting (chair@)",
		email: 'chair@demo.test',
		url: `/meetings/${demoIds.miaConference}`,
		ready: '.connection-indicator[data-status="connected"]'
	}
] as const;

function newestMtime(dir: string): number {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
	}
	return newest;
}

function buildIfNeeded() {
	const sources = Math.max(
		newestMtime(path.join(root, 'src')),
		newestMtime(path.join(root, 'server'))
	);
	const fresh = ['build/handler.js', 'build/roundtable/e2e-serve.js'].every((file) => {
		const built = path.join(root, file);
		return existsSync(built) && statSync(built).mtimeMs >= sources;
	});
	if (process.env.BENCH_BUILD === 'skip' || fresh) return;
	console.log('page-weight: building the app (vite build)…');
	execSync('npx vite build --logLevel warn', { cwd: root, stdio: 'inherit' });
}

async function startServer() {
	const child = spawn(process.execPath, ['build/roundtable/e2e-serve.js'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 240; i++) {
		if (child.exitCode !== null) throw new Error('page-weight: the server exited');
		try {
			if ((await fetch(`${base}/login`)).ok) return child;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	child.kill();
	throw new Error('page-weight: the server did not start in 2 minutes');
}

interface Load {
	transferred: number;
	decoded: number;
	scripts: { url: string; transferred: number; decoded: number; encoding: string }[];
}

async function measure(browser: Browser, scenario: (typeof scenarios)[number]): Promise<Load> {
	const context = await browser.newContext(
		'phone' in scenario ? { ...devices['Pixel 7'] } : { viewport: { width: 1280, height: 800 } }
	);
	const page = await context.newPage();
	if (scenario.email) {
		await page.goto(`${base}/login`);
		await page.locator('html[data-ready="true"]').waitFor();
		await page.getByLabel('Email address').fill(scenario.email);
		await page.getByLabel('Password').fill(PASSWORD);
		await page.getByRole('button', { name: 'Sign in' }).click();
		await page.waitForURL(/\/meetings/);
	}
	// Count from here, with the cache off: what a phone downloads on its first visit.
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	const scripts = new Map<string, Load['scripts'][number]>();
	let lastScriptEvent = Date.now();
	cdp.on('Network.requestWillBeSent', (event) => {
		if (event.type === 'Script') lastScriptEvent = Date.now();
	});
	cdp.on('Network.responseReceived', (event) => {
		if (event.type !== 'Script') return;
		lastScriptEvent = Date.now();
		const headers = Object.fromEntries(
			Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)])
		);
		scripts.set(event.requestId, {
			url: event.response.url,
			transferred: 0,
			decoded: 0,
			encoding: headers['content-encoding'] ?? 'none'
		});
	});
	cdp.on('Network.dataReceived', (event) => {
		const script = scripts.get(event.requestId);
		if (script) script.decoded += event.dataLength;
	});
	cdp.on('Network.loadingFinished', (event) => {
		const script = scripts.get(event.requestId);
		if (script) script.transferred = event.encodedDataLength;
		lastScriptEvent = Date.now();
	});
	await page.goto(`${base}${scenario.url}`);
	await page.locator(scenario.ready).first().waitFor({ timeout: 30_000 });
	// Then until no script has been asked for or arrived for 1.5 s (the socket keeps the network busy).
	await page.waitForLoadState('load');
	while (Date.now() - lastScriptEvent < 1500) await page.waitForTimeout(250);
	await context.close();
	const list = [...scripts.values()];
	return {
		transferred: list.reduce((sum, s) => sum + s.transferred, 0),
		decoded: list.reduce((sum, s) => sum + s.decoded, 0),
		scripts: list
	};
}

/** Does the built file behind a script URL hold the rich editor's code? */
function holdsEditor(url: string): boolean {
	const file = path.join(root, 'build/client', new URL(url).pathname);
	return existsSync(file) && /prosemirror|@tiptap|tiptap/i.test(readFileSync(file, 'utf8'));
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

async function main() {
	buildIfNeeded();
	const server = await startServer();
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
	});
	const results = [];
	try {
		for (const scenario of scenarios) {
			const runs: Load[] = [];
			for (let i = 0; i < loads; i++) runs.push(await measure(browser, scenario));
			const last = runs[runs.length - 1];
			results.push({
				name: scenario.name,
				url: scenario.url,
				transferred: median(runs.map((r) => r.transferred)),
				decoded: median(runs.map((r) => r.decoded)),
				scriptCount: last.scripts.length,
				encodings: [...new Set(last.scripts.map((s) => s.encoding))],
				editorScripts: last.scripts.filter((s) => holdsEditor(s.url)).map((s) => s.url),
				largest: [...last.scripts]
					.sort((a, b) => b.transferred - a.transferred)
					.slice(0, 6)
					.map((s) => ({ path: new URL(s.url).pathname, transferred: s.transferred })),
				runs: runs.map((r) => r.transferred)
			});
		}
	} finally {
		await browser.close();
		server.kill('SIGTERM');
	}
	const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
	const lines = [
		`Page weight: JavaScript transferred, median of ${loads} cold loads (${new Date().toISOString()})`,
		`Machine: ${machine}`,
		'',
		'| page | scripts | JS transferred (compressed) | JS decoded | encoding | editor code |',
		'|---|---|---|---|---|---|',
		...results.map(
			(r) =>
				`| ${r.name} | ${r.scriptCount} | ${kb(r.transferred)} | ${kb(r.decoded)} | ${r.encodings.join(', ')} | ${r.editorScripts.length ? 'yes' : 'no'} |`
		)
	];
	console.log(lines.join('\n'));
	mkdirSync(path.join(root, 'bench/results'), { recursive: true });
	const out = path.join(
		root,
		`bench/results/page-weight-${new Date().toISOString().replace(/[:.]/g, '-')}.json`
	);
	writeFileSync(out, JSON.stringify({ machine, loads, results }, null, 2));
	console.log(`\nJSON: ${path.relative(root, out)}`);
}

await main();
