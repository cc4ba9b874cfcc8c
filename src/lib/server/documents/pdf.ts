/**
 * Meeting documents as PDFs, made off the event loop. pdfkit's layout is synchronous and can
 * take long on a large or hostile record, so it runs in a small pool of worker threads
 * (./pdf-worker.mjs, which loads ./pdf-render.ts): the server keeps answering other requests
 * meanwhile. Each job has a time limit; a worker still busy when it passes is terminated and
 * replaced, and the caller gets a `PdfUnavailableError` (the download route answers 503).
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { MeetingDocument } from '../../documents/model';

/** The PDF cannot be made now (too long to make, too large, or too many waiting): answer 503. */
export class PdfUnavailableError extends Error {
	override name = 'PdfUnavailableError';
	/** Marks the error across module reloads in the dev server, where `instanceof` may not hold. */
	readonly pdfUnavailable = true;
}

/** Whether the error means "the PDF cannot be made now" (answer 503). */
export function isPdfUnavailable(error: unknown): error is PdfUnavailableError {
	return (
		error instanceof PdfUnavailableError ||
		(error instanceof Error && (error as Partial<PdfUnavailableError>).pdfUnavailable === true)
	);
}

/** A job ran past its time limit; its worker was terminated. */
export class PdfTimeoutError extends PdfUnavailableError {
	override name = 'PdfTimeoutError';
	constructor(readonly timeLimitMs: number) {
		super(
			`The PDF took longer than ${timeLimitMs / 1000} seconds to make and was stopped. Read the document on its page, or try again later.`
		);
	}
}

/** Too many PDFs are waiting to be made. */
export class PdfBusyError extends PdfUnavailableError {
	override name = 'PdfBusyError';
	constructor() {
		super('The server is busy making other PDFs. Try again in a minute.');
	}
}

export interface PdfPoolOptions {
	/** Worker threads (default: two, or one on a single-core machine). */
	size?: number;
	/** Default time limit of a job once a worker takes it, and of its wait for one (default 10 s). */
	timeLimitMs?: number;
	/** Jobs that may wait for a worker before more are refused (default 16). */
	maxQueue?: number;
	/** Heap limit of each worker (default 512 MB); a worker that runs out is replaced. */
	memoryLimitMb?: number;
}

export interface PdfJobOptions {
	/** This job's time limit in milliseconds (default: the pool's). */
	timeLimitMs?: number;
}

interface Job {
	id: number;
	doc: MeetingDocument;
	timeLimitMs: number;
	timer?: ReturnType<typeof setTimeout>;
	resolve(pdf: Buffer): void;
	reject(error: Error): void;
}

interface Slot {
	worker: Worker;
	state: 'starting' | 'idle' | 'busy' | 'gone';
	job: Job | null;
}

type WorkerMessage =
	| { type: 'ready' }
	| { type: 'done'; id: number; bytes: Uint8Array }
	| { type: 'failed'; id: number; message: string };

const workerFileName = 'pdf-worker.mjs';

/**
 * The worker's file. In the source tree (vitest, the dev server) it sits next to this module;
 * in the built server this module is bundled into build/server/chunks, so look for the project's
 * src/lib/server/documents above it, then under the working directory.
 */
export function pdfWorkerFile(): URL {
	const here = path.dirname(fileURLToPath(import.meta.url));
	const candidates = [path.join(here, workerFileName)];
	for (let dir = here; ; dir = path.dirname(dir)) {
		candidates.push(path.join(dir, 'src', 'lib', 'server', 'documents', workerFileName));
		if (path.dirname(dir) === dir) break;
	}
	candidates.push(path.resolve('src', 'lib', 'server', 'documents', workerFileName));
	const found = candidates.find((file) => existsSync(file));
	if (!found)
		throw new Error(
			`The PDF worker (src/lib/server/documents/${workerFileName}) was not found above ${here} or in ${process.cwd()}.`
		);
	return pathToFileURL(found);
}

/** A few reused worker threads that render PDFs, one job each at a time, with a time limit. */
export class PdfPool {
	readonly size: number;
	readonly timeLimitMs: number;
	readonly maxQueue: number;
	readonly memoryLimitMb: number;
	private slots: Slot[] = [];
	private queue: Job[] = [];
	private nextId = 1;
	private closed = false;

	constructor(options: PdfPoolOptions = {}) {
		this.size = Math.max(1, options.size ?? Math.min(2, availableParallelism() - 1));
		this.timeLimitMs = options.timeLimitMs ?? 10_000;
		this.maxQueue = options.maxQueue ?? 16;
		this.memoryLimitMb = options.memoryLimitMb ?? 512;
	}

	/** Workers running now (for tests and diagnostics). */
	get workers(): number {
		return this.slots.length;
	}

	/** The document as PDF bytes; rejects with PdfUnavailableError when it cannot be made in time. */
	render(doc: MeetingDocument, options: PdfJobOptions = {}): Promise<Buffer> {
		if (this.closed) return Promise.reject(new Error('The PDF workers have been shut down.'));
		if (this.queue.length >= this.maxQueue) return Promise.reject(new PdfBusyError());
		return new Promise<Buffer>((resolve, reject) => {
			const job: Job = {
				id: this.nextId++,
				doc,
				timeLimitMs: options.timeLimitMs ?? this.timeLimitMs,
				resolve,
				reject
			};
			// Waiting for a worker has the same limit as the work itself.
			job.timer = setTimeout(() => {
				this.queue = this.queue.filter((queued) => queued !== job);
				reject(new PdfBusyError());
			}, job.timeLimitMs);
			this.queue.push(job);
			this.pump();
		});
	}

	/** Terminates every worker and refuses the jobs still waiting. */
	async close(): Promise<void> {
		this.closed = true;
		for (const job of this.queue.splice(0)) {
			clearTimeout(job.timer);
			job.reject(new Error('The PDF workers have been shut down.'));
		}
		const slots = this.slots.splice(0);
		for (const slot of slots) {
			slot.state = 'gone';
			if (slot.job) {
				clearTimeout(slot.job.timer);
				slot.job.reject(new Error('The PDF workers have been shut down.'));
			}
		}
		await Promise.all(slots.map((slot) => slot.worker.terminate()));
	}

	private pump(): void {
		while (this.queue.length > 0) {
			const idle = this.slots.find((slot) => slot.state === 'idle');
			if (!idle) {
				let starting = this.slots.filter((slot) => slot.state === 'starting').length;
				while (this.slots.length < this.size && starting < this.queue.length) {
					this.spawn();
					starting++;
				}
				return;
			}
			this.start(idle, this.queue.shift()!);
		}
	}

	private spawn(): void {
		const worker = new Worker(pdfWorkerFile(), {
			resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb }
		});
		const slot: Slot = { worker, state: 'starting', job: null };
		this.slots.push(slot);
		worker.on('message', (message: WorkerMessage) => this.onMessage(slot, message));
		worker.on('error', (error) => this.onFailure(slot, error));
		worker.on('exit', (code) =>
			this.onFailure(slot, new Error(`The PDF worker stopped (exit code ${code}).`))
		);
	}

	private start(slot: Slot, job: Job): void {
		clearTimeout(job.timer);
		slot.state = 'busy';
		slot.job = job;
		slot.worker.ref();
		job.timer = setTimeout(() => this.onTimeout(slot, job), job.timeLimitMs);
		try {
			slot.worker.postMessage({ id: job.id, doc: job.doc });
		} catch (error) {
			// Not plain data: the worker never saw it and stays usable.
			clearTimeout(job.timer);
			this.idle(slot);
			job.reject(error instanceof Error ? error : new Error(String(error)));
			this.pump();
		}
	}

	private idle(slot: Slot): void {
		slot.state = 'idle';
		slot.job = null;
		slot.worker.unref(); // an idle worker does not keep the process alive
	}

	private onMessage(slot: Slot, message: WorkerMessage): void {
		if (slot.state === 'gone') return;
		if (message.type === 'ready') {
			this.idle(slot);
			this.pump();
			return;
		}
		const job = slot.job;
		if (!job || job.id !== message.id) return;
		clearTimeout(job.timer);
		this.idle(slot);
		if (message.type === 'done')
			job.resolve(
				Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength)
			);
		else job.reject(new Error(`The PDF could not be made: ${message.message}`));
		this.pump();
	}

	private onTimeout(slot: Slot, job: Job): void {
		if (slot.job !== job || slot.state === 'gone') return;
		this.remove(slot);
		void slot.worker.terminate();
		job.reject(new PdfTimeoutError(job.timeLimitMs));
		this.pump(); // a new worker takes the next job
	}

	private onFailure(slot: Slot, error: Error & { code?: string }): void {
		if (slot.state === 'gone') return;
		const wasStarting = slot.state === 'starting';
		const job = slot.job;
		this.remove(slot);
		void slot.worker.terminate();
		if (job) {
			clearTimeout(job.timer);
			job.reject(
				error.code === 'ERR_WORKER_OUT_OF_MEMORY'
					? new PdfUnavailableError('The PDF is too large to make. Read the document on its page.')
					: new Error(`The PDF worker failed: ${error.message}`)
			);
		}
		if (wasStarting && !this.slots.some((other) => other.state !== 'starting')) {
			// A worker that cannot even start will not do better on the next try: tell the waiting.
			for (const waiting of this.queue.splice(0)) {
				clearTimeout(waiting.timer);
				waiting.reject(new Error(`The PDF worker could not start: ${error.message}`));
			}
			return;
		}
		this.pump();
	}

	private remove(slot: Slot): void {
		slot.state = 'gone';
		slot.job = null;
		this.slots = this.slots.filter((other) => other !== slot);
	}
}

let sharedPool: PdfPool | undefined;

/** This copy of the module's pool, made on first use. */
export function sharedPdfPool(): PdfPool {
	return (sharedPool ??= new PdfPool());
}

/** Shuts the shared pool's workers down (a later render starts a new pool). */
export async function closeSharedPdfPool(): Promise<void> {
	const pool = sharedPool;
	sharedPool = undefined;
	await pool?.close();
}

/**
 * Renders the document to PDF bytes in a worker thread. Rejects with `PdfUnavailableError`
 * (a `PdfTimeoutError` past the time limit, 10 s unless `options.timeLimitMs` says otherwise)
 * when it cannot be made in time.
 */
export function renderDocumentPdf(
	doc: MeetingDocument,
	options: PdfJobOptions = {}
): Promise<Buffer> {
	return sharedPdfPool().render(doc, options);
}
