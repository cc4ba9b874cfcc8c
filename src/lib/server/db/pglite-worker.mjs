// The embedded database off the server's event loop (./embedded.ts): PGlite's WebAssembly runs on
// this worker thread, and the app reaches it through `@electric-sql/pglite-socket` on a Unix
// socket in a private folder, with postgres.js, exactly as it reaches PostgreSQL. One connection
// (the socket server multiplexes several onto PGlite's one session, so it does not keep them
// apart; postgres.js with `max: 1` queues every query behind an open transaction instead).
// Plain JavaScript, so the built server and tsx load it alike.
//
// workerData: { dataDir, socketPath, sharedBuffers }. Out: { type: 'ready' } once listening, { type: 'failed',
// message } if PGlite cannot open the folder, { type: 'stopped' } after a { type: 'stop' } in.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

if (!parentPort) throw new Error('pglite-worker.mjs runs as a worker thread: see ./embedded.ts');
const port = parentPort;
const { dataDir, socketPath, sharedBuffers } = workerData;

let db;
let server;
try {
	// PGlite's own start parameters, with a smaller buffer cache than its 128MB (PGLITE_SHARED_BUFFERS).
	db = new PGlite(dataDir, {
		startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`]
	});
	await db.waitReady;
	server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 1 });
	await server.start();
	port.postMessage({ type: 'ready' });
} catch (error) {
	port.postMessage({
		type: 'failed',
		message: error instanceof Error ? error.message : String(error)
	});
	await db?.close().catch(() => {});
	port.close();
}

port.on('message', async (message) => {
	if (message?.type !== 'stop') return;
	// The connection is closed first (an open transaction is rolled back), then PGlite shuts the
	// folder cleanly, as PostgreSQL's own shutdown would.
	await server?.stop().catch(() => {});
	await db?.close().catch(() => {});
	port.postMessage({ type: 'stopped' });
	port.close();
});
