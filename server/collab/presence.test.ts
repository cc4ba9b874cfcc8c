import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import { colorFor, rewriteAwareness } from './presence';

describe('rewriteAwareness', () => {
	it('replaces the claimed name and role with the server’s, keeping the rest', () => {
		const doc = new Y.Doc();
		const awareness = new awarenessProtocol.Awareness(doc);
		awareness.setLocalState({
			user: { name: 'The Chair (really)', role: 'chair' },
			cursor: { anchor: 1 }
		});
		const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
		const user = {
			name: 'Pat Police',
			role: 'professional',
			color: colorFor('u1'),
			participantId: 'p1'
		};
		const result = rewriteAwareness({ update, user, maySpeakFor: () => true });
		const server = new awarenessProtocol.Awareness(new Y.Doc());
		awarenessProtocol.applyAwarenessUpdate(server, result.update, null);
		expect(server.getStates().get(doc.clientID)).toEqual({ user, cursor: { anchor: 1 } });
		expect(result.clientIds).toEqual([doc.clientID]);
		awareness.destroy();
		server.destroy();
	});

	it('drops entries for client ids the connection may not speak for', () => {
		const doc = new Y.Doc();
		const awareness = new awarenessProtocol.Awareness(doc);
		awareness.setLocalState({ hello: 1 });
		const update = awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]);
		const result = rewriteAwareness({
			update,
			user: { name: 'x', role: 'parent', color: '#000', participantId: null },
			maySpeakFor: () => false
		});
		expect(result.clientIds).toEqual([]);
		awareness.destroy();
	});

	it('throws on malformed updates', () => {
		const user = { name: 'x', role: 'parent', color: '#000', participantId: null };
		expect(() =>
			rewriteAwareness({ update: new Uint8Array([1, 2, 3]), user, maySpeakFor: () => true })
		).toThrow();
	});

	it('gives each user a stable colour', () => {
		expect(colorFor('abc')).toBe(colorFor('abc'));
		expect(colorFor('abc')).toMatch(/^#[0-9a-f]{6}$/);
	});
});
