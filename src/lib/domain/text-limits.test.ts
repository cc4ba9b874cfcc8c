import { describe, expect, it } from 'vitest';
import { textLimits, tooLong, tooLongMessage } from './text-limits';

describe('free text limits', () => {
	it('are listed in one place', () => {
		expect(textLimits).toMatchObject({ name: 200, title: 200, reason: 2000 });
	});

	it('let text up to the limit through', () => {
		expect(tooLong('x'.repeat(2000), 'reason', 'the reason')).toBeNull();
		expect(tooLong('', 'name', 'the name')).toBeNull();
	});

	it('name the field, the limit and the length past it', () => {
		expect(tooLong('x'.repeat(2 * 1024 * 1024), 'reason', 'the reason')).toBe(
			'Use at most 2,000 characters for the reason (this has 2,097,152).'
		);
		expect(tooLong('x'.repeat(201), 'name', 'the name')).toBe(
			'Use at most 200 characters for the name (this has 201).'
		);
		expect(tooLongMessage('title', 'the title')).toBe('Use at most 200 characters for the title.');
	});
});
