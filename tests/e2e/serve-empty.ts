/**
 * The second server the browser tests drive: the built app on a fresh, EMPTY embedded database
 * (no demo data), as a unit that has just installed Roundtable has it: `/setup` makes the first
 * administrator (tests/e2e/unit-from-empty.spec.ts).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'roundtable-e2e-empty-'));
const { main } = await import('../../server/index');
await main();
