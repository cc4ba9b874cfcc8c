/**
 * The words of an element as a listener should hear them: only what is shown (a closed
 * `<details>`, `hidden` or `display: none` is left out), without controls (buttons, fields, a
 * row of score options), drawings or anything `aria-hidden`; each block (heading, paragraph,
 * list item, table cell) on a line of its own so a heading is not run into the sentence after it.
 */
const SKIP = [
	'svg',
	'button',
	'input',
	'select',
	'textarea',
	'label:has(input)',
	'[aria-hidden="true"]',
	'[data-listen-skip]',
	'script',
	'style',
	'noscript'
].join(', ');

export function readableText(root: HTMLElement): string {
	const view = root.ownerDocument.defaultView;
	const lines: string[] = [];
	let line = '';
	let block: Element | null = null;
	const blockOf = (element: Element): Element => {
		let at: Element | null = element;
		while (at && at !== root && view?.getComputedStyle(at).display.startsWith('inline'))
			at = at.parentElement;
		return at ?? root;
	};
	const walker = root.ownerDocument.createTreeWalker(
		root,
		NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT,
		{
			acceptNode(node) {
				if (node.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
				const element = node as Element;
				if (element.matches(SKIP)) return NodeFilter.FILTER_REJECT;
				if (
					typeof element.checkVisibility === 'function' &&
					!element.checkVisibility({ visibilityProperty: true })
				)
					return NodeFilter.FILTER_REJECT;
				return NodeFilter.FILTER_SKIP;
			}
		}
	);
	for (let node = walker.nextNode(); node; node = walker.nextNode()) {
		const parent = node.parentElement;
		if (!parent) continue;
		const words = (node.textContent ?? '').replace(/\s+/g, ' ');
		const here = blockOf(parent);
		if (!words.trim()) {
			// The space between two inline elements ("Now:" <strong>…</strong>) still parts their words.
			if (here === block && line) line += ' ';
			continue;
		}
		if (here !== block) {
			if (line.trim()) lines.push(line.trim());
			line = '';
			block = here;
		}
		line += words;
	}
	if (line.trim()) lines.push(line.trim());
	return lines.join('\n');
}
