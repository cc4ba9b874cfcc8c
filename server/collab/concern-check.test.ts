import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { closeCodes } from '../../src/lib/collab/protocol';
import { addConcern } from '../../src/lib/collab/record-shape';
import { roots } from '../../src/lib/collab/roots';
import type { ConnectionIdentity } from './authenticate';
import { checkConcernIds, concernCheck } from './concern-check';
import { checkUpdate } from './gate';
import type { LoadedChannel, UpdateContext } from './hooks';

/** The update a client would send for `change`, made on a copy of `server`. */
function updateFrom(server: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
	const client = new Y.Doc();
	Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
	const before = Y.encodeStateVector(client);
	change(client);
	const update = Y.encodeStateAsUpdate(client, before);
	client.destroy();
	return update;
}

/** A server copy holding one card, `c1`. */
function serverWithCard(): Y.Doc {
	const server = new Y.Doc();
	Y.applyUpdate(
		server,
		updateFrom(server, (d) => addConcern(d, { id: 'c1', childId: 'k1', title: 'Late for school' }))
	);
	return server;
}

/** The concern card map with `id`, in `doc`. */
function card(doc: Y.Doc, id: string): Y.Map<unknown> {
	const found = doc
		.getArray<Y.Map<unknown>>(roots.concerns)
		.toArray()
		.find((m) => m.get('id') === id);
	if (!found) throw new Error(`no card ${id}`);
	return found;
}

/** A card written by hand with `id` (or none), as a client could send it. */
function pushCard(doc: Y.Doc, id: unknown): void {
	doc.transact(() => {
		const map = new Y.Map<unknown>();
		if (id !== undefined) map.set('id', id);
		map.set('childId', 'k1');
		map.set('title', new Y.Text('No winter coat'));
		doc.getArray(roots.concerns).push([map]);
	});
}

describe('checkConcernIds', () => {
	it('accepts a new card with an id of its own, and edits to an existing card', () => {
		const server = serverWithCard();
		const fresh = updateFrom(server, (d) => addConcern(d, { id: 'c2', childId: 'k1', title: 'x' }));
		expect(checkConcernIds({ doc: server, update: fresh })).toEqual({ ok: true });
		const edit = updateFrom(server, (d) =>
			(card(d, 'c1').get('title') as Y.Text).insert(0, 'Often ')
		);
		expect(checkConcernIds({ doc: server, update: edit })).toEqual({ ok: true });
		const status = updateFrom(server, (d) => card(d, 'c1').set('status', 'closed'));
		expect(checkConcernIds({ doc: server, update: status })).toEqual({ ok: true });
	});

	it('refuses a new card whose id another card already has, on the server or in the same update', () => {
		const server = serverWithCard();
		const taken = updateFrom(server, (d) => addConcern(d, { id: 'c1', childId: 'k1', title: 'x' }));
		expect(checkConcernIds({ doc: server, update: taken })).toEqual({
			ok: false,
			reason: 'a concern card with that id already exists'
		});
		const twice = updateFrom(server, (d) => {
			addConcern(d, { id: 'c3', childId: 'k1', title: 'x' });
			addConcern(d, { id: 'c3', childId: 'k1', title: 'y' });
		});
		expect(checkConcernIds({ doc: server, update: twice }).ok).toBe(false);
		// A withdrawn card's id is free again.
		const gone = updateFrom(server, (d) => d.getArray(roots.concerns).delete(0, 1));
		Y.applyUpdate(server, gone);
		const again = updateFrom(server, (d) => addConcern(d, { id: 'c1', childId: 'k1', title: 'x' }));
		expect(checkConcernIds({ doc: server, update: again })).toEqual({ ok: true });
	});

	it('refuses a card whose id is missing, empty, not text or too long', () => {
		const server = new Y.Doc();
		for (const id of ['', 42, 'x'.repeat(65)]) {
			const update = updateFrom(server, (d) => pushCard(d, id));
			expect(checkConcernIds({ doc: server, update })).toEqual({
				ok: false,
				reason: 'a concern card needs an id'
			});
		}
		expect(
			checkConcernIds({
				doc: server,
				update: updateFrom(server, (d) => pushCard(d, 'x'.repeat(64)))
			})
		).toEqual({ ok: true });
	});

	it('refuses changing an existing card’s id, even to a new one', () => {
		const server = serverWithCard();
		const renamed = updateFrom(server, (d) => card(d, 'c1').set('id', 'c9'));
		expect(checkConcernIds({ doc: server, update: renamed })).toEqual({
			ok: false,
			reason: 'a concern card’s id cannot change'
		});
	});

	it('leaves maps outside the concern cards alone', () => {
		const server = serverWithCard();
		const meta = updateFrom(server, (d) => d.getMap(roots.meta).set('id', 'c1'));
		expect(checkConcernIds({ doc: server, update: meta })).toEqual({ ok: true });
	});
});

describe('concernCheck (beforeApply)', () => {
	const identity = { userId: 'u', mayWrite: true } as ConnectionIdentity;

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

	it('closes the socket as forbidden, with the reason, when a card’s id is taken', () => {
		const server = serverWithCard();
		const taken = updateFrom(server, (d) => addConcern(d, { id: 'c1', childId: 'k1', title: 'x' }));
		expect(concernCheck.check(context(server, taken))).toEqual({
			ok: false,
			code: closeCodes.forbidden,
			reason: 'a concern card with that id already exists'
		});
		const fresh = updateFrom(server, (d) => addConcern(d, { id: 'c2', childId: 'k1', title: 'x' }));
		expect(concernCheck.check(context(server, fresh))).toEqual({ ok: true });
	});

	it('looks only at updates that touch the concern cards, and at nothing before the gate', () => {
		const server = serverWithCard();
		const taken = updateFrom(server, (d) => addConcern(d, { id: 'c1', childId: 'k1', title: 'x' }));
		const judged = context(server, taken);
		expect(concernCheck.check({ ...judged, accepted: null })).toEqual({ ok: true });
		if (!judged.accepted) throw new Error('accepted');
		const elsewhere = { ...judged.accepted, roots: new Set([roots.meta]) };
		expect(concernCheck.check({ ...judged, accepted: elsewhere })).toEqual({ ok: true });
	});
});
