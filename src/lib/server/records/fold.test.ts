import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { foldUpdates } from './fold';

describe('foldUpdates', () => {
	it('folds a snapshot and thousands of keystrokes into one state with the same record, off the event loop', async () => {
		const doc = new Y.Doc();
		const updates: Uint8Array[] = [];
		doc.on('update', (update: Uint8Array) => updates.push(update));
		const text = doc.getText('section:notes');
		text.insert(0, 'snapshot ');
		const snapshot = Y.encodeStateAsUpdate(doc);
		updates.length = 0;
		for (let i = 0; i < 5_000; i++) text.insert(text.length, 'x');
		text.delete(0, 9); // deleted content is dropped from the folded state

		let ticks = 0;
		const ticking = setInterval(() => ticks++, 1);
		const state = await foldUpdates([snapshot, ...updates]);
		clearInterval(ticking);

		const folded = new Y.Doc();
		Y.applyUpdate(folded, state);
		expect(folded.getText('section:notes').toString()).toBe(text.toString());
		expect(state.byteLength).toBeLessThan(updates.reduce((sum, u) => sum + u.byteLength, 0));
		expect(ticks).toBeGreaterThan(0); // the event loop kept turning while the worker folded
	});
});
