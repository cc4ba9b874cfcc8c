// The record store's fold, off the event loop (./fold.ts): a snapshot and the log rows after it in,
// one compacted state out. Plain JavaScript, so the built server and tsx load it alike.
import { parentPort } from 'node:worker_threads';
import * as Y from 'yjs';

parentPort.on('message', ({ id, updates }) => {
	try {
		const doc = new Y.Doc();
		doc.transact(() => {
			for (const update of updates) Y.applyUpdate(doc, update);
		});
		const state = Y.encodeStateAsUpdate(doc); // through a document, so deleted content is dropped
		doc.destroy();
		parentPort.postMessage({ id, state }, [state.buffer]);
	} catch (error) {
		parentPort.postMessage({ id, error: error instanceof Error ? error.name : 'Error' });
	}
});
