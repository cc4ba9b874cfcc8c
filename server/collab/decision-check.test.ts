import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCodes } from '../../src/lib/collab/protocol';
import { roots } from '../../src/lib/collab/roots';
import type { ConnectionIdentity } from './authenticate';
import { checkDecisionRoots, decisionCheck, isCheckedRoot } from './decision-check';
import { checkUpdate } from './gate';
import type { LoadedChannel, UpdateContext } from './hooks';

/** The update a client would send for `change`, made on a copy of `server`. */
function updateFrom(server: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
	const before = Y.encodeStateVector(client);
	change(client);
	return Y.encodeStateAsUpdate(client, before);
}

const reason = 'Two incidents of violence at home in a month.';

describe('checkDecisionRoots', () => {
	it('only decision and outcome roots are checked', () => {
		expect(isCheckedRoot(roots.decision('p1'))).toBe(true);
		expect(isCheckedRoot(roots.outcome)).toBe(true);
		expect(isCheckedRoot(roots.plan)).toBe(false);
		expect(isCheckedRoot(roots.contribution('p1'))).toBe(false);
	});

	it('refuses a decision without a reason and accepts one with it, leaving the server document untouched', () => {
		const server = new Y.Doc();
		const root = roots.decision('p1');
		const bad = updateFrom(server, (d) =>
			d.getMap(root).set('c1', { recommendation: 'plan', reason: 'short' })
		);
		expect(
			checkDecisionRoots({ doc: server, update: bad, roots: [root], childIds: ['c1'] }).ok
		).toBe(false);
		expect(server.share.has(root)).toBe(false);
		const good = updateFrom(server, (d) =>
			d.getMap(root).set('c1', { recommendation: 'plan', reason })
		);
		expect(
			checkDecisionRoots({ doc: server, update: good, roots: [root], childIds: ['c1'] })
		).toEqual({ ok: true });
		expect(
			checkDecisionRoots({ doc: server, update: good, roots: [root], childIds: ['c2'] }).ok
		).toBe(false);
	});

	it("accepts the meeting's own decision options (a child in need review's next step) and only those", () => {
		const server = new Y.Doc();
		const root = roots.decision('p1');
		const options = ['continue', 'close', 'step-up'];
		const stepUp = updateFrom(server, (d) =>
			d.getMap(root).set('c1', { recommendation: 'step-up', reason })
		);
		expect(
			checkDecisionRoots({ doc: server, update: stepUp, roots: [root], childIds: ['c1'], options })
		).toEqual({ ok: true });
		expect(
			checkDecisionRoots({ doc: server, update: stepUp, roots: [root], childIds: ['c1'] }).ok
		).toBe(false);
		const plan = updateFrom(server, (d) =>
			d.getMap(root).set('c1', { recommendation: 'plan', reason })
		);
		expect(
			checkDecisionRoots({ doc: server, update: plan, roots: [root], childIds: ['c1'], options }).ok
		).toBe(false);
	});

	it('judges only the entries an update changes, and allows withdrawing one', () => {
		const server = new Y.Doc();
		const root = roots.decision('p1');
		Y.applyUpdate(
			server,
			updateFrom(server, (d) => d.getMap(root).set('gone', { recommendation: 'plan', reason }))
		);
		const other = updateFrom(server, (d) =>
			d.getMap(root).set('c1', { recommendation: 'no-plan', reason })
		);
		expect(
			checkDecisionRoots({ doc: server, update: other, roots: [root], childIds: ['c1'] })
		).toEqual({ ok: true });
		const withdraw = updateFrom(server, (d) => d.getMap(root).delete('gone'));
		expect(
			checkDecisionRoots({ doc: server, update: withdraw, roots: [root], childIds: ['c1'] })
		).toEqual({ ok: true });
	});

	it("requires the chair's category exactly for a plan", () => {
		const server = new Y.Doc();
		const check = (value: unknown) =>
			checkDecisionRoots({
				doc: server,
				update: updateFrom(server, (d) => d.getMap(roots.outcome).set('c1', value)),
				roots: [roots.outcome],
				childIds: ['c1']
			}).ok;
		const reason = 'Chrissie is late or hungry most days.';
		expect(check({ outcome: 'plan', reason })).toBe(false);
		expect(check({ outcome: 'plan', category: 'neglect', reason })).toBe(true);
		expect(check({ outcome: 'no-plan', reason })).toBe(true);
		expect(check({ outcome: 'no-plan', category: 'neglect', reason })).toBe(false);
		expect(check('plan')).toBe(false);
	});

	it("refuses the chair's outcome without its own reason", () => {
		const server = new Y.Doc();
		const verdict = (value: unknown) =>
			checkDecisionRoots({
				doc: server,
				update: updateFrom(server, (d) => d.getMap(roots.outcome).set('c1', value)),
				roots: [roots.outcome],
				childIds: ['c1']
			});
		expect(verdict({ outcome: 'plan', category: 'neglect' })).toEqual({
			ok: false,
			reason: 'outcome refused (reason)'
		});
		expect(verdict({ outcome: 'no-plan', reason: 'ok' }).ok).toBe(false);
	});
});

describe('decisionCheck (beforeApply)', () => {
	const identity = {
		userId: 'u',
		mayWrite: true,
		childIds: ['c1'],
		decisionOptions: ['plan', 'no-plan']
	} as ConnectionIdentity;

	/** The context the pipeline gives the check once the gate has accepted `update`. */
	function context(server: Y.Doc, update: Uint8Array): UpdateContext {
		const accepted = checkUpdate({
			doc: server,
			update,
			kind: 'update',
			mayWrite: () => true,
			ownerOf: () => 'self'
		});
		if (!accepted.ok) throw new Error(accepted.reason);
		// The check reads only the channel's document.
		const record = { doc: server } as LoadedChannel;
		return { identity, record, kind: 'update', sent: update, accepted };
	}

	it('closes the socket as an invalid decision, by the meeting’s children and options', () => {
		const server = new Y.Doc();
		const root = roots.decision('p1');
		const set = (value: unknown, child = 'c1') =>
			decisionCheck.check(
				context(
					server,
					updateFrom(server, (d) => d.getMap(root).set(child, value))
				)
			);
		expect(set({ recommendation: 'plan', reason })).toEqual({ ok: true });
		expect(set({ recommendation: 'plan', reason: 'short' })).toMatchObject({
			ok: false,
			code: closeCodes.invalidDecision
		});
		expect(set({ recommendation: 'step-up', reason })).toMatchObject({ ok: false });
		expect(set({ recommendation: 'plan', reason }, 'c2')).toMatchObject({ ok: false });
	});

	it('passes updates to other roots unread, and anything before the gate', () => {
		const server = new Y.Doc();
		const elsewhere = updateFrom(server, (d) => d.getMap(roots.plan).set('c1', 'anything'));
		expect(decisionCheck.check(context(server, elsewhere))).toEqual({ ok: true });
		const bad = context(
			server,
			updateFrom(server, (d) => d.getMap(roots.outcome).set('c1', 'plan'))
		);
		expect(decisionCheck.check(bad)).toMatchObject({ ok: false });
		expect(decisionCheck.check({ ...bad, accepted: null })).toEqual({ ok: true });
	});
});
