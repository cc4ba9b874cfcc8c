import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './tests/e2e/browser';
import { emptyServerPort, emptyServerURL } from './tests/e2e/empty-server';

const port = Number(process.env.E2E_PORT ?? 4173);

/** Debian's Chromium (npx playwright install cannot download here): tests/e2e/browser.ts. */
const chromium = {
	executablePath: chromiumPath,
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-dev-shm-usage'
	]
};

/**
 * A lane of scripts/e2e-shuffled.mjs (E2E_LANE_PREFIX, e.g. `lane1-`): its spec files are
 * hard-linked beside the originals as `lane1-01-file.spec.ts`, `lane1-02-…`, in the lane's
 * (shuffled) order, and Playwright runs a project's files in the order of their names — so the
 * lane is one project, one worker and one browser, not a worker and a browser started again for
 * every file. Unset, the files run in Playwright's own order (by name), and the links of a lane
 * that was stopped half-way are never run twice.
 */
const lanePrefix = process.env.E2E_LANE_PREFIX;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const laneLink = /(^|\/)lane\d+-\d+-[^/]*\.spec\.ts$/;
const browserUse = { ...devices['Desktop Chrome'], launchOptions: chromium };
const projects = lanePrefix
	? [
			{
				name: lanePrefix.replace(/-$/, ''),
				testMatch: new RegExp(`(^|/)${escape(lanePrefix)}\\d+-[^/]*\\.spec\\.ts$`),
				use: browserUse
			}
		]
	: [{ name: 'chromium', testIgnore: laneLink, use: browserUse }];

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
