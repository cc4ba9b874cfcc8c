/**
 * Shared pieces of the collaboration suites: the real collaboration server on port 0 and
 * stock y-websocket clients in Node, signed in with a real session cookie.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider } from 'y-websocket';
import type { Database } from '../../src/lib/server/db';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session';
import {
	createCollabServer,
	type CollabServer,
	type CollabServerOptions
} from '../../server/collab';

export interface RunningServer {
	collab: CollabServer;
	/** ws://127.0.0.1:{port}/collab */
	url: string;
	port: number;
	/** Events the server logged (no personal data). */
	events: { event: string; fields: Record<string, unknown> }[];
	close(): Promise<void>;
}

/** Starts the collaboration server on a plain HTTP server on port 0. */
export async function startCollabServer(
	db: Database,
	options: Partial<CollabServerOptions> = {}
): Promise<RunningServer> {
	const events: RunningServer['events'] = [];
	const collab = createCollabServer({
		db,
		logger: (event, fields) => events.push({ event, fields }),
		persistence: { flushDelayMs: 20 },
		unloadDelayMs: 50,
		...options
	});
	const server = http.createServer((_req, res) => res.writeHead(404).end());
	server.on('upgrade', (req, socket, head) => collab.handleUpgrade(req, socket, head));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		collab,
		url: `ws://127.0.0.1:${port}/collab`,
		port,
		events,
		async close() {
			await collab.close();
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}

/** A WebSocket class that sends the session cookie, as a browser would. */
export function cookieSocket(
	token: string | null,
	extraHeaders: Record<string, string> = {}
): typeof WebSocket {
	return class extends WebSocket {
		constructor(address: string, protocols?: string | string[]) {
			super(address, protocols, {
				headers: { ...(token ? { cookie: `${SESSION_COOKIE}=${token}` } : {}), ...extraHeaders }
			});
		}
	} as typeof WebSocket;
}

export interface TestClient {
	doc: Y.Doc;
	provider: WebsocketProvider;
	/** Every final close the client saw ({code, reason}). */
	closes: { code: number; reason: string }[];
	/** Every close event, final or not. */
	connectionCloses: number[];
	destroy(): void;
}

/** A stock y-websocket client, BroadcastChannel off, signed in with `token`. */
export function connectClient(props: {
	url: string;
	meetingId: string;
	token: string | null;
	doc?: Y.Doc;
}): TestClient {
	const doc = props.doc ?? new Y.Doc();
	const provider = new WebsocketProvider(props.url, props.meetingId, doc, {
		WebSocketPolyfill: cookieSocket(props.token) as unknown as typeof globalThis.WebSocket,
		disableBc: true,
		maxBackoffTime: 300
	});
	const closes: TestClient['closes'] = [];
	const connectionCloses: number[] = [];
	let destroyed = false;
	provider.on('closed', (event) => closes.push({ code: event.code, reason: event.reason }));
	provider.on('connection-close', (event) => connectionCloses.push(event?.code ?? 0));
	return {
		doc,
		provider,
		closes,
		connectionCloses,
		destroy() {
			if (destroyed) return;
			destroyed = true;
			provider.destroy();
			doc.destroy();
		}
	};
}

/** Polls until `check` holds, or fails with `what`. */
export async function waitFor(
	what: string,
	check: () => boolean | Promise<boolean>,
	timeoutMs = 10_000
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (await check()) return;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 20));
	}
}

/** Resolves when the client has synced with the server. */
export function synced(client: TestClient, timeoutMs = 10_000): Promise<void> {
	return waitFor('sync', () => client.provider.synced, timeoutMs);
}

/** The plain text of a root XmlFragment's paragraphs, or of a Y.Text. */
export function textOf(doc: Y.Doc, root: string): string {
	return doc.getXmlFragment(root).toString();
}

/** Appends a paragraph with text to a root fragment, as an editor would. */
export function typeParagraph(doc: Y.Doc, root: string, text: string): void {
	const fragment = doc.getXmlFragment(root);
	doc.transact(() => {
		const paragraph = new Y.XmlElement('paragraph');
		paragraph.insert(0, [new Y.XmlText(text)]);
		fragment.insert(fragment.length, [paragraph]);
	});
}

/** Opens a raw socket to the server (for malformed frames); resolves once open. */
export async function rawSocket(
	url: string,
	meetingId: string,
	token: string
): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
	const Socket = cookieSocket(token);
	const ws = new Socket(`${url}/${meetingId}`);
	const closed = new Promise<{ code: number; reason: string }>((resolve) =>
		ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
	);
	ws.on('error', () => {});
	await new Promise<void>((resolve, reject) => {
		ws.once('open', () => resolve());
		ws.once('unexpected-response', (_req, res) =>
			reject(new Error(`refused with ${res.statusCode}`))
		);
	});
	return { ws, closed };
}

/** The HTTP status an upgrade attempt is answered with (101 when accepted). */
export function upgradeStatus(
	url: string,
	meetingId: string,
	headers: Record<string, string>
): Promise<number> {
	return new Promise((resolve) => {
		const ws = new WebSocket(`${url}/${meetingId}`, { headers });
		ws.on('unexpected-response', (_req, res) => {
			resolve(res.statusCode ?? 0);
			ws.terminate();
		});
		ws.on('open', () => {
			resolve(101);
			ws.close();
		});
		ws.on('error', () => {});
	});
}

/** A y-websocket sync "update" frame carrying a Yjs update. */
export function syncUpdateFrame(update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint(encoder, 2);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

/** Clients a test file opens, so its teardown can close every one of them. */
export function clientPool() {
	const clients: TestClient[] = [];
	return {
		open(props: Parameters<typeof connectClient>[0]): TestClient {
			const client = connectClient(props);
			clients.push(client);
			return client;
		},
		/** Closes every client opened so far. */
		closeAll(): void {
			for (const client of clients.splice(0)) client.destroy();
		}
	};
}
