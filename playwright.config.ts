import { defineConfig, devices } from '@playwright/test';
import { emptyServerPort, emptyServerURL } from './tests/e2e/empty-server';

const port = Number(process.env.E2E_PORT ?? 4173);

/** Debian's Chromium (npx playwright install cannot download here). */
const chromium = {
	executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-dev-shm-usage'
	]
};

/**
 * A given order of the spec files (scripts/e2e-shuffled.mjs sets it): one project per file, in
 * that order; with one worker Playwright runs projects in the order listed (the list reporter's
 * `[n file]` shows it), on one server, and a failing file does not stop the ones after it.
 * Unset, the files run in Playwright's own order (by name).
 */
const order = process.env.E2E_ORDER?.split(',').filter(Boolean);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const browserUse = { ...devices['Desktop Chrome'], launchOptions: chromium };
const projects = order
	? order.map((file, i) => ({
			name: `${i + 1} ${file}`,
			testMatch: new RegExp(`(^|/)${escape(file)}$`),
			use: browserUse
		}))
	: [{ name: 'chromium', use: browserUse }];

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: false,
	workers: 1,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI_REPORT_DIR
		? [
				['list'],
				[
					'json',
					{
						outputFile: `${process.env.CI_REPORT_DIR}/playwright${process.env.E2E_LANE ?? ''}.json`
					}
				]
			]
		: [['list']],
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'off',
		screenshot: 'off',
		launchOptions: chromium
	},
	projects,
	webServer: [
		{
			// A fresh embedded database with the demo data, on the built app.
			command: `node build/roundtable/e2e-serve.js`,
			url: `http://127.0.0.1:${port}/login`,
			reuseExistingServer: process.env.E2E_REUSE === '1',
			timeout: 120_000,
			// No ORIGIN, as with `npm run demo`: the server must work on plain http without it.
			env: { PORT: String(port), HOST: '127.0.0.1' },
			stdout: 'pipe',
			stderr: 'pipe'
		},
		// Started only where unit-from-empty.spec.ts may run: a lane of scripts/e2e-shuffled.mjs
		// without it says so (E2E_EMPTY_SERVER=0), and saves starting a database nobody opens.
		...(process.env.E2E_EMPTY_SERVER === '0'
			? []
			: [
					{
						// A fresh EMPTY embedded database (no demo): a unit that has just installed Roundtable
						// (tests/e2e/unit-from-empty.spec.ts starts from /setup).
						command: `node build/roundtable/e2e-serve-empty.js`,
						url: `${emptyServerURL}/setup`,
						reuseExistingServer: process.env.E2E_REUSE === '1',
						timeout: 120_000,
						// ORIGIN set, as a unit's own installation has it (README): links in mail point here.
						env: { PORT: String(emptyServerPort), HOST: '127.0.0.1', ORIGIN: emptyServerURL },
						stdout: 'pipe' as const,
						stderr: 'pipe' as const
					}
				])
	]
});
