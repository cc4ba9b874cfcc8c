import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { storableJson, storableText } from './storable';
import { readForm } from '../forms';

describe('storable text', () => {
	it('takes out U+0000 and replaces lone surrogates, leaving whole characters alone', () => {
		expect(storableText('Chrissie\u0000 loves drawing')).toBe('Chrissie loves drawing');
		expect(storableText('half \ud83d of a face')).toBe('half \ufffd of a face');
		expect(storableText('a \ude00 low half')).toBe('a \ufffd low half');
		expect(storableText('a whole 😀 face, and é')).toBe('a whole 😀 face, and é');
		expect(storableText('nothing to do')).toBe('nothing to do');
	});

	it('cleans every string of a JSON value, keys too, and keeps its shape', () => {
		const value = { 'k\u0000': ['x\u0000', 1, null, true, { t: '\ud800' }], n: 2 };
		expect(storableJson(value)).toEqual({ k: ['x', 1, null, true, { t: '\ufffd' }], n: 2 });
		expect(value['k\u0000'][0]).toBe('x\u0000'); // the input is not changed
	});

	it('is applied to every value a form sends', () => {
		const form = new FormData();
		form.set('name', 'Dawn\u0000 Walker');
		const read = readForm(form, z.object({ name: z.string() }));
		expect(read).toEqual({ ok: true, data: { name: 'Dawn Walker' } });
	});
});
