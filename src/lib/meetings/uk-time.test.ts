import { describe, expect, it } from 'vitest';
import { ukDay, ukInstant } from './uk-time';

describe('UK wall-clock times', () => {
	it('reads 10:00 in winter as GMT and in summer as BST', () => {
		expect(ukInstant('2026-12-18', 10).toISOString()).toBe('2026-12-18T10:00:00.000Z');
		expect(ukInstant('2026-07-01', 10).toISOString()).toBe('2026-07-01T09:00:00.000Z');
	});

	it('never moves a day that does not exist to another day', () => {
		for (const day of ['2026-02-30', '2026-13-01', '0000-01-01', '2026-1-5'])
			expect(ukInstant(day, 10).getTime()).toBeNaN();
	});

	it('gives the UK day of an instant near midnight', () => {
		expect(ukDay(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
		expect(ukDay(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01');
	});
});
