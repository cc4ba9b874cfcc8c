import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import {
	prosemirrorJSONToYXmlFragment,
	updateYFragment,
	yXmlFragmentToProseMirrorRootNode
} from '@tiptap/y-tiptap';
import { checkUpdate } from '../../server/collab/gate';
import { fragmentParagraphs } from '../../src/lib/collab/record-shape';
import { roots } from '../../src/lib/collab/roots';
import {
	fragmentToPlainText,
	paragraphTextInput
} from '../../src/lib/collab/client/paragraph-text-input';

/** The schema a professional's TipTap editor (RecordEditor: StarterKit) reads the root with. */
const schema = getSchema([StarterKit]);
const PARENT = 'participant-parent';
const ROOT = roots.contribution(PARENT);

/** Just what the binding uses of a <textarea>: value, caret, focus and input events. */
class FakeTextarea {
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
	/** Replaces the selection with `text` (a keystroke, Enter as "\n", or a paste), one input event per call. */
	type(text: string) {
		const from = this.selectionStart ?? this.value.length;
		const to = this.selectionEnd ?? from;
		this.value = this.value.slice(0, from) + text + this.value.slice(to);
		this.setSelectionRange(from + text.length, from + text.length);
		for (const listener of this.listeners) listener();
	}
	backspace() {
		const from = this.selectionStart ?? 0;
		const to = this.selectionEnd ?? from;
		if (from === to) this.setSelectionRange(from - 1, to);
		this.type('');
	}
	typeEachKey(text: string) {
		for (const key of text) this.type(key);
	}
}

/**
 * The parent's phone (a textarea bound to their contribution) and a professional's device (the
 * same root as TipTap reads it; the chair's TipTap also writes it), linked both ways as the collaboration server links
 * them; and the server's copy, where every update of the parent's passes the gate first.
 */
function meeting(initial?: object) {
	const server = new Y.Doc();
	const phone = new Y.Doc();
	const professional = new Y.Doc();
	if (initial) {
		prosemirrorJSONToYXmlFragment(schema, initial, professional.getXmlFragment(ROOT));
		Y.applyUpdate(server, Y.encodeStateAsUpdate(professional));
		Y.applyUpdate(phone, Y.encodeStateAsUpdate(professional));
	}
	const refused: string[] = [];
	phone.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin === 'remote') return;
		const verdict = checkUpdate({
			doc: server,
			update,
			kind: 'update',
			mayWrite: (root) => root === ROOT, // what the policy lets a parent write
			ownerOf: (client) => (client === phone.clientID ? 'self' : 'other')
		});
		if (!verdict.ok) return void refused.push(verdict.reason);
		Y.applyUpdate(server, verdict.update, 'remote');
		Y.applyUpdate(professional, verdict.update, 'remote');
	});
	// The chair may write every root (policy), so the chair's TipTap may change the parent's words.
	professional.on('update', (update: Uint8Array, origin: unknown) => {
		if (origin === 'remote') return;
		Y.applyUpdate(server, update, 'remote');
		Y.applyUpdate(phone, update, 'remote');
	});
	const textarea = new FakeTextarea();
	const detach = paragraphTextInput(
		phone,
		phone.getXmlFragment(ROOT)
	)(textarea as unknown as HTMLTextAreaElement) as () => void;
	/** What TipTap shows on the professional's screen (it throws if the shape is not valid). */
	const tiptapView = () => {
		const node = yXmlFragmentToProseMirrorRootNode(professional.getXmlFragment(ROOT), schema);
		node.check();
		return node;
	};
	/** The chair's TipTap editor changes the root (as ySyncPlugin writes a new state). */
	const tiptapWrite = (json: object) =>
		professional.transact(() =>
			updateYFragment(professional, professional.getXmlFragment(ROOT), schema.nodeFromJSON(json), {
				mapping: new Map(),
				isOMark: new Map()
			})
		);
	return { server, phone, professional, textarea, detach, tiptapView, tiptapWrite, refused };
}

const paragraphs = (node: {
	content: { forEach(f: (n: { textContent: string }) => void): void };
}) => {
	const out: string[] = [];
	node.content.forEach((n) => out.push(n.textContent));
	return out;
};

describe('the family’s light editor (a textarea bound to their XmlFragment)', () => {
	it('shows each keystroke live in a professional’s TipTap view, as paragraphs, through the gate', () => {
		const m = meeting();
		m.textarea.typeEachKey('Chrissie likes drawing.');
		expect(paragraphs(m.tiptapView())).toEqual(['Chrissie likes drawing.']);
		m.textarea.type('\n');
		m.textarea.typeEachKey('She is scared of the dark.');
		expect(paragraphs(m.tiptapView())).toEqual([
			'Chrissie likes drawing.',
			'She is scared of the dark.'
		]);
		// Backspace at the start of a line joins it to the one before, as in TipTap.
		m.textarea.setSelectionRange(24, 24);
		m.textarea.backspace();
		m.textarea.type(' ');
		expect(paragraphs(m.tiptapView())).toEqual([
			'Chrissie likes drawing. She is scared of the dark.'
		]);
		// A selection across two line breaks (a whole paragraph) replaced by a space.
		m.textarea.setSelectionRange(50, 50);
		m.textarea.type('\nBedtime is hard.\nShe sleeps with a light on.');
		expect(paragraphs(m.tiptapView())).toHaveLength(3);
		m.textarea.setSelectionRange(50, 68);
		m.textarea.type(' ');
		expect(m.textarea.value).toBe(
			'Chrissie likes drawing. She is scared of the dark. She sleeps with a light on.'
		);
		expect(paragraphs(m.tiptapView()).join('\n')).toBe(m.textarea.value);
		// The server holds the same words, and documents read them as paragraphs.
		expect(fragmentParagraphs(m.server.getXmlFragment(ROOT)).join('\n')).toBe(m.textarea.value);
		// Only the parent's own root was written: the gate refused nothing.
		expect(m.refused).toEqual([]);
		expect([...m.server.share.keys()]).toEqual([ROOT]);
		m.detach();
	});

	it('shows what the chair’s TipTap editor writes in the same root, keeping the parent’s caret in their words', () => {
		const m = meeting();
		m.textarea.typeEachKey('She likes school.');
		m.textarea.setSelectionRange(10, 10); // after "She likes "
		// The chair types at the start of the parent's paragraph (TipTap writes a text insertion)…
		const chairs = m.professional.getXmlFragment(ROOT).get(0) as Y.XmlElement;
		(chairs.get(0) as Y.XmlText).insert(0, 'Most days ');
		// …then adds a paragraph in bold (TipTap's ySyncPlugin writing its new state).
		m.tiptapWrite({
			type: 'doc',
			content: [
				{ type: 'paragraph', content: [{ type: 'text', text: 'Most days She likes school.' }] },
				{
					type: 'paragraph',
					content: [{ type: 'text', text: 'Swimming', marks: [{ type: 'bold' }] }]
				}
			]
		});
		expect(m.textarea.value).toBe('Most days She likes school.\nSwimming');
		m.textarea.type('going to ');
		expect(paragraphs(m.tiptapView())).toEqual([
			'Most days She likes going to school.',
			'Swimming'
		]);
		// The bold mark another editor wrote is kept while the parent types beside it.
		m.textarea.setSelectionRange(m.textarea.value.length, m.textarea.value.length);
		m.textarea.type(' on Fridays');
		expect(JSON.stringify(m.tiptapView().toJSON())).toContain('"marks":[{"type":"bold"}]');
		expect(paragraphs(m.tiptapView())[1]).toBe('Swimming on Fridays');
		expect(m.refused).toEqual([]);
		m.detach();
		m.tiptapWrite({ type: 'doc', content: [{ type: 'paragraph' }] });
		expect(m.textarea.value).toBe('Most days She likes going to school.\nSwimming on Fridays');
	});

	it('turns words an older TipTap editor wrote (a list, a line break) into paragraphs at the first keystroke, keeping every word', () => {
		const m = meeting({
			type: 'doc',
			content: [
				{
					type: 'paragraph',
					content: [
						{ type: 'text', text: 'Likes:' },
						{ type: 'hardBreak' },
						{ type: 'text', text: 'dogs' }
					]
				},
				{
					type: 'bulletList',
					content: [
						{
							type: 'listItem',
							content: [{ type: 'paragraph', content: [{ type: 'text', text: 'cats' }] }]
						}
					]
				}
			]
		});
		expect(m.textarea.value).toBe('Likes:\ndogs\ncats');
		expect(fragmentToPlainText(m.professional.getXmlFragment(ROOT))).toBe('Likes:\ndogs\ncats');
		m.textarea.setSelectionRange(m.textarea.value.length, m.textarea.value.length);
		m.textarea.type('!');
		expect(paragraphs(m.tiptapView())).toEqual(['Likes:', 'dogs', 'cats!']);
		expect(m.refused).toEqual([]);
	});
});
