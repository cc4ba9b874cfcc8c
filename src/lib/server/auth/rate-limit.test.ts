import { describe, expect, it } from 'vitest';
import { FailureLimiter } from './rate-limit';

describe('FailureLimiter', () => {
	it('lets a key fail up to the limit, then makes it wait until the window ends', () => {
		const limiter = new FailureLimiter(3, 60_000);
		const t0 = 1_000_000;
		for (let i = 0; i < 3; i++) {
			expect(limiter.retryAfter('k', t0)).toBe(0);
			limiter.fail('k', t0);
		}
		expect(limiter.retryAfter('k', t0 + 1000)).toBe(59_000);
		expect(limiter.retryAfter('other', t0)).toBe(0);
		expect(limiter.retryAfter('k', t0 + 60_000)).toBe(0);
	});

	it('forgets a key on reset', () => {
		const limiter = new FailureLimiter(1, 60_000);
		limiter.fail('k', 0);
		expect(limiter.retryAfter('k', 1)).toBeGreaterThan(0);
		limiter.reset('k');
		expect(limiter.retryAfter('k', 1)).toBe(0);
	});
});
