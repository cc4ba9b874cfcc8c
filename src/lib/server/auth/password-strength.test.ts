import { describe, expect, it } from 'vitest';
import { newPasswordProblem, personalWords } from './password-strength';

const person = { name: 'Marigold Featherstone', email: 'marigold.featherstone@council.example' };

describe('a new password', () => {
	it('that is common, repeated or a keyboard walk is refused with advice, whatever its length', async () => {
		for (const password of [
			'aaaaaaaaaaaa',
			'password1234',
			'qwertyuiop123',
			'123456789012',
			'abcabcabcabcabc',
			'iloveyou12345',
			'roundtable-demo'
		]) {
			const problem = await newPasswordProblem({ password });
			expect(problem, password).toMatch(/^This password would be easy to guess\./);
			expect(problem, password).toMatch(/A few unusual words together/);
		}
		expect(await newPasswordProblem({ password: 'aaaaaaaaaaaa' })).toMatch(/[Rr]epeat/);
	});

	it('made of the person’s own name or email is refused for them', async () => {
		for (const password of [
			'MarigoldFeatherstone',
			'marigold.featherstone@council.example',
			'Featherstone2026!'
		]) {
			// Hard enough for a stranger's account; easy for hers, to anyone who knows her name.
			expect(await newPasswordProblem({ password }), password).toBeNull();
			expect(await newPasswordProblem({ password, person }), password).toMatch(/easy to guess/);
		}
	});

	it('that is long and unusual is accepted', async () => {
		for (const password of [
			'correct horse battery',
			'a long and quiet river',
			'Lantern oyster 7 gravel',
			'a completely new passphrase'
		]) {
			expect(await newPasswordProblem({ password, person }), password).toBeNull();
		}
	});

	it('is still checked for length first, and very long ones are weighed quickly', async () => {
		expect(await newPasswordProblem({ password: 'short' })).toBe('Use at least 12 characters.');
		expect(await newPasswordProblem({ password: 'x'.repeat(257) })).toBe(
			'Use at most 256 characters.'
		);
		const started = performance.now();
		expect(
			await newPasswordProblem({ password: 'a1b2c3d4e5f6g7h8i9j0'.repeat(13).slice(0, 256) })
		).toBeNull();
		expect(performance.now() - started).toBeLessThan(5_000);
	});
});

describe('the person’s own words', () => {
	it('are their name, its parts, their email and its parts, and the app’s name', () => {
		expect(personalWords(person)).toEqual(
			expect.arrayContaining([
				'marigold featherstone',
				'marigold',
				'featherstone',
				'marigold.featherstone@council.example',
				'marigold.featherstone',
				'roundtable'
			])
		);
	});
});
