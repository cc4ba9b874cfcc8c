import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkUpdate, type ClientOwnership } from './gate';

const ALICE = 1001;
const BOB = 2002;

/** A server doc and a client doc in sync, and a way to capture the client's next update. */
function setup() {
	const server = new Y.Doc();
	server.clientID = 1;
	const alice = new Y.Doc();
	alice.clientID = ALICE;
	const bob = new Y.Doc();
	bob.clientID = BOB;
	return { server, alice, bob };
}

function capture(doc: Y.Doc, change: () => void): Uint8Array {
	const before = Y.encodeStateVector(doc);
	change();
	return Y.encodeStateAsUpdate(doc, before);
}

function paragraph(text: string) {
	const p = new Y.XmlElement('paragraph');
	p.insert(0, [new Y.XmlText(text)]);
	return p;
}

const owners = (map: Record<number, 'alice' | 'bob'>, me: 'alice' | 'bob') => (client: number): ClientOwnership =>
	map[client] === undefined ? 'unbound' : map[client] === me ? 'self' : 'other';

const onlyRoot = (allowed: string[]) => (root: string) => allowed.includes(root);

describe('checkUpdate', () => {
	it('allows a write to a root the sender may write, nested types included', () => {
		const { server, alice } = setup();
		const first = capture(alice, () => alice.getXmlFragment('contribution:a').insert(0, [paragraph('hello')]));
		const v1 = checkUpdate({ doc: server, update: first, kind: 'update', mayWrite: onlyRoot(['contribution:a']), ownerOf: owners({}, 'alice') });
		expect(v1).toMatchObject({ ok: true, newClients: [ALICE] });
		Y.applyUpdate(server, first);
		// typing inside the existing paragraph: the parent is an item id, not a root name
		const second = capture(alice, () => {
			const text = (alice.getXmlFragment('contribution:a').get(0) as Y.XmlElement).get(0) as Y.XmlText;
			text.insert(5, ' world');
		});
		const v2 = checkUpdate({ doc: server, update: second, kind: 'update', mayWrite: onlyRoot(['contribution:a']), ownerOf: owners({ [ALICE]: 'alice' }, 'alice') });
		expect(v2).toMatchObject({ ok: true, newClients: [] });
		const v3 = checkUpdate({ doc: server, update: second, kind: 'update', mayWrite: onlyRoot(['plan']), ownerOf: owners({ [ALICE]: 'alice' }, 'alice') });
		expect(v3).toMatchObject({ ok: false });
	});

	it('refuses a whole update when one of its roots is forbidden', () => {
		const { server, alice } = setup();
		const update = capture(alice, () =>
			alice.transact(() => {
				alice.getXmlFragment('contribution:a').insert(0, [paragraph('mine')]);
				alice.getMap('decision:b').set('decision', 'no-plan');
			})
		);
		const verdict = checkUpdate({ doc: server, update, kind: 'update', mayWrite: onlyRoot(['contribution:a']), ownerOf: owners({}, 'alice') });
		expect(verdict).toEqual({ ok: false, reason: 'may not write decision:b' });
	});

	it('resolves inserts that only name a neighbour (origin) to the neighbour’s root', () => {
		const { server, alice } = setup();
		const text = alice.get('section:x', Y.XmlText) as Y.XmlText;
		const first = capture(alice, () => text.insert(0, 'abc'));
		Y.applyUpdate(server, first);
		const second = capture(alice, () => text.insert(3, 'def'));
		expect(Y.decodeUpdate(second).structs[0]).toMatchObject({ parent: null });
		const ok = checkUpdate({ doc: server, update: second, kind: 'update', mayWrite: onlyRoot(['section:x']), ownerOf: owners({ [ALICE]: 'alice' }, 'alice') });
		expect(ok.ok).toBe(true);
		const no = checkUpdate({ doc: server, update: second, kind: 'update', mayWrite: onlyRoot([]), ownerOf: owners({ [ALICE]: 'alice' }, 'alice') });
		expect(no.ok).toBe(false);
	});

	it('checks deletions against the root of what they delete, and ignores deleting what is gone', () => {
		const { server, alice, bob } = setup();
		const text = bob.get('contribution:b', Y.XmlText) as Y.XmlText;
		const bobs = capture(bob, () => text.insert(0, 'bob words'));
		Y.applyUpdate(server, bobs);
		Y.applyUpdate(alice, bobs);
		const aliceDeletes = capture(alice, () => (alice.get('contribution:b', Y.XmlText) as Y.XmlText).delete(0, 3));
		const verdict = checkUpdate({ doc: server, update: aliceDeletes, kind: 'update', mayWrite: onlyRoot(['contribution:a']), ownerOf: owners({ [BOB]: 'bob' }, 'alice') });
		expect(verdict).toEqual({ ok: false, reason: 'may not delete in contribution:b' });
		// once Bob deleted it himself, Alice's stale delete set is harmless
		const bobDeletes = capture(bob, () => text.delete(0, 3));
		Y.applyUpdate(server, bobDeletes);
		const again = checkUpdate({ doc: server, update: aliceDeletes, kind: 'step2', mayWrite: onlyRoot(['contribution:a']), ownerOf: owners({ [BOB]: 'bob' }, 'alice') });
		expect(again.ok).toBe(true);
	});

	it('refuses another person’s structs in a live update but strips them from sync step 2', () => {
		const { server, alice, bob } = setup();
		const bobs = capture(bob, () => (bob.get('section:x', Y.XmlText) as Y.XmlText).insert(0, 'lost by the server '));
		Y.applyUpdate(alice, bobs); // Alice got it before the server crashed and lost it
		const alices = capture(alice, () => (alice.get('contribution:a', Y.XmlText) as Y.XmlText).insert(0, 'alice'));
		const step2 = Y.mergeUpdates([bobs, alices]);
		const ownerOf = owners({ [BOB]: 'bob', [ALICE]: 'alice' }, 'alice');
		const mayWrite = onlyRoot(['contribution:a']);
		expect(checkUpdate({ doc: server, update: step2, kind: 'update', mayWrite, ownerOf }).ok).toBe(false);
		const verdict = checkUpdate({ doc: server, update: step2, kind: 'step2', mayWrite, ownerOf });
		expect(verdict.ok).toBe(true);
		if (!verdict.ok) return;
		Y.applyUpdate(server, verdict.update);
		expect((server.get('contribution:a', Y.XmlText) as Y.XmlText).toString()).toBe('alice');
		expect((server.get('section:x', Y.XmlText) as Y.XmlText).toString()).toBe('');
	});

	it('holds back (pending) an own insert next to text the server lost, and drops deletes of unknown items', () => {
		const { server, alice, bob } = setup();
		const bobs = capture(bob, () => (bob.get('section:x', Y.XmlText) as Y.XmlText).insert(0, 'bob'));
		Y.applyUpdate(alice, bobs);
		const alices = capture(alice, () => {
			const text = alice.get('section:x', Y.XmlText) as Y.XmlText;
			text.insert(3, ' and alice');
			text.delete(0, 1); // deletes one of Bob's characters, which the server never saw
		});
		const verdict = checkUpdate({ doc: server, update: alices, kind: 'update', mayWrite: onlyRoot(['section:x']), ownerOf: owners({ [BOB]: 'bob' }, 'alice') });
		expect(verdict.ok).toBe(true);
		if (!verdict.ok) return;
		expect(Y.decodeUpdate(verdict.update).ds.clients.size).toBe(0);
		Y.applyUpdate(server, verdict.update);
		Y.applyUpdate(server, bobs); // Bob reconnects: Alice's held-back insert lands
		expect((server.get('section:x', Y.XmlText) as Y.XmlText).toString()).toBe('bob and alice');
	});

	it('throws on an update that cannot be decoded', () => {
		const { server } = setup();
		expect(() =>
			checkUpdate({ doc: server, update: new Uint8Array([1, 5, 9, 9]), kind: 'update', mayWrite: () => true, ownerOf: () => 'self' })
		).toThrow();
	});
});
