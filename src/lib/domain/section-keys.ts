/**
 * The chair's one-key moves through the agenda: the keys of the top row, in order (1 to 9, then
 * 0, - and =), so twelve sections each have a key. Alt with the key works anywhere, even while
 * typing in the record; the key alone works when no text field has the focus (on Linux, Chrome
 * and Firefox keep Alt with a digit for their tabs, so there the key alone is the way).
 */

/** The physical keys (KeyboardEvent.code) in agenda order, with what a person reads. */
const rowKeys = [
	{ code: 'Digit1', label: '1' },
	{ code: 'Digit2', label: '2' },
	{ code: 'Digit3', label: '3' },
	{ code: 'Digit4', label: '4' },
	{ code: 'Digit5', label: '5' },
	{ code: 'Digit6', label: '6' },
	{ code: 'Digit7', label: '7' },
	{ code: 'Digit8', label: '8' },
	{ code: 'Digit9', label: '9' },
	{ code: 'Digit0', label: '0' },
	{ code: 'Minus', label: '-' },
	{ code: 'Equal', label: '=' }
] as const;

/** The key that reaches the section at `index` (0-based), or null beyond the twelfth. */
export function sectionKeyLabel(index: number): string | null {
	return rowKeys[index]?.label ?? null;
}

/** What the keyboard shortcut attribute names for the section at `index` ("Alt+1"), or null. */
export function sectionKeyShortcut(index: number): string | null {
	const label = sectionKeyLabel(index);
	return label === null ? null : `Alt+${label}`;
}

/** The parts of a key press that decide a move (a KeyboardEvent has them all). */
export interface SectionKeyPress {
	code: string;
	altKey: boolean;
	ctrlKey: boolean;
	metaKey: boolean;
	shiftKey: boolean;
	/** Whether the focus is in a text field or the record's editor. */
	typing: boolean;
}

/**
 * The section a key press asks for (0-based), or null when it asks for none: Alt+key anywhere,
 * the key alone only when not typing, never with Ctrl, Cmd or Shift, never past the agenda.
 */
export function sectionForKey(press: SectionKeyPress, sections: number): number | null {
	if (press.ctrlKey || press.metaKey || press.shiftKey) return null;
	if (!press.altKey && press.typing) return null;
	const index = rowKeys.findIndex((key) => key.code === press.code);
	return index >= 0 && index < sections ? index : null;
}
