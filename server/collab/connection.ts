/**
 * One socket: decodes each frame, lets the gate judge every update, keeps presence honest and
 * closes only itself when a frame is malformed or forbidden. Messages are handled strictly in
 * order, so an acknowledgement covers everything sent before it.
 */
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { mayWriteRoot } from '../../src/lib/policy';
import { roots } from '../../src/lib/collab/roots';
import {
	closeCodes,
	messageAwareness,
	messageQueryAwareness,
	messageSaveCheck,
	messageSync
} from '../../src/lib/collab/protocol';
import { rootBelongsIn } from '../../src/lib/server/records';
import type { ConnectionIdentity } from './authenticate';
import { checkConcernIds } from './concern-check';
import { checkDecisionRoots, isCheckedRoot } from './decision-check';
import { checkUpdate, type ClientOwnership } from './gate';
import { colorFor, rewriteAwareness, type PresenceUser } from './presence';
import {
	describeError,
	encodeMessage,
	type ChannelRegistry,
	type CollabLogger,
	type LiveChannel,
	type Peer
} from './registry';

/** A frame that breaks the protocol; closes the socket with 4400. */
class MalformedFrame extends Error {}
/** The database failed us, not the client: close with 1011 so it reconnects. */
class StorageFailure extends Error {}

/** Reads a length-prefixed byte array, refusing one that runs past the frame's end. */
function readBytes(decoder: decoding.Decoder): Uint8Array {
	const length = decoding.readVarUint(decoder);
	if (decoder.pos + length > decoder.arr.length) throw new MalformedFrame('truncated frame');
	return decoding.readUint8Array(decoder, length);
}

function expectEnd(decoder: decoding.Decoder) {
	if (decoding.hasContent(decoder)) throw new MalformedFrame('trailing bytes');
}

export class Connection implements Peer {
	private record: LiveChannel | null = null;
	private readonly inbox: Uint8Array[] = [];
	private chain: Promise<void> = Promise.resolve();
	private closed = false;
	/** Answered a ping since the last one was sent. */
	alive = true;
	private readonly awarenessIds = new Set<number>();
	/** A sync step 2 held back until the other people's items it depends on arrive. */
	private held: { update: Uint8Array; waitingFor: Y.ID[] } | null = null;
	private readonly presence: PresenceUser;

	constructor(
		readonly ws: WebSocket,
		readonly identity: ConnectionIdentity,
		private readonly deps: { registry: ChannelRegistry; logger: CollabLogger }
	) {
		this.presence = {
			name: identity.name,
			role: identity.role,
			color: colorFor(identity.userId),
			participantId: identity.participantId
		};
		ws.on('error', (error) => {
			this.deps.logger('collab.socket_error', {
				meetingId: identity.meetingId,
				error: describeError(error)
			});
			this.close(closeCodes.internalError, 'socket error');
		});
		ws.on('pong', () => {
			this.alive = true;
		});
		ws.on('message', (data, isBinary) => {
			if (this.closed) return;
			if (!isBinary)
				return this.close(closeCodes.malformed, 'text frames are not part of the protocol');
			const frame = toBytes(data);
			if (this.record) this.enqueue(frame);
			else this.inbox.push(frame); // the record is still loading
		});
		ws.on('close', () => this.dispose());
	}

	/** Loads the meeting's channel, opens the sync and replays what arrived meanwhile. */
	async start(): Promise<void> {
		let record: LiveChannel;
		try {
			record = await this.deps.registry.attach(
				this.identity.meetingId,
				this.identity.channel,
				this
			);
		} catch (error) {
			this.deps.logger('collab.load_failed', {
				meetingId: this.identity.meetingId,
				error: describeError(error)
			});
			this.close(closeCodes.internalError, 'the record could not be loaded');
			return;
		}
		if (this.closed) {
			this.deps.registry.detach(record, this);
			return;
		}
		this.record = record;
		this.send(
			encodeMessage(messageSync, (encoder) => syncProtocol.writeSyncStep1(encoder, record.doc))
		);
		const states = record.awarenessMessage();
		if (states) this.send(states);
		for (const frame of this.inbox.splice(0)) this.enqueue(frame);
	}

	send(message: Uint8Array): void {
		if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
		this.ws.send(message, { binary: true }, (error) => {
			if (error) this.close(closeCodes.internalError, 'send failed');
		});
	}

	/** Closes this socket only, with a code and a reason a person can act on. */
	close(code: number, reason: string): void {
		if (this.closed) return;
		if (code !== closeCodes.goingAway && code !== closeCodes.rightsChanged) {
			this.deps.logger('collab.closed', { meetingId: this.identity.meetingId, code, reason });
		}
		this.closed = true;
		try {
			this.ws.close(code, reason.slice(0, 120));
		} catch {
			this.ws.terminate();
		}
		// A peer that never completes the closing handshake is cut off.
		setTimeout(() => this.ws.terminate(), 5_000).unref();
		this.dispose();
	}

	private dispose() {
		this.closed = true;
		const record = this.record;
		if (!record) return;
		this.record = null;
		record.waiting.delete(this);
		this.held = null;
		if (this.awarenessIds.size > 0) {
			awarenessProtocol.removeAwarenessStates(record.awareness, [...this.awarenessIds], this);
		}
		this.deps.registry.detach(record, this);
	}

	/** Judges the held sync step 2 again once everything it waited for is on the server. */
	retryHeld(): void {
		const record = this.record;
		const held = this.held;
		if (!record || !held) return;
		if (!held.waitingFor.every((id) => Y.getState(record.doc.store, id.client) > id.clock)) return;
		this.held = null;
		record.waiting.delete(this);
		this.run(() => this.receiveUpdate(record, held.update, 'step2'));
	}

	private enqueue(frame: Uint8Array) {
		this.run(() => this.handle(frame));
	}

	/** Runs a step after every step before it on this socket, closing the socket if it fails. */
	private run(step: () => Promise<void>) {
		this.chain = this.chain.then(step).catch((error) => {
			if (error instanceof StorageFailure) {
				this.deps.logger('collab.bind_failed', {
					meetingId: this.identity.meetingId,
					error: describeError(error.cause)
				});
				return this.close(
					closeCodes.internalError,
					'the server could not store the change; reconnect'
				);
			}
			if (error instanceof MalformedFrame) return this.close(closeCodes.malformed, error.message);
			// lib0 and Yjs throw plain errors on frames they cannot decode.
			this.close(closeCodes.malformed, 'frame could not be decoded');
		});
	}

	private async handle(frame: Uint8Array): Promise<void> {
		const record = this.record;
		if (this.closed || !record) return;
		const decoder = decoding.createDecoder(frame);
		const type = decoding.readVarUint(decoder);
		switch (type) {
			case messageSync: {
				const step = decoding.readVarUint(decoder);
				const payload = readBytes(decoder);
				expectEnd(decoder);
				if (step === syncProtocol.messageYjsSyncStep1) {
					const update = Y.encodeStateAsUpdate(record.doc, payload);
					this.send(
						encodeMessage(messageSync, (encoder) => {
							encoding.writeVarUint(encoder, syncProtocol.messageYjsSyncStep2);
							encoding.writeVarUint8Array(encoder, update);
						})
					);
				} else if (
					step === syncProtocol.messageYjsSyncStep2 ||
					step === syncProtocol.messageYjsUpdate
				) {
					await this.receiveUpdate(
						record,
						payload,
						step === syncProtocol.messageYjsSyncStep2 ? 'step2' : 'update'
					);
				} else {
					throw new MalformedFrame('unknown sync step');
				}
				return;
			}
			case messageAwareness: {
				const payload = readBytes(decoder);
				expectEnd(decoder);
				const { update, clientIds } = rewriteAwareness({
					update: payload,
					user: this.presence,
					maySpeakFor: (clientId) => {
						const owner = record.owners.ownerOf(clientId);
						return owner === undefined || owner === this.identity.userId;
					}
				});
				for (const id of clientIds) this.awarenessIds.add(id);
				awarenessProtocol.applyAwarenessUpdate(record.awareness, update, this);
				return;
			}
			case messageQueryAwareness: {
				expectEnd(decoder);
				const states = record.awarenessMessage();
				if (states) this.send(states);
				return;
			}
			case messageSaveCheck: {
				const seq = decoding.readVarUint(decoder);
				expectEnd(decoder);
				// Not awaited: later frames must not wait for the database. No answer if the write
				// failed: the socket closes and the client resends in its next sync.
				record.log.whenStored().then(
					() =>
						this.send(
							encodeMessage(messageSaveCheck, (encoder) => encoding.writeVarUint(encoder, seq))
						),
					() => this.close(closeCodes.internalError, 'the change could not be stored; reconnect')
				);
				return;
			}
			default:
				throw new MalformedFrame('unknown message type');
		}
	}

	private async receiveUpdate(record: LiveChannel, update: Uint8Array, kind: 'update' | 'step2') {
		const { identity } = this;
		const ownerOf = (clientId: number): ClientOwnership => {
			const owner = record.owners.ownerOf(clientId);
			if (owner === undefined) return 'unbound';
			return owner === identity.userId ? 'self' : 'other';
		};
		// Decision and outcome roots the update touches: checked on a scratch copy before applying.
		const checkedRoots = new Set<string>();
		let touchesConcerns = false;
		const mayWrite = (root: string) => {
			if (isCheckedRoot(root)) checkedRoots.add(root);
			if (root === roots.concerns) touchesConcerns = true;
			return (
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
						childScores: identity.role === 'child' && childScoresAllowed(record.doc)
					}))
			);
		};
		let verdict = checkUpdate({ doc: record.doc, update, kind, mayWrite, ownerOf });
		if (verdict.ok && verdict.newClients.length > 0) {
			// Anything new from a read-only connection is a write, wherever it would land.
			if (!identity.mayWrite)
				return this.close(closeCodes.forbidden, 'this connection may only read');
			let bound: boolean;
			try {
				bound = await record.owners.bind({
					clientIds: verdict.newClients,
					userId: identity.userId
				});
			} catch (error) {
				throw new StorageFailure('binding failed', { cause: error });
			}
			if (!bound) return this.close(closeCodes.forbidden, 'client id belongs to someone else');
			if (this.closed || this.record !== record) return;
			// Other sockets may have changed the channel while we waited: judge again.
			checkedRoots.clear();
			touchesConcerns = false;
			verdict = checkUpdate({ doc: record.doc, update, kind, mayWrite, ownerOf });
		}
		if (!verdict.ok)
			return this.close(
				verdict.outOfSync ? closeCodes.outOfSync : closeCodes.forbidden,
				verdict.reason
			);
		if (checkedRoots.size > 0) {
			const decisions = checkDecisionRoots({
				doc: record.doc,
				update: verdict.update,
				roots: checkedRoots,
				childIds: identity.childIds,
				options: identity.decisionOptions
			});
			if (!decisions.ok) return this.close(closeCodes.invalidDecision, decisions.reason);
		}
		if (touchesConcerns) {
			const concerns = checkConcernIds({ doc: record.doc, update: verdict.update });
			if (!concerns.ok) return this.close(closeCodes.forbidden, concerns.reason);
		}
		const quota = record.quota.admit(identity.userId, verdict.update.byteLength);
		if (!quota.ok) return this.close(closeCodes.recordFull, quota.reason);
		const store = record.doc.store;
		record.echoToSender = store.pendingStructs !== null || store.pendingDs !== null;
		try {
			Y.applyUpdate(record.doc, verdict.update, this);
		} finally {
			record.echoToSender = false;
		}
		if (verdict.waitingFor.length > 0) {
			// Held whole: judged again later, the parts applied now count as known and are skipped.
			const held = this.held ? Y.mergeUpdates([this.held.update, update]) : update;
			this.held = { update: held, waitingFor: verdict.waitingFor };
			record.waiting.add(this);
			this.retryHeld(); // what it waits for may have arrived meanwhile
		}
	}
}

/** Has the chair let the child score (the record's `meta.childScores`, as the server holds it now)? */
function childScoresAllowed(doc: Y.Doc): boolean {
	const item = doc.share.get(roots.meta)?._map.get('childScores');
	return item !== undefined && !item.deleted && item.content.getContent().at(-1) === true;
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
