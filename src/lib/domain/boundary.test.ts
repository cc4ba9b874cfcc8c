import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Habit 1: the domain is plain TypeScript. Routes, the socket and plain Node scripts import it,
// so it must not pull in Svelte, SvelteKit aliases, the database or the socket.
const here = dirname(fileURLToPath(import.meta.url));
// Paths relative to this folder.
const typeOnlyOutside = ['../server/db/schema/meetings', '../collab/roots'];

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [join(dir, entry.name)] : []
	);
}

describe('the domain folder', () => {
	it('imports only itself, plus types from the schema and the record roots', () => {
		for (const file of sourceFiles(here)) {
			const source = readFileSync(file, 'utf8');
			for (const match of source.matchAll(/^(import|export)(\s+type)?[^'"]*from\s+'([^']+)'/gm)) {
				const [, , typeOnly, specifier] = match;
				const name = relative(here, file);
				expect(specifier.startsWith('.'), `${name} imports ${specifier}`).toBe(true);
				const resolved = relative(here, join(dirname(file), specifier));
				if (resolved.startsWith('..')) {
					const fromDomain = typeOnlyOutside.some((allowed) => resolved === relative(here, join(here, allowed)));
					expect(fromDomain && Boolean(typeOnly), `${name} imports ${specifier} (only "import type" from the schema or roots)`).toBe(true);
				}
			}
		}
	});
});
