import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCodes } from '../../src/lib/collab/protocol';
import type { ConnectionIdentity } from './authenticate';
import { checkUpdate } from './gate';
import type { LoadedChannel, UpdateContext } from './hooks';
import { RecordQuota, type QuotaLimits } from './quota';
import { quotaCheck } from './quota-check';

const ALICE = 101;
const BOB = 202;

/** A channel's document and its quota, with Alice's and Bob's client ids bound to them. */
function channel(limits: QuotaLimits) {
	const doc = new Y.Doc();
	const owners = new Map<number, string>([
		[ALICE, 'alice'],
		[BOB, 'bob']
	]);
	const quota = new RecordQuota(doc, limits, (client) => owners.get(client), 0);
	// The check reads the channel's quota only.
	const record = { doc, quota } as LoadedChannel;
	return { doc, record };
}

/** A writer's copy of the channel, as a client keeps it. */
function writer(doc: Y.Doc, clientId: number): Y.Doc {
	const copy = new Y.Doc();
	copy.clientID = clientId;
	Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
	return copy;
}

function change(copy: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
	const before = Y.encodeStateVector(copy);
	edit(copy);
	return Y.encodeStateAsUpdate(copy, before);
}

/** Runs the quota check on `update` as the gate would pass it on, and applies it when admitted. */
function send(record: LoadedChannel, userId: string, update: Uint8Array) {
	const accepted = checkUpdate({
		doc: record.doc,
		update,
		kind: 'update',
		mayWrite: () => true,
		ownerOf: () => 'self'
	});
	if (!accepted.ok) throw new Error(accepted.reason);
	const context: UpdateContext = {
		identity: { userId } as ConnectionIdentity,
		record,
		kind: 'update',
		sent: update,
		accepted
	};
	const verdict = quotaCheck.check(context);
	if (verdict instanceof Promise) throw new Error('the quota check waits for nothing');
	if (verdict.ok) Y.applyUpdate(record.doc, update);
	return verdict;
}

const words = (n: number) => 'w'.repeat(n);

describe('quotaCheck (beforeApply)', () => {
	it('admits writing within a person’s share and refuses the update that would pass it', () => {
		const { doc, record } = channel({ recordBytes: 100_000, shareBytes: 300 });
		const alice = writer(doc, ALICE);
		const text = alice.getText('section:a');
		expect(
			send(
				record,
				'alice',
				change(alice, () => text.insert(0, words(200)))
			)
		).toEqual({
			ok: true
		});
		expect(
			send(
				record,
				'alice',
				change(alice, () => text.insert(0, words(200)))
			)
		).toEqual({
			ok: false,
			code: closeCodes.recordFull,
			reason: 'you have written as much as one person may in this record'
		});
		expect(doc.getText('section:a').length).toBe(200); // the refused update was not applied
		// Bob has a share of his own.
		const bob = writer(doc, BOB);
		expect(
			send(
				record,
				'bob',
				change(bob, () => bob.getText('section:b').insert(0, words(200)))
			)
		).toEqual({ ok: true });
	});

	it('counts live content only: what a person deleted frees their share', () => {
		const { doc, record } = channel({ recordBytes: 100_000, shareBytes: 300 });
		const alice = writer(doc, ALICE);
		const text = alice.getText('section:a');
		expect(
			send(
				record,
				'alice',
				change(alice, () => text.insert(0, words(200)))
			).ok
		).toBe(true);
		expect(
			send(
				record,
				'alice',
				change(alice, () => text.delete(0, 200))
			).ok
		).toBe(true);
		expect(
			send(
				record,
				'alice',
				change(alice, () => text.insert(0, words(200)))
			).ok
		).toBe(true);
	});

	it('refuses anyone once the record is full', () => {
		const { doc, record } = channel({ recordBytes: 600, shareBytes: 100_000 });
		const alice = writer(doc, ALICE);
		expect(
			send(
				record,
				'alice',
				change(alice, () => alice.getText('a').insert(0, words(400)))
			).ok
		).toBe(true);
		const bob = writer(doc, BOB);
		expect(
			send(
				record,
				'bob',
				change(bob, () => bob.getText('b').insert(0, words(400)))
			)
		).toEqual({
			ok: false,
			code: closeCodes.recordFull,
			reason: 'the meeting record is full; nothing more can be added'
		});
		expect(
			send(
				record,
				'bob',
				change(writer(doc, BOB + 1), (d) => d.getText('b').insert(0, 'ok'))
			).ok
		).toBe(true);
	});

	it('counts nothing before the gate has accepted the update', () => {
		const { doc, record } = channel({ recordBytes: 10, shareBytes: 10 });
		const update = change(writer(doc, ALICE), (d) => d.getText('a').insert(0, words(50)));
		expect(
			quotaCheck.check({
				identity: { userId: 'alice' } as ConnectionIdentity,
				record,
				kind: 'update',
				sent: update,
				accepted: null
			})
		).toEqual({ ok: true });
	});
});
