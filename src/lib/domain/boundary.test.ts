import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Habit 1: the domain is plain TypeScript. Routes, the socket and plain Node scripts import it,
// so it must not pull in Svelte, SvelteKit aliases, the database or the socket.
// The vocabulary lives here and the schema imports it, never the other way round.
const here = dirname(fileURLToPath(import.meta.url));

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory()
			? sourceFiles(join(dir, entry.name))
			: entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
				? [join(dir, entry.name)]
				: []
	);
}

describe('the domain folder', () => {
	it('imports only itself, not even types from outside', () => {
		for (const file of sourceFiles(here)) {
			const source = readFileSync(file, 'utf8');
			for (const match of source.matchAll(
				/^(?:import|export)\b(?:[^'";]*\bfrom)?\s*['"]([^'"]+)['"]/gm
			)) {
				const [, specifier] = match;
				const name = relative(here, file);
				expect(specifier.startsWith('.'), `${name} imports ${specifier}`).toBe(true);
				const resolved = relative(here, join(dirname(file), specifier));
				expect(resolved.startsWith('..'), `${name} imports ${specifier}, outside the domain`).toBe(
					false
				);
			}
		}
	});
});
