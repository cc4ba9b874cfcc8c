/** The server the browser tests drive: the built app on a fresh embedded database with demo data. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'roundtable-e2e-'));
const { sharedDatabase } = await import('../../src/lib/server/db');
const { seedDemo } = await import('../../server/seed/demo');
const { main } = await import('../../server/index');
await seedDemo({ db: (await sharedDatabase()).db });
await main();
