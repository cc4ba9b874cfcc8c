/**
 * Every route src/routes holds, as the rights matrices name them: both rights-matrix.spec.ts
 * (one unit) and two-units.spec.ts (two units) fail when a route has no row, so a new route
 * cannot ship without its rights written down in both.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** Every route src/routes holds, as `METHOD /path` (and `?/name` for a named form action). */
export function routesOnDisk(): string[] {
	const root = path.resolve('src/routes');
	const keys = new Set<string>();
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const file = path.join(dir, name);
			if (statSync(file).isDirectory()) {
				walk(file);
				continue;
			}
			const route =
				'/' +
				path
					.relative(root, dir)
					.split(path.sep)
					.filter((part) => part && !/^\(.*\)$/.test(part))
					.join('/');
			const source = () => readFileSync(file, 'utf8');
			if (name === '+page.svelte' || name === '+page.server.ts' || name === '+page.ts')
				keys.add(`GET ${route}`);
			if (name === '+page.server.ts') {
				const actions = /export const actions[^=]*=\s*\{([\s\S]*?)\n\};/.exec(source());
				for (const [, action] of actions?.[1].matchAll(/^\t(\w+):/gm) ?? [])
					keys.add(action === 'default' ? `POST ${route}` : `POST ${route}?/${action}`);
			}
			if (name === '+server.ts') {
				for (const [, method] of source().matchAll(
					/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g
				))
					keys.add(`${method} ${route}`);
			}
		}
	};
	walk(root);
	return [...keys].sort();
}
