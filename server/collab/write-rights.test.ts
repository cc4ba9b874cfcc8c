import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { ConnectionIdentity } from './authenticate';
import { childScoresAllowed, mayWriteFor } from './write-rights';

const base: ConnectionIdentity = {
	meetingId: 'm',
	channel: 'main',
	childIds: ['c1'],
	decisionOptions: ['plan', 'no-plan'],
	userId: 'u',
	sessionId: 's',
	name: 'Pat',
	role: 'professional',
	participantId: 'p1',
	status: 'live',
	mayWrite: true
};

describe('mayWriteFor', () => {
	it('asks the policy by the identity the upgrade established', () => {
		const may = mayWriteFor(base, new Y.Doc());
		expect(may('decision:p1')).toBe(true);
		expect(may('decision:p2')).toBe(false);
		expect(may('outcome')).toBe(false);
	});

	it('keeps restricted roots on the restricted channel only, and the rest off it', () => {
		expect(mayWriteFor(base, new Y.Doc())('restricted:p1')).toBe(false);
		const restricted = mayWriteFor({ ...base, channel: 'restricted' }, new Y.Doc());
		expect(restricted('restricted:p1')).toBe(true);
		expect(restricted('decision:p1')).toBe(false);
	});

	it('writes nothing for a read-only connection', () => {
		expect(mayWriteFor({ ...base, mayWrite: false }, new Y.Doc())('decision:p1')).toBe(false);
	});

	it('lets a child score only once the chair has said so in the record', () => {
		const doc = new Y.Doc();
		const child = { ...base, role: 'child' as const, participantId: 'k1' };
		expect(mayWriteFor(child, doc)('ratings:k1')).toBe(false);
		doc.getMap('meta').set('childScores', true);
		expect(childScoresAllowed(doc)).toBe(true);
		expect(mayWriteFor(child, doc)('ratings:k1')).toBe(true);
	});
});
