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

const owners =
	(map: Record<number, 'alice' | 'bob'>, me: 'alice' | 'bob') =>
	(client: number): ClientOwnership =>
		map[client] === undefined ? 'unbound' : map[client] === me ? 'self' : 'other';

const onlyRoot = (allowed: string[]) => (root: string) => allowed.includes(root);

describe('checkUpdate', () => {
	it('allows a write to a root the sender may write, nested types included', () => {
		const { server, alice } = setup();
		const first = capture(alice, () =>
			alice.getXmlFragment('contribution:a').insert(0, [paragraph('hello')])
		);
		const v1 = checkUpdate({
			doc: server,
			update: first,
			kind: 'update',
			mayWrite: onlyRoot(['contribution:a']),
			ownerOf: owners({}, 'alice')
		});
		expect(v1).toMatchObject({ ok: true, newClients: [ALICE] });
		Y.applyUpdate(server, first);
		// typing inside the existing paragraph: the parent is an item id, not a root name
		const second = capture(alice, () => {
			const text = (alice.getXmlFragment('contribution:a').get(0) as Y.XmlElement).get(
				0
			) as Y.XmlText;
			text.insert(5, ' world');
		});
		const v2 = checkUpdate({
			doc: server,
			update: second,
			kind: 'update',
			mayWrite: onlyRoot(['contribution:a']),
			ownerOf: owners({ [ALICE]: 'alice' }, 'alice')
		});
		expect(v2).toMatchObject({ ok: true, newClients: [] });
		const v3 = checkUpdate({
			doc: server,
			update: second,
			kind: 'update',
			mayWrite: onlyRoot(['plan']),
			ownerOf: owners({ [ALICE]: 'alice' }, 'alice')
		});
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
		const verdict = checkUpdate({
			doc: server,
			update,
			kind: 'update',
			mayWrite: onlyRoot(['contribution:a']),
			ownerOf: owners({}, 'alice')
		});
		expect(verdict).toEqual({ ok: false, reason: 'may not write decision:b' });
	});

	it('resolves inserts that only name a neighbour (origin) to the neighbour’s root', () => {
		const { server, alice } = setup();
		const text = alice.get('section:x', Y.XmlText) as Y.XmlText;
		const first = capture(alice, () => text.insert(0, 'abc'));
		Y.applyUpdate(server, first);
		const second = capture(alice, () => text.insert(3, 'def'));
		expect(Y.decodeUpdate(second).structs[0]).toMatchObject({ parent: null });
		const ok = checkUpdate({
			doc: server,
			update: second,
			kind: 'update',
			mayWrite: onlyRoot(['section:x']),
			ownerOf: owners({ [ALICE]: 'alice' }, 'alice')
		});
		expect(ok.ok).toBe(true);
		const no = checkUpdate({
			doc: server,
			update: second,
			kind: 'update',
			mayWrite: onlyRoot([]),
			ownerOf: owners({ [ALICE]: 'alice' }, 'alice')
		});
		expect(no.ok).toBe(false);
	});

	it('checks deletions against the root of what they delete, and ignores deleting what is gone', () => {
		const { server, alice, bob } = setup();
		const text = bob.get('contribution:b', Y.XmlText) as Y.XmlText;
		const bobs = capture(bob, () => text.insert(0, 'bob words'));
		Y.applyUpdate(server, bobs);
		Y.applyUpdate(alice, bobs);
		const aliceDeletes = capture(alice, () =>
			(alice.get('contribution:b', Y.XmlText) as Y.XmlText).delete(0, 3)
		);
		const verdict = checkUpdate({
			doc: server,
			update: aliceDeletes,
			kind: 'update',
			mayWrite: onlyRoot(['contribution:a']),
			ownerOf: owners({ [BOB]: 'bob' }, 'alice')
		});
		expect(verdict).toEqual({ ok: false, reason: 'may not delete in contribution:b' });
		// once Bob deleted it himself, Alice's stale delete set is harmless
		const bobDeletes = capture(bob, () => text.delete(0, 3));
		Y.applyUpdate(server, bobDeletes);
		const again = checkUpdate({
			doc: server,
			update: aliceDeletes,
			kind: 'step2',
			mayWrite: onlyRoot(['contribution:a']),
			ownerOf: owners({ [BOB]: 'bob' }, 'alice')
		});
		expect(again.ok).toBe(true);
	});

	it('refuses another person’s structs in a live update but strips them from sync step 2', () => {
		const { server, alice, bob } = setup();
		const bobs = capture(bob, () =>
			(bob.get('section:x', Y.XmlText) as Y.XmlText).insert(0, 'lost by the server ')
		);
		Y.applyUpdate(alice, bobs); // Alice got it before the server crashed and lost it
		const alices = capture(alice, () =>
			(alice.get('contribution:a', Y.XmlText) as Y.XmlText).insert(0, 'alice')
		);
		const step2 = Y.mergeUpdates([bobs, alices]);
		const ownerOf = owners({ [BOB]: 'bob', [ALICE]: 'alice' }, 'alice');
		const mayWrite = onlyRoot(['contribution:a']);
		expect(checkUpdate({ doc: server, update: step2, kind: 'update', mayWrite, ownerOf }).ok).toBe(
			false
		);
		const verdict = checkUpdate({ doc: server, update: step2, kind: 'step2', mayWrite, ownerOf });
		expect(verdict.ok).toBe(true);
		if (!verdict.ok) return;
		Y.applyUpdate(server, verdict.update);
		expect((server.get('contribution:a', Y.XmlText) as Y.XmlText).toString()).toBe('alice');
		expect((server.get('section:x', Y.XmlText) as Y.XmlText).toString()).toBe('');
	});

	it('refuses a live insert next to text of someone else that the server lost, and holds it back from sync step 2', () => {
		const { server, alice, bob } = setup();
		const bobs = capture(bob, () =>
			(bob.get('section:x', Y.XmlText) as Y.XmlText).insert(0, 'bob')
		);
		Y.applyUpdate(alice, bobs);
		const alices = capture(alice, () => {
			const text = alice.get('section:x', Y.XmlText) as Y.XmlText;
			text.insert(3, ' and alice');
			text.delete(0, 1); // deletes one of Bob's characters, which the server never saw
		});
		const props = {
			doc: server,
			update: alices,
			mayWrite: onlyRoot(['section:x']),
			ownerOf: owners({ [BOB]: 'bob' }, 'alice')
		};
		expect(checkUpdate({ ...props, kind: 'update' })).toMatchObject({ ok: false, outOfSync: true });
		const verdict = checkUpdate({ ...props, kind: 'step2' });
		expect(verdict).toMatchObject({ ok: true, newClients: [] });
		if (!verdict.ok) return;
		expect(verdict.waitingFor).toEqual([Y.createID(BOB, 2)]);
		expect(Y.decodeUpdate(verdict.update).structs).toHaveLength(0); // Alice's insert is cut…
		expect(Y.decodeUpdate(verdict.update).ds.clients.size).toBe(0); // …and the unknown delete dropped
		Y.applyUpdate(server, verdict.update);
		Y.applyUpdate(server, bobs); // Bob reconnects: Alice's step 2, judged again, now lands
		const again = checkUpdate({ ...props, kind: 'step2' });
		expect(again).toMatchObject({ ok: true, waitingFor: [] });
		if (!again.ok) return;
		Y.applyUpdate(server, again.update);
		expect((server.get('section:x', Y.XmlText) as Y.XmlText).toString()).toBe('ob and alice');
	});

	it('accepts a struct held back on the sender’s own earlier item, which is judged when it arrives', () => {
		const { server, alice } = setup();
		const text = alice.get('contribution:a', Y.XmlText) as Y.XmlText;
		Y.applyUpdate(
			server,
			capture(alice, () => text.insert(0, 'a'))
		);
		const gap = capture(alice, () => text.insert(1, 'b'));
		const next = capture(alice, () => text.insert(2, 'c'));
		const props = {
			doc: server,
			mayWrite: onlyRoot(['contribution:a']),
			ownerOf: owners({ [ALICE]: 'alice' }, 'alice')
		};
		expect(checkUpdate({ ...props, update: next, kind: 'update' })).toMatchObject({
			ok: true,
			waitingFor: []
		});
		Y.applyUpdate(server, next);
		Y.applyUpdate(server, gap);
		expect((server.get('contribution:a', Y.XmlText) as Y.XmlText).toString()).toBe('abc');
	});

	describe('a writer naming another person’s next item as its neighbour (found from outside)', () => {
		/** The victim types; the attacker sees that update (as if predicted) before the server does. */
		function attack(
			victimWrites: (doc: Y.Doc) => void,
			attackerWrites: (doc: Y.Doc) => void,
			victimNextWrites: (doc: Y.Doc) => void = victimWrites
		) {
			const { server, alice: victim, bob: attacker } = setup();
			victimWrites(victim); // the victim's earlier words, which everyone has
			const base = Y.encodeStateAsUpdate(victim);
			Y.applyUpdate(server, base);
			Y.applyUpdate(attacker, base);
			const victimNext = capture(victim, () => victimNextWrites(victim));
			Y.applyUpdate(attacker, victimNext);
			const injected = capture(attacker, () => attackerWrites(attacker));
			return { server, victimNext, injected };
		}
		const parentProps = (server: Y.Doc, ownerOfVictim: ClientOwnership | 'unbound') => ({
			doc: server,
			mayWrite: onlyRoot(['contribution:parent']),
			ownerOf: (client: number): ClientOwnership =>
				client === ALICE ? ownerOfVictim : client === BOB ? 'self' : 'unbound'
		});

		it('refuses the parent’s words landing inside the social worker’s next words, live or in sync step 2', () => {
			const root = 'contribution:sw';
			const { server, victimNext, injected } = attack(
				(doc) => {
					const text = doc.get(root, Y.XmlText) as Y.XmlText;
					text.insert(text.length, 'Victim wrote this. ');
				},
				(doc) => {
					const text = doc.get(root, Y.XmlText) as Y.XmlText;
					text.insert(text.length, 'INJECTED-BY-PARENT');
				}
			);
			const props = parentProps(server, 'other');
			expect(checkUpdate({ ...props, update: injected, kind: 'update' })).toMatchObject({
				ok: false
			});
			const step2 = checkUpdate({ ...props, update: injected, kind: 'step2' });
			expect(step2).toMatchObject({ ok: true });
			if (!step2.ok) return;
			Y.applyUpdate(server, step2.update);
			Y.applyUpdate(server, victimNext); // the social worker's words arrive
			expect((server.get(root, Y.XmlText) as Y.XmlText).toString()).not.toContain('INJECTED');
			// held back and judged again once it could be placed: now it names the victim's root
			expect(checkUpdate({ ...props, update: injected, kind: 'step2' })).toEqual({
				ok: false,
				reason: `may not write ${root}`
			});
		});

		it('refuses the parent setting the chair’s outcome by naming the chair’s next entry', () => {
			// A fresh outcome: the chair's first entry for the child is the neighbour named.
			const { server, victimNext, injected } = attack(
				(doc) => doc.getMap('meta').set('currentSection', 'decision'),
				(doc) =>
					doc.getMap('outcome').set('child-1', { outcome: 'no-plan', note: 'PARENT-SET-OUTCOME' }),
				(doc) => doc.getMap('outcome').set('child-1', { outcome: 'plan', category: 'neglect' })
			);
			const props = parentProps(server, 'other');
			expect(checkUpdate({ ...props, update: injected, kind: 'update' }).ok).toBe(false);
			const step2 = checkUpdate({ ...props, update: injected, kind: 'step2' });
			if (!step2.ok) throw new Error(`step 2 refused outright: ${step2.reason}`);
			Y.applyUpdate(server, step2.update);
			Y.applyUpdate(server, victimNext);
			expect(server.getMap('outcome').get('child-1')).toEqual({
				outcome: 'plan',
				category: 'neglect'
			});
		});

		it('refuses waiting on a client id nobody has written with yet (one seen only in presence)', () => {
			const { server, alice: victim, bob: attacker } = setup();
			// The victim is connected (their client id is in presence) but has written nothing.
			const victimFirst = capture(victim, () =>
				(victim.get('contribution:sw', Y.XmlText) as Y.XmlText).insert(0, 'first words')
			);
			Y.applyUpdate(attacker, victimFirst);
			const injected = capture(attacker, () =>
				(attacker.get('contribution:sw', Y.XmlText) as Y.XmlText).insert(11, 'X')
			);
			const props = parentProps(server, 'unbound');
			expect(checkUpdate({ ...props, update: injected, kind: 'update' })).toMatchObject({
				ok: false,
				outOfSync: true
			});
			const step2 = checkUpdate({ ...props, update: injected, kind: 'step2' });
			expect(step2).toMatchObject({ ok: true, waitingFor: [Y.createID(ALICE, 10)] });
		});
	});

	it('throws on an update that cannot be decoded', () => {
		const { server } = setup();
		expect(() =>
			checkUpdate({
				doc: server,
				update: new Uint8Array([1, 5, 9, 9]),
				kind: 'update',
				mayWrite: () => true,
				ownerOf: () => 'self'
			})
		).toThrow();
	});
});
