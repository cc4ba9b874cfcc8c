/**
 * The gate as the first check before an update is applied: who may write which root of which
 * channel (the policy's `mayWriteRoot`, by the identity the upgrade established), judged by
 * ./gate.ts over every struct and deletion of the update. Its acceptance — the update to apply,
 * the roots it touches, the client ids new to the channel — is what every later check reads.
 */
import type * as Y from 'yjs';
import { mayWriteRoot } from '../../src/lib/policy';
import { roots } from '../../src/lib/collab/roots';
import { closeCodes } from '../../src/lib/collab/protocol';
import { rootBelongsIn } from '../../src/lib/server/records';
import type { ConnectionIdentity } from './authenticate';
import { checkUpdate, type ClientOwnership } from './gate';
import type { CheckVerdict, LoadedChannel, UpdateCheck, UpdateContext } from './hooks';

/** Has the chair let the child score (the record's `meta.childScores`, as the server holds it now)? */
export function childScoresAllowed(doc: Y.Doc): boolean {
	const item = doc.share.get(roots.meta)?._map.get('childScores');
	return item !== undefined && !item.deleted && item.content.getContent().at(-1) === true;
}

/** May this connection write this root of this channel now? */
export function mayWriteFor(identity: ConnectionIdentity, doc: Y.Doc): (root: string) => boolean {
	return (root) =>
		identity.mayWrite &&
		// restricted:* lives only on the restricted channel, and nothing else does
		rootBelongsIn(root, identity.channel) &&
		// the notes channel's one root; who may write it was decided at the upgrade
		(identity.channel === 'notes' ||
			mayWriteRoot({
				root,
				role: identity.role,
				participantId: identity.participantId,
				status: identity.status,
				childScores: identity.role === 'child' && childScoresAllowed(doc)
			}));
}

/** Whose a client id is, as this connection sees it. */
export function ownershipFor(
	identity: ConnectionIdentity,
	record: LoadedChannel
): (clientId: number) => ClientOwnership {
	return (clientId) => {
		const owner = record.owners.ownerOf(clientId);
		if (owner === undefined) return 'unbound';
		return owner === identity.userId ? 'self' : 'other';
	};
}

/** Judges the update as sent against the channel as the server holds it now. */
export function judgeAtGate(context: UpdateContext): CheckVerdict {
	const { identity, record } = context;
	const verdict = checkUpdate({
		doc: record.doc,
		update: context.sent,
		kind: context.kind,
		mayWrite: mayWriteFor(identity, record.doc),
		ownerOf: ownershipFor(identity, record)
	});
	if (verdict.ok) return { ok: true, accepted: verdict };
	return {
		ok: false,
		code: verdict.outOfSync ? closeCodes.outOfSync : closeCodes.forbidden,
		reason: verdict.reason
	};
}

/** The first check: every root the update writes in, and every client id it writes under. */
export const gateCheck: UpdateCheck = { name: 'gate', check: judgeAtGate };
