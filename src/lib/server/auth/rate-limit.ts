/**
 * Sign-in limits, kept in the database (`sign_in_limits`) so they hold across restarts and
 * every node. Two counters, each a fixed 15-minute window from its first failure:
 *
 * - an account *and* address pair: 5 failures, then that pair waits. Someone guessing from
 *   elsewhere slows themselves down and never locks the chair out of her own meeting room;
 * - an address: 30 failures across any accounts, then that address waits (one machine spraying
 *   many accounts).
 *
 * A successful sign-in clears its pair. Keys are SHA-256 of what they count, so the table names
 * no account and no address.
 */
import { inArray, lt, sql } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Database } from '../db';
import { signInLimits } from '../db/schema';

const WINDOW_MS = 15 * 60_000;
/** The limits, for tests and docs/security.md. */
export const SIGN_IN_LIMITS = {
	perAccountAndAddress: 5,
	perAddress: 30,
	windowMs: WINDOW_MS
} as const;

function keyOf(...parts: string[]): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(parts.join('\u0000'))));
}

function keys(email: string, address: string) {
	return { pair: keyOf('pair', email, address), address: keyOf('address', address) };
}

/** Milliseconds until this account may try again from this address, or 0 when it may now. */
export async function signInWait(props: {
	db: Database;
	email: string;
	address: string;
	now?: Date;
}): Promise<number> {
	const now = (props.now ?? new Date()).getTime();
	const k = keys(props.email, props.address);
	const rows = await props.db
		.select()
		.from(signInLimits)
		.where(inArray(signInLimits.key, [k.pair, k.address]));
	let wait = 0;
	for (const row of rows) {
		const limit =
			row.key === k.pair ? SIGN_IN_LIMITS.perAccountAndAddress : SIGN_IN_LIMITS.perAddress;
		const left = row.resetAt.getTime() - now;
		if (row.failures >= limit && left > 0) wait = Math.max(wait, left);
	}
	return wait;
}

/** Counts one failed sign-in for the pair and for the address (atomic on every node). */
export async function recordSignInFailure(props: {
	db: Database;
	email: string;
	address: string;
	now?: Date;
}): Promise<void> {
	const now = props.now ?? new Date();
	const nowSql = sql`${now.toISOString()}::timestamptz`;
	const resetAt = new Date(now.getTime() + WINDOW_MS);
	const k = keys(props.email, props.address);
	await props.db
		.insert(signInLimits)
		.values([
			{ key: k.pair, failures: 1, resetAt },
			{ key: k.address, failures: 1, resetAt }
		])
		.onConflictDoUpdate({
			target: signInLimits.key,
			set: {
				failures: sql`case when ${signInLimits.resetAt} <= ${nowSql} then 1 else ${signInLimits.failures} + 1 end`,
				resetAt: sql`case when ${signInLimits.resetAt} <= ${nowSql} then excluded.reset_at else ${signInLimits.resetAt} end`
			}
		});
	// Now and then, forget windows long over, so the table stays small.
	if (Math.random() < 0.02)
		await props.db
			.delete(signInLimits)
			.where(lt(signInLimits.resetAt, new Date(now.getTime() - WINDOW_MS)));
}

/** Forgets the pair's failures after a successful sign-in (the address's count stays). */
export async function clearSignInFailures(props: {
	db: Database;
	email: string;
	address: string;
}): Promise<void> {
	await props.db
		.delete(signInLimits)
		.where(inArray(signInLimits.key, [keys(props.email, props.address).pair]));
}
