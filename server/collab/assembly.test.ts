import { describe, expect, it } from 'vitest';
import { collabHooks } from './assembly';

// The assembly is the server's one list: its order is a rule, so a test says it.
describe('the collaboration server’s assembly', () => {
	it('judges each update at the gate first, binds authorship next, and counts the quota last', () => {
		expect(collabHooks.beforeApply.map((check) => check.name)).toEqual([
			'gate',
			'client binding',
			'decisions',
			'concerns',
			'quota'
		]);
	});

	it('stores each applied update before it reaches anyone, then relays it and retries held ones', () => {
		expect(collabHooks.afterApply.map((step) => step.name)).toEqual([
			'persist',
			'broadcast',
			'relay',
			'retry held'
		]);
	});

	it('seeds a channel’s first content with the review pre-fill and the notes seed', () => {
		expect(collabHooks.loadChannel.map((step) => step.name)).toEqual([
			'plan seed',
			'review pre-fill',
			'notes seed'
		]);
		expect(collabHooks.disconnect.map((step) => step.name)).toEqual(['presence leaves']);
	});

	it('names every step once', () => {
		const names = [
			...collabHooks.loadChannel,
			...collabHooks.beforeApply,
			...collabHooks.afterApply,
			...collabHooks.disconnect
		].map((step) => step.name);
		expect(new Set(names).size).toBe(names.length);
	});
});
