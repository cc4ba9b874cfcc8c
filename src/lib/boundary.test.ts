import {
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The architecture's import rules, as tests: a new import that breaks one fails CI.
//  1. Nothing under src/ imports server/: the socket server and the production entry import the
//     app's code (the record store, the policy), never the other way round.
//  2. Browser code never imports server-only code ($lib/server, *.server.ts), whether by a
//     relative path or by $lib. Browser code is every .svelte file and every module under src/
//     that is not under src/lib/server, not named *.server.ts or +server.ts, and not a test.
//  3. The domain (src/lib/domain) is plain TypeScript and imports nothing outside itself.
//  4. Nothing under src/ reaches for process-wide globals (`globalThis`, `Symbol.for`): a lower
//     layer that must reach a higher one is handed a port it owns (records/live.ts, app-link.ts).
//  5. No import cycles, types included, among the server's modules (src/lib/server, server/):
//     the record store and the socket server above all.
//  6. Routes run no SQL: nothing under src/routes imports drizzle-orm or the schema; the queries
//     live in src/lib/server beside the commands, where they are tested and reused.
const lib = dirname(fileURLToPath(import.meta.url));
const src = dirname(lib);
const root = dirname(src);
const serverOnlyFolder = join(lib, 'server');
const domainFolder = join(lib, 'domain');

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		return /\.(ts|js|svelte)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
	});
}

/** The file an import names: `x.ts`, `x/index.ts`, or the name itself (`x.svelte`, `x.js`). */
function fileOf(target: string): string | null {
	for (const candidate of [target, `${target}.ts`, join(target, 'index.ts')])
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	return null;
}

/** The import cycles among these files, each as its files in order (Tarjan's components). */
function importCycles(files: string[]): string[][] {
	const edges = new Map<string, string[]>();
	for (const file of files) {
		const targets = specifiersOf(readFileSync(file, 'utf8'))
			.map((specifier) => resolve(file, specifier))
			.map((target) => (target === null ? null : fileOf(target)))
			.filter((target): target is string => target !== null && files.includes(target));
		edges.set(file, targets);
	}
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const cycles: string[][] = [];
	const visit = (file: string) => {
		index.set(file, index.size);
		low.set(file, index.get(file)!);
		stack.push(file);
		for (const next of edges.get(file) ?? []) {
			if (!index.has(next)) {
				visit(next);
				low.set(file, Math.min(low.get(file)!, low.get(next)!));
			} else if (stack.includes(next)) {
				low.set(file, Math.min(low.get(file)!, index.get(next)!));
			}
		}
		if (low.get(file) !== index.get(file)) return;
		const component: string[] = [];
		let member: string;
		do {
			member = stack.pop()!;
			component.push(relative(root, member));
		} while (member !== file);
		if (component.length > 1 || edges.get(file)!.includes(file)) cycles.push(component.sort());
	};
	for (const file of files) if (!index.has(file)) visit(file);
	return cycles;
}

const isTest = (file: string) => /\.(test|spec)\.ts$/.test(file);
const within = (file: string, folder: string) => file === folder || file.startsWith(folder + sep);
const isServerOnly = (file: string) =>
	within(file, serverOnlyFolder) ||
	/\.server(\.(ts|js))?$/.test(file) ||
	/(^|[/\\])\+server(\.(ts|js))?$/.test(file);

/** Every module specifier a file imports or re-exports, statically or dynamically. */
function specifiersOf(source: string): string[] {
	const found: string[] = [];
	for (const match of source.matchAll(
		/^\s*(?:import|export)\b(?:[^'";]*\bfrom)?\s*['"]([^'"]+)['"]/gm
	))
		found.push(match[1]);
	for (const match of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(match[1]);
	return found;
}

/** The file a specifier names (without extension), or null for a package. */
function resolve(file: string, specifier: string): string | null {
	if (specifier === '$lib' || specifier.startsWith('$lib/'))
		return join(lib, specifier.slice('$lib'.length));
	if (specifier.startsWith('.')) return join(dirname(file), specifier);
	return null;
}

/** Each import of each source file under `folder`, resolved. */
function importsUnder(folder: string, include: (file: string) => boolean = () => true) {
	return sourceFiles(folder)
		.filter(include)
		.flatMap((file) =>
			specifiersOf(readFileSync(file, 'utf8')).map((specifier) => ({
				file: relative(root, file),
				specifier,
				target: resolve(file, specifier)
			}))
		);
}

describe('import boundaries', () => {
	it('finds the imports it checks', () => {
		// Guards the rules below against a parser that silently finds nothing.
		const svelte = importsUnder(src, (file) => file.endsWith('.svelte'));
		expect(svelte.some(({ specifier }) => specifier.startsWith('$lib/'))).toBe(true);
		expect(importsUnder(domainFolder).length).toBeGreaterThan(0);
	});

	it('nothing under src/ imports server/', () => {
		const serverFolder = join(root, 'server');
		const offending = importsUnder(src).filter(
			({ target }) => target !== null && within(target, serverFolder)
		);
		expect(offending.map(({ file, specifier }) => `${file} imports ${specifier}`)).toEqual([]);
	});

	it('browser code never imports server-only code', () => {
		const browser = (file: string) => !isServerOnly(file) && !isTest(file);
		const offending = importsUnder(src, browser).filter(
			({ target }) => target !== null && isServerOnly(target)
		);
		expect(offending.map(({ file, specifier }) => `${file} imports ${specifier}`)).toEqual([]);
	});

	it('routes run no SQL of their own', () => {
		const schema = join(lib, 'server', 'db', 'schema');
		const offending = importsUnder(join(src, 'routes')).filter(
			({ specifier, target }) =>
				specifier === 'drizzle-orm' ||
				specifier.startsWith('drizzle-orm/') ||
				(target !== null && within(target, schema))
		);
		expect(offending.map(({ file, specifier }) => `${file} imports ${specifier}`)).toEqual([]);
	});

	it('the domain imports nothing outside itself', () => {
		const offending = importsUnder(domainFolder, (file) => !isTest(file)).filter(
			({ target }) => target === null || !within(target, domainFolder)
		);
		expect(offending.map(({ file, specifier }) => `${file} imports ${specifier}`)).toEqual([]);
	});

	it('nothing under src/ reaches for a process-wide global', () => {
		const offending = sourceFiles(src)
			.filter((file) => file !== fileURLToPath(import.meta.url))
			.filter((file) => /\bglobalThis\b|\bSymbol\.for\b/.test(readFileSync(file, 'utf8')))
			.map((file) => relative(root, file));
		expect(offending).toEqual([]);
	});

	it('finds an import cycle when there is one', () => {
		// Guards the rule below against a finder that never finds anything: a type-only ring.
		const dir = mkdtempSync(join(tmpdir(), 'import-cycle-'));
		writeFileSync(join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = B[];\n");
		writeFileSync(join(dir, 'b.ts'), "import type { A } from './a';\nexport type B = A;\n");
		writeFileSync(join(dir, 'c.ts'), "import type { A } from './a';\nexport type C = A;\n");
		try {
			const cycles = importCycles(['a.ts', 'b.ts', 'c.ts'].map((name) => join(dir, name)));
			expect(cycles.map((cycle) => cycle.map((file) => basename(file)))).toEqual([
				['a.ts', 'b.ts']
			]);
		} finally {
			rmSync(dir, { recursive: true });
		}
	});

	it('the record store, the socket server and the rest of the server import no cycle', () => {
		const files = [...sourceFiles(serverOnlyFolder), ...sourceFiles(join(root, 'server'))].filter(
			(file) => file.endsWith('.ts') && !isTest(file)
		);
		expect(files.some((file) => file.includes(`${sep}collab${sep}`))).toBe(true);
		expect(importCycles(files)).toEqual([]);
	});
});
