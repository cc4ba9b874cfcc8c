/**
 * The collaboration server alone on a port, for the crash test and the benchmark:
 *   node --import tsx server/collab/standalone.ts
 * Reads COLLAB_PORT (0: any), DATABASE_URL or COLLAB_DATA_DIR (PGlite folder), and prints
 * `listening {port}` once ready. Under a parent process it answers `{ type: 'heap' }` with
 * its memory figures, after a garbage collection when started with --expose-gc.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../../src/lib/server/db';
import { createCollabServer } from './index';

const port = Number(process.env.COLLAB_PORT ?? 0);
const handle = await openDatabase(
	process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : { dataDir: process.env.COLLAB_DATA_DIR }
);
const collab = createCollabServer({
	db: handle.db,
	logger: process.env.COLLAB_QUIET ? () => {} : undefined
});
const server = http.createServer((_req, res) => res.writeHead(404).end());
server.on('upgrade', (req, socket, head) => collab.handleUpgrade(req, socket, head));
server.listen(port, '127.0.0.1', () => {
	console.log(`listening ${(server.address() as AddressInfo).port}`);
});

process.on('message', (message: { type?: string }) => {
	if (message?.type !== 'heap') return;
	(globalThis as { gc?: () => void }).gc?.();
	const usage = process.memoryUsage();
	process.send?.({ type: 'heap', heapUsed: usage.heapUsed, rss: usage.rss, external: usage.external, loadedChannels: collab.loadedChannels });
});

const stop = async () => {
	await collab.close();
	server.closeAllConnections();
	server.close();
	await handle.close();
	process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
