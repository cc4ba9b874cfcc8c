/**
 * The quota as a beforeApply check (./assembly.ts): the record's size cap and each person's
 * share (./quota.ts, which the hooks' context carries, so the check lives apart from it and
 * the hook types import no check).
 */
import { closeCodes } from '../../src/lib/collab/protocol';
import type { UpdateCheck } from './hooks';

/** beforeApply, last: the record and each person's share stay within their limits (counted once admitted). */
export const quotaCheck: UpdateCheck = {
	name: 'quota',
	check({ record, identity, accepted }) {
		if (!accepted) return { ok: true };
		const verdict = record.quota.admit(identity.userId, accepted.update.byteLength);
		return verdict.ok
			? { ok: true }
			: { ok: false, code: closeCodes.recordFull, reason: verdict.reason };
	}
};
