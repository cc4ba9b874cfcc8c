// `npm start`: the production server as compiled at build time (server/start.ts →
// build/roundtable/start.js), run in this process.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = path.resolve('build/roundtable/start.js');
if (!existsSync(entry)) {
	console.error('No built server at build/roundtable/start.js: run `npm run build` first.');
	process.exit(1);
}
await import(pathToFileURL(entry).href);
