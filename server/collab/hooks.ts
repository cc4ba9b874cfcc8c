/**
 * The collaboration server's hook points, in the order a socket meets them (after
 * Hocuspocus's `Extension` and Outline's extension list). ./assembly.ts fills each with its
 * list; the rest of the server only runs the lists.
 *
 *   authenticate  who is on the socket, and which channel of which meeting (the upgrade)
 *   loadChannel   the record store loads the channel, then each initialiser may write its
 *                 first content once (the review pre-fill, the notes seed)
 *   beforeApply   each incoming update is judged by every check in order; the first refusal
 *                 closes the socket with its code, and nothing of the update is applied
 *   afterApply    once applied (by anyone: a socket, the server, another node): store it,
 *                 send it to the peers, relay it to other nodes, retry held updates
 *   disconnect    the socket is gone: its presence leaves, the channel may unload
 */
import type * as Y from 'yjs';
import type { Database } from '../../src/lib/server/db';
import type { Channel, ClientOwners, UpdateLog } from '../../src/lib/server/records';
import type { ConnectionIdentity, UpgradeDecision } from './authenticate';
import type { GateVerdict } from './gate';
import type { RecordQuota } from './quota';
import type { SeedResult } from './seed-once';

/** The upgrade's decider: the same session and policy as pages and the API. */
export type Authenticate = (props: {
	db: Database;
	request: import('node:http').IncomingMessage;
	publicOrigin: string | undefined;
}) => Promise<UpgradeDecision>;

/** What a meeting's first load needs to know of it (read once per load, shared by the initialisers). */
export interface MeetingAtLoad {
	previousMeetingId: string | null;
}

/** Writes a channel's first content, once, as the server; `null` when it does not apply here. */
export interface ChannelInitialiser {
	readonly name: string;
	run(props: {
		db: Database;
		meetingId: string;
		channel: Channel;
		/** The meeting's facts for its main channel (null for the other channels). */
		meeting: MeetingAtLoad | null;
	}): Promise<SeedResult | null>;
}

/** A loaded channel, as the checks and the after-apply hooks see it. */
export interface LoadedChannel {
	readonly meetingId: string;
	readonly channel: Channel;
	readonly doc: Y.Doc;
	readonly owners: ClientOwners;
	readonly quota: RecordQuota;
	readonly log: UpdateLog;
}

/** The gate's acceptance: what to apply, the roots it touches, new client ids, what it waits for. */
export type AcceptedUpdate = Extract<GateVerdict, { ok: true }>;

/** One incoming update under judgement. `accepted` is the gate's verdict, once the gate has run. */
export interface UpdateContext {
	readonly identity: ConnectionIdentity;
	readonly record: LoadedChannel;
	readonly kind: 'update' | 'step2';
	/** The update as the client sent it. */
	readonly sent: Uint8Array;
	readonly accepted: AcceptedUpdate | null;
}

/**
 * A check's verdict. `accepted` replaces the context's (the gate, and the binding step's
 * judging again). A refusal carries the close code and a reason a person can act on; `event`
 * and `cause` are logged (a failure of ours rather than the client's).
 */
export type CheckVerdict =
	| { ok: true; accepted?: AcceptedUpdate }
	| { ok: false; code: number; reason: string; event?: string; cause?: unknown };

/** One step of beforeApply. Returns a verdict; the runner (./pipeline.ts) acts on it. */
export interface UpdateCheck {
	readonly name: string;
	check(context: UpdateContext): CheckVerdict | Promise<CheckVerdict>;
}

/** An update applied to a loaded channel, by `origin` (a socket, the server, another node). */
export interface AppliedUpdate {
	readonly update: Uint8Array;
	readonly origin: unknown;
}

/** One step of afterApply, run for every update applied to a channel, in order. */
export interface AfterApply<C> {
	readonly name: string;
	run(channel: C, applied: AppliedUpdate): void;
}

/** One step when a socket leaves its channel. */
export interface Disconnect<C, P> {
	readonly name: string;
	run(channel: C, peer: P): void;
}
