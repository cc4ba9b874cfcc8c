/**
 * The embedded database on a worker thread (./pglite-worker.mjs): PGlite runs its WebAssembly
 * there, not on the event loop that carries every request and meeting socket, and listens on a
 * Unix socket in a private temporary folder (mode 0700: no other local user can connect, and it
 * asks no password). The app talks to it with postgres.js, as to PostgreSQL (./index.ts).
 *
 * The thread belongs to the process: it ends with it, whatever ends it. `stop()` closes the
 * socket server and PGlite (the folder is shut cleanly) and waits for the thread to end.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const workerFileName = 'pglite-worker.mjs';
/** How long a clean stop may take before the thread is terminated. */
const STOP_MS = 5_000;

export interface EmbeddedServer {
	/** The Unix socket postgres.js connects to (its `path` option). */
	socketPath: string;
	stop(): Promise<void>;
}

/** The worker's file: beside this module in the source tree, else src/lib/server/db above the bundle or under the working directory. */
function workerFile(): URL {
	const here = path.dirname(fileURLToPath(import.meta.url));
	const candidates = [path.join(here, workerFileName)];
	for (let dir = here; ; dir = path.dirname(dir)) {
		candidates.push(path.join(dir, 'src', 'lib', 'server', 'db', workerFileName));
		if (path.dirname(dir) === dir) break;
	}
	candidates.push(path.resolve('src', 'lib', 'server', 'db', workerFileName));
	const found = candidates.find((file) => existsSync(file));
	if (!found)
		throw new Error(
			`The database worker (src/lib/server/db/${workerFileName}) was not found above ${here} or in ${process.cwd()}.`
		);
	return pathToFileURL(found);
}

type WorkerMessage = { type: 'ready' } | { type: 'stopped' } | { type: 'failed'; message: string };

/**
 * Starts PGlite on its data folder in a worker thread; resolves once it accepts a connection.
 * `sharedBuffers`: PostgreSQL's `shared_buffers` (e.g. '32MB'), most of PGlite's memory.
 */
export async function startEmbeddedServer(
	dataDir: string,
	sharedBuffers: string
): Promise<EmbeddedServer> {
	const socketDir = mkdtempSync(path.join(tmpdir(), 'roundtable-db-'));
	const socketPath = path.join(socketDir, '.s.PGSQL.5432');
	const removeSocketDir = () => rmSync(socketDir, { recursive: true, force: true });
	const worker = new Worker(workerFile(), {
		workerData: { dataDir, socketPath, sharedBuffers },
		// Nothing of the server's own flags (tsx's loader, a bench's probe): a plain .mjs file.
		execArgv: []
	});
	const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
	try {
		await new Promise<void>((resolve, reject) => {
			worker.on('message', (message: WorkerMessage) => {
				if (message.type === 'ready') resolve();
				else if (message.type === 'failed')
					reject(new Error(`The embedded database could not open ${dataDir}: ${message.message}`));
			});
			worker.once('error', reject);
			worker.once('exit', (code) =>
				reject(new Error(`The embedded database's thread ended before it was ready (${code}).`))
			);
		});
	} catch (error) {
		await worker.terminate();
		removeSocketDir();
		throw error;
	}
	let stopping: Promise<void> | undefined;
	return {
		socketPath,
		stop() {
			stopping ??= (async () => {
				const stopped = new Promise<void>((resolve) =>
					worker.on('message', (message: WorkerMessage) => {
						if (message.type === 'stopped') resolve();
					})
				);
				worker.postMessage({ type: 'stop' });
				let timer: ReturnType<typeof setTimeout> | undefined;
				const late = new Promise<void>((resolve) => {
					timer = setTimeout(resolve, STOP_MS);
				});
				await Promise.race([Promise.all([stopped, exited]), late]);
				clearTimeout(timer);
				await worker.terminate();
				removeSocketDir();
			})();
			return stopping;
		}
	};
}
