import { describe, expect, it } from 'vitest';
import { ownerOf } from './actions';

describe('the owner a plan names', () => {
	const people = [
		{ userId: 'sam', name: 'Sam Okafor' },
		{ userId: 'dawn', name: 'Dawn Walker' },
		{ userId: null, name: 'Mrs Ellen Green' },
		{ userId: 'kim1', name: 'Kim Lee' },
		{ userId: 'kim2', name: 'Kim Hart' }
	];
	it.each([
		['Sam Okafor', 'sam'],
		['sam okafor, the social worker', 'sam'],
		['Dawn (Mum)', 'dawn'],
		['Sam', 'sam'],
		['Kim', null],
		['Mrs Ellen Green', null],
		['Mum', null],
		['', null]
	])('%s → %s', (who, owner) => {
		expect(ownerOf(who, people)).toBe(owner);
	});
});
