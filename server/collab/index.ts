/**
 * The collaboration server: the hooks of ./assembly.ts (authenticate → loadChannel →
 * beforeApply → afterApply → disconnect) run over the channel registry and one transport-only
 * connection per socket. Loading, storing and reading records is the record store's
 * (src/lib/server/records), which the app's commands use too. Transport-agnostic: give it the
 * HTTP server's upgrade events on `/collab/{meetingId}` (main channel),
 * `/collab/{meetingId}/restricted` and `/collab/{meetingId}/notes`.
 */
import type { IncomingMessage } from 'node:http';
import {
	onSessionsEnded,
	sessionEndedBy,
	type SessionsEnded
} from '../../src/lib/server/auth/events';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { Database } from '../../src/lib/server/db';
import { sharedDatabase } from '../../src/lib/server/db';
import { env } from '../../src/lib/server/env';
import { log } from '../../src/lib/server/log';
import {
	authorshipOf,
	connectLiveRecords,
	writeBehindOf,
	type AuthoredRun,
	type LiveRecords,
	type PersistenceOptions
} from '../../src/lib/server/records';
import { closeCodes } from '../../src/lib/collab/protocol';
import type { ConnectionIdentity, UpgradeDecision } from './authenticate';
import { collabHooks, type CollabHooks } from './assembly';
import { Connection } from './connection';
import { EndingMeetings } from './ending';
import type { QuotaLimits } from './quota';
import { ChannelRegistry, describeError, type CollabLogger } from './registry';
import type { NodeRelay } from './relay';

export interface CollabServerOptions {
	db: Database;
	/** The public origin browsers must come from (default: env ORIGIN, else the request's host). */
	origin?: string;
	/** Largest frame accepted (default: env COLLAB_MAX_FRAME_BYTES). */
	maxFrameBytes?: number;
	/** Largest record and largest share of one person (default: env COLLAB_MAX_RECORD_BYTES, COLLAB_MAX_SHARE_BYTES). */
	limits?: Partial<QuotaLimits>;
	/** How often dead peers are looked for, in ms. */
	pingIntervalMs?: number;
	/** How long a channel stays loaded after its last client left, in ms. */
	unloadDelayMs?: number;
	persistence?: PersistenceOptions;
	/** Structured events without personal data; defaults to one console line each. */
	logger?: CollabLogger;
	/** Other nodes with the same meetings open (`createRedisRelay`, REDIS_URL); none by default. */
	relay?: NodeRelay | null;
	/** The hook lists (default: ./assembly.ts). */
	hooks?: CollabHooks;
}

export interface CollabServer {
	/** Takes over an HTTP upgrade request for `/collab/{meetingId}`. */
	handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
	/**
	 * The meeting's status or participants changed: its sockets are closed with 4000 and
	 * reconnect with the rights they have now.
	 */
	meetingChanged(meetingId: string): void;
	/**
	 * Sessions ended (sign-out, a password change, a disabled account): their sockets are closed
	 * with 4401 and a reconnect is refused with 401. Every collaboration server hears this from
	 * the session module itself (`src/lib/server/auth/events.ts`).
	 */
	sessionsEnded(ended: SessionsEnded): void;
	/**
	 * What the app's code calls this server through, connected to this copy of the record store
	 * and the session module when the server starts; the production entry hands the same to the
	 * SvelteKit bundle's copies (src/lib/server/app-link.ts). Both tell other nodes too (relay).
	 */
	readonly ports: {
		readonly liveRecords: LiveRecords;
		readonly sessionsEnded: (ended: SessionsEnded) => void;
	};
	/** Who wrote what in one root of a meeting's record (loaded or stored; either channel). */
	authorship(props: { meetingId: string; root: string }): Promise<AuthoredRun[]>;
	/** Number of channels loaded now. */
	readonly loadedChannels: number;
	/** What an operator watches (/metrics, ../metrics.ts). */
	readonly stats: {
		readonly sockets: number;
		readonly loadedMeetings: number;
		/** Updates from sockets applied since start. */
		readonly updatesApplied: number;
	};
	/** Closes every socket, writes every loaded channel and stops. */
	close(): Promise<void>;
}

/** Structured lines through the server's log (src/lib/server/log.ts); the fields carry no personal data. */
const defaultLogger: CollabLogger = (event, fields) => {
	log.warn({ component: 'collab', event, ...fields }, event);
};

const reasons: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	500: 'Internal Server Error'
};

function refuse(socket: Duplex, status: number, message: string) {
	if (socket.destroyed) return;
	const body = `${message}\n`;
	socket.end(
		`HTTP/1.1 ${status} ${reasons[status] ?? 'Error'}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`
	);
}

/** Builds a collaboration server on a database. */
export function createCollabServer(options: CollabServerOptions): CollabServer {
	const { db } = options;
	const hooks = options.hooks ?? collabHooks;
	const logger = options.logger ?? defaultLogger;
	const config = env();
	const publicOrigin = options.origin ?? config.ORIGIN;
	const registry = new ChannelRegistry({
		db,
		persistence: options.persistence ?? {},
		limits: {
			recordBytes: options.limits?.recordBytes ?? config.COLLAB_MAX_RECORD_BYTES,
			shareBytes: options.limits?.shareBytes ?? config.COLLAB_MAX_SHARE_BYTES
		},
		unloadDelayMs: options.unloadDelayMs ?? 1_000,
		logger,
		relay: options.relay ?? null,
		hooks
	});
	const wss = new WebSocketServer({
		noServer: true,
		maxPayload: options.maxFrameBytes ?? config.COLLAB_MAX_FRAME_BYTES,
		perMessageDeflate: false
	});
	const connections = new Set<Connection>();
	const counted = { updatesApplied: 0 };
	let closing = false;
	// Sessions that ended while an upgrade was being authenticated: that upgrade's session was
	// valid when checked, but is no more by the time its socket would open.
	let upgradesPending = 0;
	const endedDuringUpgrades: SessionsEnded[] = [];
	// Meetings whose End is running, here or on another node (./ending.ts).
	const ending = new EndingMeetings();

	const heartbeat = setInterval(() => {
		for (const connection of connections) {
			if (!connection.alive) {
				connection.ws.terminate(); // no pong since the last ping: the peer is gone
				continue;
			}
			connection.alive = false;
			connection.ws.ping();
		}
	}, options.pingIntervalMs ?? 30_000);
	heartbeat.unref();

	function accept(
		request: IncomingMessage,
		socket: Duplex,
		head: Buffer,
		identity: ConnectionIdentity
	) {
		wss.handleUpgrade(request, socket, head, (ws) => {
			const connection = new Connection(ws, identity, {
				registry,
				logger,
				hooks,
				stats: counted
			});
			connections.add(connection);
			ws.on('close', () => connections.delete(connection));
			if (closing) return connection.close(closeCodes.restarting, 'server restarting; come back');
			void connection.start();
		});
	}

	/**
	 * Authenticates an upgrade. One whose decision may have read its meeting while an End of it
	 * was running (on PostgreSQL: still live, uncommitted) waits until that End is over and is
	 * decided again, on what it committed; null when its socket went away or the server is
	 * stopping meanwhile.
	 */
	async function decide(request: IncomingMessage, socket: Duplex): Promise<UpgradeDecision | null> {
		for (;;) {
			const since = ending.mark();
			const decision = await hooks.authenticate({ db, request, publicOrigin });
			if (!decision.ok || !ending.overlapped(decision.identity.meetingId, since)) return decision;
			await ending.settled(decision.identity.meetingId);
			if (socket.destroyed || closing) return null;
		}
	}

	const server: CollabServer = {
		handleUpgrade(request, socket, head) {
			socket.on('error', () => socket.destroy()); // a reset before the upgrade completes
			if (closing) return refuse(socket, 500, 'The server is restarting. Try again shortly.');
			const endedBefore = endedDuringUpgrades.length;
			upgradesPending++;
			decide(request, socket)
				.then((decision) => {
					if (!decision) return refuse(socket, 500, 'The server is restarting. Try again shortly.');
					if (!decision.ok) return refuse(socket, decision.status, decision.message);
					if (
						endedDuringUpgrades
							.slice(endedBefore)
							.some((ended) => sessionEndedBy(ended, decision.identity))
					) {
						return refuse(socket, 401, 'Your session has ended. Sign in again.');
					}
					if (socket.destroyed) return;
					accept(request, socket, head, decision.identity);
				})
				.catch((error) => {
					logger('collab.upgrade_failed', { error: describeError(error) });
					refuse(socket, 500, 'The meeting record is unavailable. Try again shortly.');
				})
				.finally(() => {
					if (--upgradesPending === 0) {
						endedDuringUpgrades.length = 0;
						ending.forget();
					}
				});
		},

		meetingChanged(meetingId) {
			for (const connection of connections) {
				if (connection.identity.meetingId === meetingId)
					connection.close(closeCodes.rightsChanged, 'meeting changed; reconnect');
			}
			// A meeting that just went live opens at its first section.
			registry
				.meetingChanged(meetingId)
				.catch((error) =>
					logger('collab.start_failed', { meetingId, error: describeError(error) })
				);
		},

		sessionsEnded(ended) {
			if (upgradesPending > 0) endedDuringUpgrades.push(ended);
			for (const connection of connections) {
				if (sessionEndedBy(ended, connection.identity))
					connection.close(closeCodes.unauthenticated, 'session ended; sign in again');
			}
		},

		ports: {
			liveRecords: {
				db,
				liveChannel: (meetingId, channel) => registry.liveChannel(meetingId, channel),
				meetingChanged(meetingId) {
					server.meetingChanged(meetingId);
					options.relay?.publishEvent({ type: 'meeting-changed', meetingId });
				},
				meetingEnding(meetingId) {
					ending.begin(meetingId);
					options.relay?.publishEvent({ type: 'meeting-ending', meetingId, ending: true });
					let over = false;
					return () => {
						if (over) return;
						over = true;
						ending.end(meetingId);
						options.relay?.publishEvent({ type: 'meeting-ending', meetingId, ending: false });
					};
				}
			},
			sessionsEnded(ended) {
				server.sessionsEnded(ended);
				options.relay?.publishEvent({ type: 'sessions-ended', ended });
			}
		},

		authorship({ meetingId, root }) {
			return authorshipOf({ db, meetingId, root });
		},

		get loadedChannels() {
			return registry.size;
		},

		stats: {
			get sockets() {
				return connections.size;
			},
			get loadedMeetings() {
				return registry.meetings;
			},
			get updatesApplied() {
				return counted.updatesApplied;
			}
		},

		async close() {
			// No new upgrades from now on (they are answered "restarting, try again shortly").
			closing = true;
			stopHearingSessions();
			ending.clear(); // held upgrades go on, to be told the server is restarting
			clearInterval(heartbeat);
			// What is queued is written while everyone is still connected, then each socket is
			// told to come straight back (1012): whatever it sent after that write is applied and
			// written by the unload below, and whatever was still on its way the client resends
			// with its sync to the next server.
			await writeBehindOf(db)
				.writeNow()
				.catch(() => {}); // retried by the unload, which reports a failure
			for (const connection of connections)
				connection.close(closeCodes.restarting, 'server restarting; come back');
			// Compaction is left for the next load: the stop must end within seconds.
			disconnectLiveRecords();
			await registry.unloadAll({ compact: false });
			await writeBehindOf(db)
				.writeNow()
				.catch((error) => logger('collab.final_write_failed', { error: describeError(error) }));
			await new Promise<void>((resolve) => wss.close(() => resolve()));
			await options.relay?.close();
		}
	};
	// The server implements the record store's port and hears ended sessions from its start.
	const disconnectLiveRecords = connectLiveRecords(server.ports.liveRecords);
	const stopHearingSessions = onSessionsEnded(server.ports.sessionsEnded);
	// Other nodes' announcements reach this node's sockets (and go no further).
	options.relay?.onEvent((event) => {
		if (event.type === 'meeting-changed') server.meetingChanged(event.meetingId);
		else if (event.type === 'meeting-ending') {
			if (event.ending) ending.begin(event.meetingId);
			else ending.end(event.meetingId);
		} else server.sessionsEnded(event.ended);
	});
	return server;
}

/** With REDIS_URL, this node's relay to the others (ioredis is loaded only then); otherwise null. */
export async function relayFromEnv(
	logger: CollabLogger = defaultLogger
): Promise<NodeRelay | null> {
	const url = env().REDIS_URL;
	if (!url) return null;
	const { createRedisRelay } = await import('./relay');
	return createRedisRelay({
		url,
		onError: (error) => logger('collab.relay_failed', { error: describeError(error) })
	});
}

let shared: Promise<CollabServer> | undefined;

/** The process's one collaboration server, on the shared database, made on first use. */
export function sharedCollabServer(): Promise<CollabServer> {
	if (!shared) {
		const starting = sharedDatabase().then(async ({ db }) =>
			createCollabServer({ db, relay: await relayFromEnv() })
		);
		shared = starting;
		starting.catch(() => {
			if (shared === starting) shared = undefined;
		});
	}
	return shared;
}

export type { AuthoredRun } from '../../src/lib/server/records';
