import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addConcern, concernText, editConcernText, readRecord } from '../record-shape';
import { roots } from '../roots';
import { mapThroughChange, mapThroughDelta, sharedTextInput } from './shared-text-input';

/** Just what the binding uses of an <input>: its value, caret, focus and input events. */
class FakeInput {
	value = '';
	selectionStart: number | null = 0;
	selectionEnd: number | null = 0;
	selectionDirection: 'forward' | 'backward' | 'none' | null = 'none';
	readonly ownerDocument = { activeElement: this as unknown };
	private listeners: (() => void)[] = [];
	setSelectionRange(start: number, end: number) {
		this.selectionStart = start;
		this.selectionEnd = end;
	}
	addEventListener(_type: 'input', listener: () => void) {
		this.listeners.push(listener);
	}
	removeEventListener(_type: 'input', listener: () => void) {
		this.listeners = this.listeners.filter((l) => l !== listener);
	}
	/** Types `text` at the caret, as a keystroke does. */
	type(text: string) {
		const at = this.selectionEnd ?? this.value.length;
		this.value = this.value.slice(0, at) + text + this.value.slice(at);
		this.setSelectionRange(at + text.length, at + text.length);
		for (const listener of this.listeners) listener();
	}
}

function bind(doc: Y.Doc, id: string) {
	const input = new FakeInput();
	const attach = sharedTextInput({
		doc,
		locate: () => concernText(doc, id, 'dayToDay'),
		write: (next, cursor, origin) => editConcernText(doc, id, 'dayToDay', next, { cursor, origin })
	});
	const detach = attach(input as unknown as HTMLInputElement);
	return { input, detach: detach as () => void };
}

describe('a text field bound to shared text', () => {
	it('keeps the caret among the person’s own words while someone else types before it', () => {
		const mine = new Y.Doc();
		const theirs = new Y.Doc();
		const id = addConcern(mine, {
			childId: 'c1',
			title: 'Late',
			dayToDay: 'She misses breakfast.'
		});
		Y.applyUpdate(theirs, Y.encodeStateAsUpdate(mine));
		mine.on('update', (update: Uint8Array) => Y.applyUpdate(theirs, update));
		theirs.on('update', (update: Uint8Array) => Y.applyUpdate(mine, update, 'remote'));
		const { input, detach } = bind(mine, id);
		expect(input.value).toBe('She misses breakfast.');
		input.setSelectionRange(20, 20); // before the full stop
		input.type(' club');
		editConcernText(
			theirs,
			id,
			'dayToDay',
			'Most days ' + concernText(theirs, id, 'dayToDay')!.toString()
		);
		expect(input.value).toBe('Most days She misses breakfast club.');
		expect(input.selectionEnd).toBe(35); // still right after "club"
		input.type(' too');
		expect(readRecord(theirs, []).concerns[0].dayToDay).toBe(
			'Most days She misses breakfast club too.'
		);
		detach();
	});

	it('turns an older card’s plain string into shared text at the first keystroke, and follows it', () => {
		const doc = new Y.Doc();
		doc.transact(() => {
			const card = new Y.Map<unknown>();
			card.set('id', 'old');
			card.set('dayToDay', 'No heating.');
			doc.getArray(roots.concerns).push([card]);
		});
		const { input, detach } = bind(doc, 'old');
		expect(input.value).toBe('No heating.');
		input.setSelectionRange(11, 11);
		input.type(' Upstairs.');
		expect(concernText(doc, 'old', 'dayToDay')).toBeInstanceOf(Y.Text);
		(concernText(doc, 'old', 'dayToDay') as Y.Text).insert(0, 'Cold. ');
		expect(input.value).toBe('Cold. No heating. Upstairs.');
		detach();
	});

	it('maps a caret through a change', () => {
		expect(mapThroughDelta(5, [{ retain: 2 }, { insert: 'abc' }])).toBe(8);
		expect(mapThroughDelta(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(5);
		expect(mapThroughDelta(5, [{ retain: 1 }, { delete: 2 }])).toBe(3);
		expect(mapThroughDelta(5, [{ retain: 3 }, { delete: 10 }])).toBe(3);
		expect(mapThroughChange(2, 'abcdef', 'abXYZcdef')).toBe(2);
		expect(mapThroughChange(4, 'abcdef', 'abXYZcdef')).toBe(7);
		expect(mapThroughChange(4, 'abcdef', 'abf')).toBe(2);
	});
});
