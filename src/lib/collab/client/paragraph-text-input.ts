/**
 * A light editor for a rich-text root: binds a plain textarea to a Y.XmlFragment of the shape
 * TipTap writes (one `paragraph` element per line, each holding one Y.XmlText), so a parent's
 * phone can write their own words without downloading the editor (TipTap/ProseMirror), while a
 * professional's TipTap view of the same root sees every keystroke live, and the other way
 * round. Each keystroke becomes the smallest change (text typed into one paragraph, a new
 * paragraph at Enter, paragraphs joined at a deleted line break); nothing outside the fragment
 * is touched, so the server's gate sees only the one root the person may write.
 */
import * as Y from 'yjs';
import type { Attachment } from 'svelte/attachments';
import { mapThroughChange } from './shared-text-input';

type Block = Y.XmlElement | Y.XmlText;

/** The plain words of an inline run (formatting marks are attributes, not text). */
function textOf(text: Y.XmlText): string {
	let out = '';
	for (const op of text.toDelta() as { insert?: unknown }[])
		if (typeof op.insert === 'string') out += op.insert;
	return out;
}

/** A paragraph as this editor writes it: no other block, no inline node such as a hard break. */
function isPlainParagraph(block: Block): block is Y.XmlElement {
	if (!(block instanceof Y.XmlElement) || block.nodeName !== 'paragraph') return false;
	return block.length === 0 || (block.length === 1 && block.get(0) instanceof Y.XmlText);
}

/** Every line of a block: a paragraph is one; a list or quote gives each paragraph inside. */
function linesOf(block: Block): string[] {
	if (block instanceof Y.XmlText) return [textOf(block)];
	const children = block.toArray() as Block[];
	if (children.every((child) => child instanceof Y.XmlText || child.length === 0)) {
		// A text block: its inline text, a hard break as a line break.
		return children
			.map((child) => (child instanceof Y.XmlText ? textOf(child) : '\n'))
			.join('')
			.split('\n');
	}
	return children.flatMap((child) => linesOf(child));
}

/** The fragment's words as the textarea shows them: one line per paragraph. */
export function fragmentToPlainText(fragment: Y.XmlFragment): string {
	return (fragment.toArray() as Block[]).flatMap((block) => linesOf(block)).join('\n');
}

function newParagraph(fragment: Y.XmlFragment, at: number, words: string): void {
	const paragraph = new Y.XmlElement('paragraph');
	fragment.insert(at, [paragraph]);
	const text = new Y.XmlText();
	paragraph.insert(0, [text]);
	if (words) text.insert(0, words);
}

/** The paragraph's text, made if the paragraph is empty. */
function textAt(fragment: Y.XmlFragment, index: number): Y.XmlText {
	const paragraph = fragment.get(index) as Y.XmlElement;
	if (paragraph.length === 0) paragraph.insert(0, [new Y.XmlText()]);
	return paragraph.get(0) as Y.XmlText;
}

/** Where `offset` of the plain text falls: a paragraph's index and the offset inside it. */
function locate(lines: string[], offset: number): { line: number; at: number } {
	let line = 0;
	while (line < lines.length - 1 && offset > lines[line].length) {
		offset -= lines[line].length + 1;
		line++;
	}
	return { line, at: offset };
}

/**
 * Makes the fragment read `next` (a textarea's value; the caret at `cursor` says where a typed
 * run ended when the change alone is ambiguous) by the smallest edit. Call inside a transaction.
 */
function writePlainText(fragment: Y.XmlFragment, next: string, cursor: number): void {
	const blocks = fragment.toArray() as Block[];
	if (!blocks.every(isPlainParagraph)) {
		// Words written by a richer editor (a list, a hard break): keep every line as a paragraph.
		const lines = blocks.flatMap((block) => linesOf(block));
		fragment.delete(0, fragment.length);
		lines.forEach((line, i) => newParagraph(fragment, i, line));
	}
	if (fragment.length === 0) newParagraph(fragment, 0, '');
	const lines = (fragment.toArray() as Y.XmlElement[]).map((p) =>
		p.length ? textOf(p.get(0) as Y.XmlText) : ''
	);
	const before = lines.join('\n');
	if (before === next) return;
	// The changed span: what is common at both ends stays, the caret bounding the typed run.
	let start = 0;
	const shortest = Math.min(before.length, next.length);
	const typedFrom = cursor - Math.max(0, next.length - before.length);
	while (start < shortest && start < typedFrom && before[start] === next[start]) start++;
	let end = 0;
	while (
		end < shortest - start &&
		end < next.length - cursor &&
		before[before.length - 1 - end] === next[next.length - 1 - end]
	)
		end++;
	const from = locate(lines, start);
	const to = locate(lines, before.length - end);
	// Delete [from, to): within one paragraph, or joining the last one's rest onto the first.
	const first = textAt(fragment, from.line);
	if (from.line === to.line) {
		if (to.at > from.at) first.delete(from.at, to.at - from.at);
	} else {
		const rest = lines[to.line].slice(to.at);
		first.delete(from.at, lines[from.line].length - from.at);
		fragment.delete(from.line + 1, to.line - from.line);
		if (rest) first.insert(from.at, rest);
	}
	// Insert the typed words: a line break splits the paragraph.
	const typed = next.slice(start, next.length - end).split('\n');
	if (typed.length === 1) {
		if (typed[0]) first.insert(from.at, typed[0]);
		return;
	}
	const tail = textOf(first).slice(from.at);
	if (tail) first.delete(from.at, tail.length);
	if (typed[0]) first.insert(from.at, typed[0]);
	typed.slice(1).forEach((line, i) => {
		const last = i === typed.length - 2;
		newParagraph(fragment, from.line + 1 + i, last ? line + tail : line);
	});
}

/** `{@attach paragraphTextInput(doc, fragment)}` on a `<textarea>`. */
export function paragraphTextInput(
	doc: Y.Doc,
	fragment: Y.XmlFragment
): Attachment<HTMLTextAreaElement> {
	return (element) => {
		const origin = {}; // this field's own transactions
		const show = () => {
			const before = element.value;
			const value = fragmentToPlainText(fragment);
			if (before === value) return;
			const focused = element.ownerDocument.activeElement === element;
			const { selectionStart, selectionEnd, selectionDirection } = element;
			element.value = value;
			if (focused && selectionStart !== null && selectionEnd !== null) {
				const map = (index: number) => mapThroughChange(index, before, value);
				element.setSelectionRange(
					map(selectionStart),
					map(selectionEnd),
					selectionDirection ?? undefined
				);
			}
		};
		const onChange = (_events: unknown, transaction: Y.Transaction) => {
			if (transaction.origin !== origin) show();
		};
		const onInput = () =>
			doc.transact(
				() => writePlainText(fragment, element.value, element.selectionEnd ?? element.value.length),
				origin
			);
		element.value = fragmentToPlainText(fragment);
		fragment.observeDeep(onChange);
		element.addEventListener('input', onInput);
		return () => {
			fragment.unobserveDeep(onChange);
			element.removeEventListener('input', onInput);
		};
	};
}
