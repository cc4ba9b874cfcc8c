/**
 * One socket, transport only: decodes each frame, answers the sync, keeps presence honest and
 * closes only itself when a frame is malformed or forbidden. Every incoming update is judged by
 * the assembly's beforeApply checks (./pipeline.ts, ./assembly.ts) before it is applied; what
 * follows an applied update is the channel's afterApply list. Messages are handled strictly in
 * order, so an acknowledgement covers everything sent before it.
 */
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import {
	closeCodes,
	messageAwareness,
	messageQueryAwareness,
	messageSaveCheck,
	messageSync
} from '../../src/lib/collab/protocol';
import type { ConnectionIdentity } from './authenticate';
import type { CollabHooks } from './assembly';
import { judgeUpdate } from './pipeline';
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
	/** The awareness client ids this socket spoke for (they leave with it). */
	readonly awarenessClientIds = new Set<number>();
	/** A sync step 2 held back until the other people's items it depends on arrive. */
	private held: { update: Uint8Array; waitingFor: Y.ID[] } | null = null;
	private readonly presence: PresenceUser;

	constructor(
		readonly ws: WebSocket,
		readonly identity: ConnectionIdentity,
		private readonly deps: {
			registry: ChannelRegistry;
			logger: CollabLogger;
			hooks: Pick<CollabHooks, 'beforeApply' | 'disconnect'>;
			/** Counted for /metrics. */
			stats?: { updatesApplied: number };
		}
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
		if (
			code !== closeCodes.goingAway &&
			code !== closeCodes.restarting &&
			code !== closeCodes.rightsChanged
		) {
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
		for (const step of this.deps.hooks.disconnect) step.run(record, this);
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
				for (const id of clientIds) this.awarenessClientIds.add(id);
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
		const judgement = await judgeUpdate({
			checks: this.deps.hooks.beforeApply,
			context: { identity: this.identity, record, kind, sent: update },
			stillCurrent: () => !this.closed && this.record === record
		});
		if (judgement.outcome === 'gone') return;
		if (judgement.outcome === 'refuse') {
			const { verdict } = judgement;
			if (verdict.event)
				this.deps.logger(verdict.event, {
					meetingId: this.identity.meetingId,
					error: describeError(verdict.cause)
				});
			return this.close(verdict.code, verdict.reason);
		}
		const { accepted } = judgement;
		const store = record.doc.store;
		record.echoToSender = store.pendingStructs !== null || store.pendingDs !== null;
		try {
			Y.applyUpdate(record.doc, accepted.update, this);
		} finally {
			record.echoToSender = false;
		}
		if (this.deps.stats) this.deps.stats.updatesApplied++;
		if (accepted.waitingFor.length > 0) {
			// Held whole: judged again later, the parts applied now count as known and are skipped.
			const held = this.held ? Y.mergeUpdates([this.held.update, update]) : update;
			this.held = { update: held, waitingFor: accepted.waitingFor };
			record.waiting.add(this);
			this.retryHeld(); // what it waits for may have arrived meanwhile
		}
	}
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
	if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
	if (data instanceof ArrayBuffer) return new Uint8Array(data);
	return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
