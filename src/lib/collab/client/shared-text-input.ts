/**
 * Binds a plain input or textarea to a shared text of the live record, so people typing in one
 * field at once all keep their words: each keystroke is applied to the shared text as the
 * smallest change (not the whole value), and what others type is put into the field with the
 * caret kept where it was among the person's own words.
 */
import * as Y from 'yjs';
import type { Attachment } from 'svelte/attachments';

export interface SharedTextBinding {
	doc: Y.Doc;
	/** The field as the record holds it now: its shared text, an older plain string, or null (gone). */
	locate(): Y.Text | string | null;
	/** Makes the field read `next` (the caret at `cursor`), as one transaction with `origin`. */
	write(next: string, cursor: number, origin: object): void;
}

type Delta = { insert?: unknown; retain?: number; delete?: number }[];

/** Where an index of the old text lands once `delta` is applied (an insertion at it goes after it). */
export function mapThroughDelta(index: number, delta: Delta): number {
	let at = 0; // in the old text
	let moved = index;
	for (const op of delta) {
		if (at > index) break;
		if (op.retain !== undefined) at += op.retain;
		else if (op.delete !== undefined) {
			if (at < index) moved -= Math.min(op.delete, index - at);
			at += op.delete;
		} else if (op.insert !== undefined && at < index)
			moved += typeof op.insert === 'string' ? op.insert.length : 1;
	}
	return moved;
}

/** The same when only the old and new values are known (the shared text was replaced). */
export function mapThroughChange(index: number, before: string, after: string): number {
	let start = 0;
	const shortest = Math.min(before.length, after.length);
	while (start < shortest && before[start] === after[start]) start++;
	let end = 0;
	while (
		end < shortest - start &&
		before[before.length - 1 - end] === after[after.length - 1 - end]
	)
		end++;
	if (index <= start) return index;
	if (index >= before.length - end) return index + after.length - before.length;
	return after.length - end; // inside what changed: after the new words
}

function valueOf(found: Y.Text | string | null): string {
	return found === null ? '' : typeof found === 'string' ? found : found.toString();
}

/** `{@attach sharedTextInput(binding)}` on an `<input>` or `<textarea>`. */
export function sharedTextInput(
	binding: SharedTextBinding
): Attachment<HTMLInputElement | HTMLTextAreaElement> {
	return (element) => {
		const origin = {}; // this field's own transactions
		let observed: Y.Text | null = null;

		/** Shows the record's value, moving the caret as `map` says. */
		const show = (value: string, map: (index: number) => number) => {
			if (element.value === value) return;
			const focused = element.ownerDocument.activeElement === element;
			const { selectionStart, selectionEnd, selectionDirection } = element;
			element.value = value;
			if (focused && selectionStart !== null && selectionEnd !== null) {
				element.setSelectionRange(
					map(selectionStart),
					map(selectionEnd),
					selectionDirection ?? undefined
				);
			}
		};
		const onText = (event: Y.YTextEvent, transaction: Y.Transaction) => {
			if (transaction.origin === origin) return;
			show(event.target.toString(), (index) => mapThroughDelta(index, event.delta as Delta));
		};
		/** Follows the field's shared text (it appears at a first edit, or is replaced). */
		const follow = () => {
			const found = binding.locate();
			const text = found instanceof Y.Text ? found : null;
			if (text === observed) return;
			observed?.unobserve(onText);
			observed = text;
			observed?.observe(onText);
		};
		const onUpdate = (_update: Uint8Array, updateOrigin: unknown) => {
			follow();
			if (updateOrigin === origin) return;
			const before = element.value;
			const value = valueOf(binding.locate());
			show(value, (index) => mapThroughChange(index, before, value));
		};
		const onInput = () =>
			binding.write(element.value, element.selectionEnd ?? element.value.length, origin);

		follow();
		element.value = valueOf(binding.locate());
		binding.doc.on('update', onUpdate);
		element.addEventListener('input', onInput);
		return () => {
			binding.doc.off('update', onUpdate);
			element.removeEventListener('input', onInput);
			observed?.unobserve(onText);
		};
	};
}
