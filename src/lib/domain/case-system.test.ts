import { describe, expect, it } from 'vitest';
import { MAX_DELIVERY_ATTEMPTS, deliveryRetryDelayMs } from './case-system';

describe('retrying a case-system delivery (issue 26)', () => {
	it('waits 1, 2, 4 … minutes after each failure, never more than six hours', () => {
		const minutes = Array.from({ length: 12 }, (_, i) => deliveryRetryDelayMs(i + 1) / 60_000);
		expect(minutes).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360]);
		expect(deliveryRetryDelayMs(0)).toBe(60_000);
	});

	it('gives up after 14 attempts: about 32 hours of trying', () => {
		expect(MAX_DELIVERY_ATTEMPTS).toBe(14);
		let waited = 0;
		for (let attempt = 1; attempt < MAX_DELIVERY_ATTEMPTS; attempt++)
			waited += deliveryRetryDelayMs(attempt);
		expect(waited / 3_600_000).toBeCloseTo(32.5, 1);
	});
});
