import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Where a demo server of the browser tests (serve.ts) on `port` takes the specs' requests for
 * meetings of their own (seed-meetings.ts): a Unix socket named by the server's port, so two
 * servers (another run, the outage spec's own) never share one.
 */
export const seedSocketPath = (port: number) =>
	path.join(tmpdir(), `roundtable-e2e-seed-${port}.sock`);
