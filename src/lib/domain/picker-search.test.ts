import { describe, expect, it } from 'vitest';
import { containsPattern, pickerWords } from './picker-search';

describe('reading a picker’s query', () => {
	it('takes at most six words, split at spaces and commas, none for an empty query', () => {
		expect(pickerWords('  Sam   Taylor, school ')).toEqual(['Sam', 'Taylor', 'school']);
		expect(pickerWords('a b c d e f g h')).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
		expect(pickerWords('   ')).toEqual([]);
	});

	it('reads no more than 100 characters', () => {
		expect(pickerWords(`${'x'.repeat(100)}y`)).toEqual(['x'.repeat(100)]);
	});

	it('matches a word anywhere, its %, _ and \\ taken literally', () => {
		expect(containsPattern('sam')).toBe('%sam%');
		expect(containsPattern('50%_a\\b')).toBe('%50\\%\\_a\\\\b%');
	});
});
