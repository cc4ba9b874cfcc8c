/**
 * The PDF worker thread (started by ./pdf.ts): lays out meeting documents with pdfkit off the
 * server's event loop. It loads ./pdf-render.ts from the source tree through tsx (a runtime
 * dependency; `npm start` runs the server the same way), so it works alike under the built
 * server, the Vite dev server and vitest: SvelteKit's build bundles ./pdf.ts but never this
 * file, which ./pdf.ts finds on disk.
 *
 * Messages in: `{ id, doc }` (a MeetingDocument, plain data). Out: `{ type: 'ready' }` once
 * loaded, then per job `{ type: 'done', id, bytes }` or `{ type: 'failed', id, message }`.
 */
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

if (!parentPort)
	throw new Error('pdf-worker.mjs runs as a worker thread: call renderDocumentPdf in pdf.ts');
const port = parentPort;

/** @type {typeof import('./pdf-render')} */
const { renderPdfBytes } = await tsImport('./pdf-render.ts', {
	parentURL: import.meta.url,
	tsconfig: false
});

port.on(
	'message',
	async (
		/** @type {{ id: number, doc: import('../../documents/model').MeetingDocument }} */ job
	) => {
		try {
			const pdf = await renderPdfBytes(job.doc);
			port.postMessage({
				type: 'done',
				id: job.id,
				bytes: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength)
			});
		} catch (error) {
			port.postMessage({
				type: 'failed',
				id: job.id,
				message: error instanceof Error ? error.message : String(error)
			});
		}
	}
);
port.postMessage({ type: 'ready' });
