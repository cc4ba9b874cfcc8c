// Writes tests/e2e/durations.json: each browser spec file's seconds, summed over its tests, from
// Playwright JSON reports (CI writes them: $CI_REPORT_DIR/playwright{lane}.json). The shuffled
// runner (scripts/e2e-shuffled.mjs) uses it to deal the files to lanes of about equal length.
//   node scripts/e2e-durations.mjs /tmp/ci-report/playwright1.json /tmp/ci-report/playwright2.json
import { readFileSync, writeFileSync } from 'node:fs';

const reports = process.argv.slice(2);
if (reports.length === 0) {
	console.error('usage: node scripts/e2e-durations.mjs playwright1.json [playwright2.json …]');
	process.exit(2);
}
/** @type {Record<string, number>} */
const milliseconds = {};
/** Adds every result's duration of a suite, and of the suites inside it, to its file. */
function add(suite, file) {
	for (const spec of suite.specs ?? [])
		for (const test of spec.tests ?? [])
			for (const result of test.results ?? [])
				milliseconds[file] = (milliseconds[file] ?? 0) + (result.duration ?? 0);
	for (const inner of suite.suites ?? []) add(inner, file);
}
for (const report of reports)
	for (const suite of JSON.parse(readFileSync(report, 'utf8')).suites ?? [])
		// A lane's run names its files `lane1-07-notes.spec.ts` (scripts/e2e-shuffled.mjs).
		add(
			suite,
			suite.file
				.split('/')
				.pop()
				.replace(/^lane\d+-\d+-/, '')
		);
const seconds = Object.fromEntries(
	Object.entries(milliseconds)
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([file, ms]) => [file, Math.max(1, Math.round(ms / 1000))])
);
writeFileSync('tests/e2e/durations.json', JSON.stringify(seconds, null, '\t') + '\n');
console.log(`tests/e2e/durations.json: ${Object.keys(seconds).length} spec files`);
