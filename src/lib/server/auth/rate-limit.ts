import { processState } from '../process-state';

/**
 * A fixed-window counter of failures per key (an account or an address).
 * In memory: one node's view; with several nodes each limits on its own, which only makes
 * the effective limit a small multiple — acceptable for sign-in.
 */
export class FailureLimiter {
	readonly #windows = new Map<string, { count: number; resetAt: number }>();

	constructor(
		readonly limit: number,
		readonly windowMs: number
	) {}

	/** Milliseconds until the key may try again, or 0 when it may now. */
	retryAfter(key: string, now = Date.now()): number {
		const window = this.#windows.get(key);
		if (!window || window.resetAt <= now) return 0;
		return window.count >= this.limit ? window.resetAt - now : 0;
	}

	/** Records one failure for the key. */
	fail(key: string, now = Date.now()): void {
		const window = this.#windows.get(key);
		if (!window || window.resetAt <= now) {
			this.#windows.set(key, { count: 1, resetAt: now + this.windowMs });
			if (this.#windows.size > 50_000) this.#sweep(now);
			return;
		}
		window.count += 1;
	}

	/** Forgets a key's failures (after a successful sign-in). */
	reset(key: string): void {
		this.#windows.delete(key);
	}

	#sweep(now: number): void {
		for (const [key, window] of this.#windows) if (window.resetAt <= now) this.#windows.delete(key);
	}
}

export type SignInLimiters = { account: FailureLimiter; address: FailureLimiter };

/**
 * Sign-in limits: 5 failures per account and 30 per address in 15 minutes. One pair per process
 * (in the process state), whichever copy of this module counts.
 */
export function signInLimiters(): SignInLimiters {
	const state = processState();
	state.signInLimiters ??= {
		account: new FailureLimiter(5, 15 * 60_000),
		address: new FailureLimiter(30, 15 * 60_000)
	};
	return state.signInLimiters;
}
