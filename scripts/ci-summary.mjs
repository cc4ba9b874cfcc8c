// Adds up the JSON reports of vitest and Playwright into one plain closing line.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
	const report = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
	if ('numPassedTests' in report) {
		passed += report.numPassedTests;
		failed += report.numFailedTests;
		skipped += report.numPendingTests + (report.numTodoTests ?? 0);
	} else if (report.stats) {
		passed += report.stats.expected;
		failed += report.stats.unexpected + report.stats.flaky;
		skipped += report.stats.skipped;
	}
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
