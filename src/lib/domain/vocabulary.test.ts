import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as vocabulary from './vocabulary';
import { collabUrl } from './vocabulary';

// One word, one thing (issue 23): each vocabulary is listed once, in ./vocabulary.ts, and each
// label map once, in ./labels.ts. Everything else imports them. This test reads every source file
// under src/ and fails on a list or a union typed out again, or on a label map written twice.

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, '..', '..');

/** Every list the vocabulary exports (`meetingKinds`, `documentStates`, `channels`, …). */
const lists = (Object.entries(vocabulary) as [string, unknown][]).filter(
	(entry): entry is [string, readonly string[]] =>
		Array.isArray(entry[1]) && entry[1].every((v) => typeof v === 'string')
);

function sourceFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(path);
		if (/\.test\.ts$/.test(entry.name)) return [];
		return /\.(ts|svelte)$/.test(entry.name) ? [path] : [];
	});
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
	a.length === b.length && new Set(a).size === b.length && b.every((v) => a.includes(v));

const quoted = /'([^'\n]*)'|"([^"\n]*)"/g;
const valuesOf = (text: string) => [...text.matchAll(quoted)].map((m) => m[1] ?? m[2]);

/** `'a' | 'b' | 'c'` and `['a', 'b', 'c']`: each run of string literals a union or a list holds. */
function literalRuns(source: string): string[][] {
	const unions = source.match(/(?:'[^'\n]*'|"[^"\n]*")(?:\s*\|\s*(?:'[^'\n]*'|"[^"\n]*"))+/g) ?? [];
	const arrays =
		source.match(/\[\s*(?:'[^'\n]*'|"[^"\n]*")(?:\s*,\s*(?:'[^'\n]*'|"[^"\n]*"))+\s*,?\s*\]/g) ??
		[];
	return [...unions, ...arrays].map(valuesOf);
}

/** `{ key: 'words', … }`: object literals whose every entry is a key and a string (label maps). */
function labelMaps(source: string): Map<string, string>[] {
	const maps: Map<string, string>[] = [];
	for (const [body] of source.matchAll(/\{[^{}]*\}/g)) {
		const inner = body.slice(1, -1).trim().replace(/,$/, '');
		if (!inner) continue;
		const entries = inner.split(/,\s*\n|,\s*(?=[\w'"]+\s*:)/).map((e) => e.trim());
		const map = new Map<string, string>();
		for (const entry of entries) {
			if (entry.startsWith('//')) continue;
			const m = entry.match(/^(?:(\w+)|'([^']+)'|"([^"]+)")\s*:\s*(?:'([^'\n]*)'|"([^"\n]*)")$/);
			if (!m) {
				map.clear();
				break;
			}
			map.set(m[1] ?? m[2] ?? m[3], m[4] ?? m[5]);
		}
		if (map.size >= 2) maps.push(map);
	}
	return maps;
}

/** What a source file retypes: a whole vocabulary as a union or a list, or a label map over one. */
function retypings(source: string): string[] {
	const found: string[] = [];
	for (const run of literalRuns(source))
		for (const [name, list] of lists)
			if (sameSet(run, list)) found.push(`the values of ${name} (${run.join(' | ')})`);
	for (const map of labelMaps(source))
		for (const [name, list] of lists)
			if (sameSet([...map.keys()], list)) found.push(`a label map over ${name}`);
	return found;
}

describe('the vocabularies', () => {
	it('finds a retyped list, union or label map (the scanner can fail)', () => {
		expect(retypings(`state: 'draft' | 'with-chair' | 'final';`)).toHaveLength(1);
		expect(retypings(`z.enum(['queued', 'sent', 'failed'])`)).toHaveLength(1);
		expect(
			retypings(
				`const words = {\n\tdraft: 'Draft',\n\t'with-chair': 'With the chair',\n\tfinal: 'Final'\n};`
			)
		).toHaveLength(1);
		// A part of a list is a choice, not a second list.
		expect(retypings(`kind: 'invitation' | 'update'`)).toEqual([]);
	});

	it('are each typed out once, in the domain, and every other file imports them', () => {
		const problems: string[] = [];
		for (const file of sourceFiles(src)) {
			const name = relative(src, file);
			// The domain holds the lists and their words; everything else imports them.
			if (name.startsWith(join('lib', 'domain') + '/')) continue;
			for (const what of retypings(readFileSync(file, 'utf8')))
				problems.push(`src/${name} types out ${what}: import it from src/lib/domain`);
		}
		expect(problems).toEqual([]);
	});

	it('have each label map once: no two files hold the same words for the same values', () => {
		const words = new Set(lists.flatMap(([, list]) => list));
		const seen = new Map<string, string>();
		const problems: string[] = [];
		for (const file of sourceFiles(src)) {
			const name = `src/${relative(src, file)}`;
			for (const map of labelMaps(readFileSync(file, 'utf8'))) {
				if (![...map.keys()].every((key) => words.has(key))) continue;
				const key = JSON.stringify([...map].sort());
				const first = seen.get(key);
				if (first && first !== name) problems.push(`${name} repeats a label map of ${first}`);
				else seen.set(key, name);
			}
		}
		expect(problems).toEqual([]);
	});
});

describe('collabUrl', () => {
	it('names each channel of a meeting under the socket path', () => {
		expect(collabUrl('m1')).toBe('/collab/m1');
		expect(collabUrl('m1', 'main')).toBe('/collab/m1');
		expect(collabUrl('m1', 'restricted')).toBe('/collab/m1/restricted');
		expect(collabUrl('m1', 'notes')).toBe('/collab/m1/notes');
	});
});
