import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { ConnectionIdentity } from './authenticate';
import type { AcceptedUpdate, LoadedChannel, UpdateCheck } from './hooks';
import { judgeUpdate } from './pipeline';

const identity = {
	meetingId: 'm',
	channel: 'main',
	userId: 'u',
	mayWrite: true
} as unknown as ConnectionIdentity;
const record = { doc: new Y.Doc() } as unknown as LoadedChannel;
const sent = new Uint8Array([0, 0]);
const accepted: AcceptedUpdate = {
	ok: true,
	update: sent,
	newClients: [],
	roots: new Set(['plan']),
	waitingFor: []
};
const context = { identity, record, kind: 'update' as const, sent };

/** A check that notes it ran and what it saw, then answers `verdict`. */
function step(name: string, seen: string[], verdict: Awaited<ReturnType<UpdateCheck['check']>>) {
	return {
		name,
		check(ctx) {
			seen.push(`${name}:${ctx.accepted ? [...ctx.accepted.roots].join(',') : 'none'}`);
			return verdict;
		}
	} satisfies UpdateCheck;
}

describe('judgeUpdate', () => {
	it('runs every check in order, each seeing the gate’s acceptance, and applies what the gate accepted', async () => {
		const seen: string[] = [];
		const judgement = await judgeUpdate({
			checks: [
				step('gate', seen, { ok: true, accepted }),
				step('decisions', seen, { ok: true }),
				step('quota', seen, { ok: true })
			],
			context,
			stillCurrent: () => true
		});
		expect(seen).toEqual(['gate:none', 'decisions:plan', 'quota:plan']);
		expect(judgement).toEqual({ outcome: 'apply', accepted });
	});

	it('stops at the first refusal: no later check runs', async () => {
		const seen: string[] = [];
		const judgement = await judgeUpdate({
			checks: [
				step('gate', seen, { ok: true, accepted }),
				step('decisions', seen, { ok: false, code: 4422, reason: 'a decision needs its reason' }),
				step('quota', seen, { ok: true })
			],
			context,
			stillCurrent: () => true
		});
		expect(seen).toEqual(['gate:none', 'decisions:plan']);
		expect(judgement).toEqual({
			outcome: 'refuse',
			verdict: { ok: false, code: 4422, reason: 'a decision needs its reason' }
		});
	});

	it('lets a later check replace the acceptance (the binding step judges again)', async () => {
		const again: AcceptedUpdate = { ...accepted, roots: new Set(['plan', 'concerns']) };
		const seen: string[] = [];
		await judgeUpdate({
			checks: [
				step('gate', seen, { ok: true, accepted }),
				step('binding', seen, { ok: true, accepted: again }),
				step('concerns', seen, { ok: true })
			],
			context,
			stillCurrent: () => true
		});
		expect(seen).toEqual(['gate:none', 'binding:plan', 'concerns:plan,concerns']);
	});

	it('is gone when the socket closed while a check waited, and applies nothing', async () => {
		let current = true;
		const seen: string[] = [];
		const waits: UpdateCheck = {
			name: 'binding',
			async check() {
				current = false; // the socket closed meanwhile
				return { ok: true };
			}
		};
		const judgement = await judgeUpdate({
			checks: [
				step('gate', seen, { ok: true, accepted }),
				waits,
				step('quota', seen, { ok: true })
			],
			context,
			stillCurrent: () => current
		});
		expect(judgement).toEqual({ outcome: 'gone' });
		expect(seen).toEqual(['gate:none']);
	});

	it('refuses to apply when no check accepted the update (the gate must come first)', async () => {
		await expect(
			judgeUpdate({ checks: [step('quota', [], { ok: true })], context, stillCurrent: () => true })
		).rejects.toThrow(/gate must come first/);
	});
});
