import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The README says Node 20.19 or later (package.json `engines`). Every package the lockfile
// installs must say it runs there too, or `npm ci` warns EBADENGINE and a newcomer reads the
// install as broken (issue 23: ical-generator 11 wanted Node 22 and was pinned to 10.2).
const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8'));

type Version = [number, number, number];

function parse(text: string): { version: Version; given: number } {
	const all = text.replace(/^v/, '').split('.');
	const wild = all.findIndex((p) => /^[xX*]$/.test(p)); // `10.x` is `10`
	const parts = wild >= 0 ? all.slice(0, wild) : all;
	const numbers = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : NaN));
	if (parts.length > 3 || numbers.some(Number.isNaN)) throw new Error(`cannot read "${text}"`);
	return { version: [numbers[0], numbers[1] ?? 0, numbers[2] ?? 0], given: numbers.length };
}

const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

/** Whether `version` satisfies one comparator of a range (`>=20.19.0`, `^18.18.0`, `20`, `~4.1`). */
function satisfiesOne(version: Version, comparator: string): boolean {
	const match = /^(>=|<=|>|<|=|\^|~)?\s*(.+)$/.exec(comparator)!;
	const op = match[1] ?? '';
	const { version: bound, given } = parse(match[2]);
	const c = compare(version, bound);
	if (op === '>=') return c >= 0;
	if (op === '>') return c > 0;
	if (op === '<=') return c <= 0;
	if (op === '<') return c < 0;
	if (op === '^') return c >= 0 && version[0] === bound[0];
	if (op === '~') return c >= 0 && version[0] === bound[0] && version[1] === bound[1];
	// A bare version: as many parts as it gives must match (`20` is any 20.x.y).
	return version.slice(0, given).every((n, i) => n === bound[i]);
}

/** Whether `version` satisfies an npm range: alternatives joined by `||`, each a list of comparators. */
function satisfies(version: string, range: string): boolean {
	const v = parse(version).version;
	return range.split('||').some((alternative) => {
		const comparators = alternative
			.replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1') // `>= 0.8` is `>=0.8`
			.trim()
			.split(/\s+/)
			.filter((c) => c && c !== '*' && c !== 'x'); // `*`: any version
		return comparators.every((c) => satisfiesOne(v, c));
	});
}

describe('dependency engines', () => {
	it('reads the ranges packages use', () => {
		expect(satisfies('20.19.0', '^20.19.0 || ^22.13.0 || >=24')).toBe(true);
		expect(satisfies('20.19.0', '20 || 22 || >=24')).toBe(true);
		expect(satisfies('20.19.0', '>=22')).toBe(false);
		expect(satisfies('20.19.0', '^20.20.0 || >=22')).toBe(false);
		expect(satisfies('20.19.0', '>=18 <21')).toBe(true);
		expect(satisfies('20.19.0', '~20.18')).toBe(false);
		expect(satisfies('20.19.0', '>= 0.8')).toBe(true);
		expect(satisfies('20.19.0', '*')).toBe(true);
		expect(satisfies('20.19.0', '>=10.x')).toBe(true);
		expect(() => satisfies('20.19.0', 'latest')).toThrow(/cannot read/); // looked at, not passed
	});

	it('installs only packages that run on the Node the README names', () => {
		const minimum = /^>=\s*(\d+\.\d+(\.\d+)?)$/.exec(readJson('package.json').engines.node)?.[1];
		expect(minimum, 'package.json engines.node is ">=X.Y"').toBeTruthy();
		const lock = readJson('package-lock.json') as {
			packages: Record<string, { version?: string; optional?: boolean; engines?: unknown }>;
		};
		const wrong = Object.entries(lock.packages)
			.filter(([path, p]) => path && typeof p.engines === 'object' && p.engines !== null)
			.map(([path, p]) => [path, (p.engines as { node?: string }).node] as const)
			.filter(([, node]) => node !== undefined && !satisfies(minimum!, node))
			.map(([path, node]) => `${path.replace(/^.*node_modules\//, '')} wants node ${node}`);
		expect(wrong).toEqual([]);
	});
});
