import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Where a test lives decides how it runs (vite.config.ts): unit tests beside the code run in
// parallel and must not open a database; a test beside the code that does is named
// `*.db.test.ts` and runs with the integration files, each worker on its own database. A test
// that opened the shared database under the parallel project would empty it under another.
const self = fileURLToPath(import.meta.url);
const root = dirname(dirname(dirname(self)));

function testFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(path);
		return entry.name.endsWith('.test.ts') ? [path] : [];
	});
}

/** Signs that a test opens a database: the factories, the database module, the env variable. */
const opensDatabase = (source: string) =>
	/tests\/(factories|fixtures)|createTestDatabase|openDatabase|TEST_DATABASE_URL/.test(source);

describe('test layout', () => {
	const besideTheCode = [...testFiles(join(root, 'src')), ...testFiles(join(root, 'server'))];

	it('finds the tests beside the code', () => {
		expect(besideTheCode.length).toBeGreaterThan(30);
	});

	it('names every test beside the code that opens a database *.db.test.ts', () => {
		const misplaced = besideTheCode
			.filter((file) => file !== self && !file.endsWith('.db.test.ts'))
			.filter((file) => opensDatabase(readFileSync(file, 'utf8')))
			.map((file) => relative(root, file));
		expect(misplaced).toEqual([]);
	});

	// Files share their workers' modules (vite.config.ts: `isolate: false`), so a test that
	// replaced a module, a global or the environment for itself would change it for the files
	// that run after it in the same worker.
	it('replaces no module, global or environment variable through vitest', () => {
		const everyTest = [...besideTheCode, ...testFiles(join(root, 'tests'))];
		const replacing = everyTest
			.filter((file) => file !== self)
			.filter((file) => /\bvi\.(mock|doMock|stubGlobal|stubEnv)\(/.test(readFileSync(file, 'utf8')))
			.map((file) => relative(root, file));
		expect(replacing).toEqual([]);
	});
});
