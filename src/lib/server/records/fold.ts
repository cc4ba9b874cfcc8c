/**
 * Folding a channel's log into one state (compaction) on a worker thread, so a long log never
 * holds the event loop that carries every meeting's sockets. One worker for the process, started
 * on first use and not keeping the process alive; if it cannot start, the fold runs here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';

const workerFileName = 'fold-worker.mjs';

type Pending = { resolve: (state: Uint8Array) => void; reject: (error: Error) => void };

let worker: Worker | null = null;
let workerFailed = false;
let nextId = 0;
const pending = new Map<number, Pending>();

/** The worker's file: beside this module in the source tree, else src/lib/server/records above the bundle or under the working directory. */
function workerFile(): URL | null {
	const here = path.dirname(fileURLToPath(import.meta.url));
	const candidates = [path.join(here, workerFileName)];
	for (let dir = here; ; dir = path.dirname(dir)) {
		candidates.push(path.join(dir, 'src', 'lib', 'server', 'records', workerFileName));
		if (path.dirname(dir) === dir) break;
	}
	candidates.push(path.resolve('src', 'lib', 'server', 'records', workerFileName));
	const found = candidates.find((file) => existsSync(file));
	return found ? pathToFileURL(found) : null;
}

function failAll(error: Error) {
	for (const job of pending.values()) job.reject(error);
	pending.clear();
}

function startWorker(): Worker | null {
	if (worker || workerFailed) return worker;
	const file = workerFile();
	if (!file) {
		workerFailed = true;
		return null;
	}
	const started = new Worker(file);
	started.unref();
	started.on('message', (message: { id: number; state?: Uint8Array; error?: string }) => {
		const job = pending.get(message.id);
		if (!job) return;
		pending.delete(message.id);
		if (message.state) job.resolve(message.state);
		else job.reject(new Error(`fold failed (${message.error})`));
	});
	started.on('error', (error) => {
		worker = null;
		failAll(error);
	});
	started.on('exit', () => {
		if (worker === started) worker = null;
		failAll(new Error('the fold worker stopped'));
	});
	worker = started;
	return worker;
}

/** In this thread: the same fold, for when no worker can run. */
function foldHere(updates: Uint8Array[]): Uint8Array {
	const doc = new Y.Doc();
	doc.transact(() => {
		for (const update of updates) Y.applyUpdate(doc, update);
	});
	const state = Y.encodeStateAsUpdate(doc);
	doc.destroy();
	return state;
}

/** The state of a channel given its snapshot (if any) and the log rows after it, in order. */
export function foldUpdates(updates: Uint8Array[]): Promise<Uint8Array> {
	const thread = startWorker();
	if (!thread) return Promise.resolve(foldHere(updates));
	const id = nextId++;
	return new Promise<Uint8Array>((resolve, reject) => {
		pending.set(id, { resolve, reject });
		thread.ref(); // while a fold is out, the process waits for it
		thread.postMessage({ id, updates });
	}).finally(() => {
		if (pending.size === 0) worker?.unref();
	});
}
