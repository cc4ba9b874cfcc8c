/**
 * The notes channel's one root (`notes`, a Y.XmlFragment) in the shape TipTap's StarterKit
 * reads: `heading` (level 2) per section, `paragraph`s, `bulletList` › `listItem` › `paragraph`.
 * Seeded once from the draft notes the meeting made as it ended; read back into the document
 * model when the chair approves, so the final version renders like every other document.
 */
import * as Y from 'yjs';
import type { Block, DocumentSection, MeetingDocument } from './model';

function paragraph(text: string): Y.XmlElement {
	const element = new Y.XmlElement('paragraph');
	if (text) element.insert(0, [new Y.XmlText(text)]);
	return element;
}

function heading(text: string): Y.XmlElement {
	const element = new Y.XmlElement('heading');
	element.setAttribute('level', 2 as unknown as string);
	element.insert(0, [new Y.XmlText(text)]);
	return element;
}

function bulletList(items: string[]): Y.XmlElement {
	const list = new Y.XmlElement('bulletList');
	list.insert(
		0,
		items.map((item) => {
			const li = new Y.XmlElement('listItem');
			li.insert(0, [paragraph(item)]);
			return li;
		})
	);
	return list;
}

/**
 * Lines of the generated draft that speak of the notes as a draft, or of a family copy made by
 * hand. In the notes channel the state belongs to the workflow (shown by the app, stamped on
 * each version) and the family's copy is made from the open record, so a final version must not
 * carry them.
 */
const draftOnlyFact = (term: string) => term === 'Status';
const draftOnlyParagraph = (text: string) =>
	/Remove it before any copy goes to the family\.$/.test(text);

/** A block of the document model as TipTap nodes (everything becomes text a person can edit). */
function blockNodes(block: Block): Y.XmlElement[] {
	switch (block.type) {
		case 'paragraph':
			if (!block.author && draftOnlyParagraph(block.text)) return [];
			return [paragraph(block.author ? `${block.author}: ${block.text}` : block.text)];
		case 'restricted':
			return block.paragraphs.map((text) =>
				paragraph(`Restricted (from ${block.author}): ${text}`)
			);
		case 'list':
			return block.items.length ? [bulletList(block.items)] : [];
		case 'facts': {
			const items = block.items.filter((f) => !draftOnlyFact(f.term));
			return items.length ? [bulletList(items.map((f) => `${f.term}: ${f.value}`))] : [];
		}
		case 'table': {
			const rows = block.rows.map((row) =>
				row.map((cell, i) => (block.head[i] ? `${block.head[i]}: ${cell}` : cell)).join('; ')
			);
			return [paragraph(block.caption), ...(rows.length ? [bulletList(rows)] : [])];
		}
		case 'risk-plot':
			return block.concerns.length
				? [
						bulletList(
							block.concerns.map((c) => {
								const range =
									c.lowest === null
										? 'not scored'
										: c.lowest === c.highest
											? `scored ${c.lowest}`
											: `scored from ${c.lowest} to ${c.highest}`;
								return `${c.childName}: ${c.title}, ${range}`;
							})
						)
					]
				: [];
	}
}

/** Writes the draft notes into an empty notes fragment (the caller runs it in one transaction). */
export function seedNotesFragment(fragment: Y.XmlFragment, draft: MeetingDocument): void {
	const nodes: Y.XmlElement[] = [];
	for (const section of draft.sections) {
		nodes.push(heading(section.heading));
		for (const block of section.blocks) nodes.push(...blockNodes(block));
	}
	fragment.insert(0, nodes);
}

/** The plain text of one node (formatting marks dropped). */
export function nodeText(node: Y.XmlElement | Y.XmlText): string {
	if (node instanceof Y.XmlText) {
		return (node.toDelta() as { insert: unknown }[])
			.map((op) => (typeof op.insert === 'string' ? op.insert : ''))
			.join('');
	}
	return node
		.toArray()
		.map((child) => nodeText(child as Y.XmlElement | Y.XmlText))
		.join(node.nodeName === 'bulletList' || node.nodeName === 'orderedList' ? '\n' : '');
}

/** The notes as text blocks: each heading, paragraph and list item (what a reader sees). */
export function notesParagraphs(fragment: Y.XmlFragment): string[] {
	const out: string[] = [];
	for (const node of fragment.toArray()) {
		if (node instanceof Y.XmlElement && /List$/.test(node.nodeName)) {
			for (const item of node.toArray()) out.push(nodeText(item as Y.XmlElement).trim());
		} else {
			out.push(nodeText(node as Y.XmlElement | Y.XmlText).trim());
		}
	}
	return out.filter(Boolean);
}

/**
 * The notes fragment as the document model: a section per heading (text before the first
 * heading goes under "Notes"), paragraphs and lists as written. Title, file name and generator
 * come from `base` (the draft this version started from), with "Draft notes" become "Notes".
 */
export function notesDocumentFrom(props: {
	fragment: Y.XmlFragment;
	base: MeetingDocument;
	containsRestricted: boolean;
}): MeetingDocument {
	const sections: DocumentSection[] = [];
	let current: DocumentSection | null = null;
	const section = () => {
		if (!current) {
			current = { heading: 'Notes', blocks: [] };
			sections.push(current);
		}
		return current;
	};
	for (const node of props.fragment.toArray()) {
		if (!(node instanceof Y.XmlElement)) {
			const text = nodeText(node as Y.XmlText).trim();
			if (text) section().blocks.push({ type: 'paragraph', text });
			continue;
		}
		if (node.nodeName === 'heading') {
			current = { heading: nodeText(node).trim() || 'Notes', blocks: [] };
			sections.push(current);
		} else if (/List$/.test(node.nodeName)) {
			const items = node
				.toArray()
				.map((item) => nodeText(item as Y.XmlElement).trim())
				.filter(Boolean);
			if (items.length) section().blocks.push({ type: 'list', items });
		} else {
			const text = nodeText(node).trim();
			if (text) section().blocks.push({ type: 'paragraph', text });
		}
	}
	const { base } = props;
	return {
		...base,
		title: base.title.replace(/^Draft notes: /, 'Notes: '),
		containsRestricted: props.containsRestricted,
		sections
	};
}
