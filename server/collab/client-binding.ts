/**
 * Authorship: a Yjs client id is bound to the person of the connection that first writes under
 * it (collab_clients), so the record knows who wrote every character and nobody writes under
 * another's id. The one check that writes: it records the binding, then judges the update
 * again, since other sockets may have changed the channel while it waited for the database.
 */
import { closeCodes } from '../../src/lib/collab/protocol';
import type { CheckVerdict, UpdateCheck, UpdateContext } from './hooks';
import { judgeAtGate } from './write-rights';

export const clientBinding: UpdateCheck = {
	name: 'client binding',
	// Synchronous when the update writes under no new client id (the hot path): nothing awaited.
	check(context) {
		const accepted = context.accepted;
		if (!accepted || accepted.newClients.length === 0) return { ok: true };
		// Anything new from a read-only connection is a write, wherever it would land.
		if (!context.identity.mayWrite)
			return { ok: false, code: closeCodes.forbidden, reason: 'this connection may only read' };
		return bindThenJudge(context, accepted.newClients);
	}
};

async function bindThenJudge(context: UpdateContext, clientIds: number[]): Promise<CheckVerdict> {
	let bound: boolean;
	try {
		bound = await context.record.owners.bind({ clientIds, userId: context.identity.userId });
	} catch (cause) {
		return {
			ok: false,
			code: closeCodes.internalError,
			reason: 'the server could not store the change; reconnect',
			event: 'collab.bind_failed',
			cause
		};
	}
	if (!bound)
		return { ok: false, code: closeCodes.forbidden, reason: 'client id belongs to someone else' };
	return judgeAtGate(context);
}
