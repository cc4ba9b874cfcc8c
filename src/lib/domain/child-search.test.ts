import { describe, expect, it } from 'vitest';
import { readChildQuery } from './child-search';

describe('reading what a person types to find a child', () => {
	it('keeps the words of a name or family', () => {
		expect(readChildQuery('  Mason   Young ')).toEqual({
			words: ['Mason', 'Young'],
			dateOfBirth: null
		});
		expect(readChildQuery('')).toEqual({ words: [], dateOfBirth: null });
	});

	it('reads a date of birth written the British way or as an ISO date', () => {
		expect(readChildQuery('mason 5/3/2019').dateOfBirth).toBe('2019-03-05');
		expect(readChildQuery('05.03.2019').dateOfBirth).toBe('2019-03-05');
		expect(readChildQuery('2019-03-05 young')).toEqual({
			words: ['young'],
			dateOfBirth: '2019-03-05'
		});
	});

	it('searches a day that does not exist as words, and keeps at most six words', () => {
		expect(readChildQuery('31/2/2019')).toEqual({ words: ['31/2/2019'], dateOfBirth: null });
		expect(readChildQuery('a b c d e f g h').words).toHaveLength(6);
	});
});
