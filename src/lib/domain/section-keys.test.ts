import { describe, expect, it } from 'vitest';
import { sectionForKey, sectionKeyLabel, sectionKeyShortcut } from './section-keys';

const press = (code: string, more: Partial<Parameters<typeof sectionForKey>[0]> = {}) => ({
	code,
	altKey: false,
	ctrlKey: false,
	metaKey: false,
	shiftKey: false,
	typing: false,
	...more
});

describe('the chair’s one-key moves', () => {
	it('names a key for each of the first twelve sections, and none after', () => {
		expect([0, 8, 9, 10, 11].map(sectionKeyLabel)).toEqual(['1', '9', '0', '-', '=']);
		expect(sectionKeyLabel(12)).toBeNull();
		expect(sectionKeyShortcut(4)).toBe('Alt+5');
		expect(sectionKeyShortcut(12)).toBeNull();
	});

	it('moves with the key alone when not typing, and with Alt even while typing', () => {
		expect(sectionForKey(press('Digit5'), 9)).toBe(4);
		expect(sectionForKey(press('Digit0'), 11)).toBe(9);
		expect(sectionForKey(press('Minus'), 11)).toBe(10);
		expect(sectionForKey(press('Digit5', { typing: true }), 9)).toBeNull();
		expect(sectionForKey(press('Digit5', { typing: true, altKey: true }), 9)).toBe(4);
	});

	it('leaves other keys, other modifiers and keys past the agenda alone', () => {
		expect(sectionForKey(press('KeyA'), 9)).toBeNull();
		expect(sectionForKey(press('Digit1', { ctrlKey: true }), 9)).toBeNull();
		expect(sectionForKey(press('Digit1', { metaKey: true }), 9)).toBeNull();
		expect(sectionForKey(press('Digit1', { shiftKey: true }), 9)).toBeNull();
		expect(sectionForKey(press('Digit9'), 8)).toBeNull();
		expect(sectionForKey(press('Equal'), 11)).toBeNull();
	});
});
