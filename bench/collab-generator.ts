/**
 * The load generator of `npm run bench:collab` (bench/collab-peer.ts forks it, one process per
 * server and scenario, so the same code drives Roundtable and the reference server).
 *
 * Each meeting has one probe — a stock y-websocket provider with a real Y.Doc, as a browser
 * holds — and light clients for everyone else: they speak the protocol by hand (sync step 1 and
 * 2, updates, awareness, Roundtable's save check, which the reference ignores) and keep a Y.Doc
 * of their own words only, so two cores can drive thousands of them. Every client types one
 * character at a time into its own `contribution:{participantId}` paragraph every 300–1000 ms
 * and moves its caret with it (an awareness update). Latency is from the sender's edit to each
 * peer's receipt, all on this process's one clock.
 *
 * Three mixes (`mix` in the start message):
 *   - `full`: as above, each keystroke with its caret move and the light clients' save checks;
 *   - `edits`: keystrokes only — no awareness from anyone, no save checks — so the cost of the
 *     gate, authorship and persistence is not diluted by traffic both servers pay alike;
 *   - `storm`: the `edits` traffic, but every client connects at once (no waves): the time until
 *     the last one is synced is the figure, then typing starts at once and is measured from then.
 *
 * Protocol with the parent (IPC): it sends `{ type: 'start', … }`; this process answers
 * `synced` (every client synced: the connect phase is over), `connected` (typing is about to be
 * measured), then `measured` with the figures; `{ type: 'stop' }` disconnects everyone and
 * answers `stopped`.
 */
import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider } from 'y-websocket';

export interface GeneratorMeeting {
	id: string;
	/** One per person: the session token (ignored by the reference) and the participant id. */
	people: { token: string; participantId: string }[];
}

export interface GeneratorStart {
	type: 'start';
	/**
	 * ws://127.0.0.1:{port}/collab — the room is appended, `/collab/{meetingId}`, for both servers.
	 * With more than one (nodes of one Roundtable), person i of a meeting connects to urls[i % n].
	 */
	urls: string[];
	meetings: GeneratorMeeting[];
	seconds: number;
	/** Every person waits this long between keystrokes, uniformly drawn, in ms. */
	minIntervalMs: number;
	maxIntervalMs: number;
	mix: Mix;
}

export type Mix = 'full' | 'edits' | 'storm';

export interface GeneratorResult {
	type: 'measured';
	edits: number;
	expectedDeliveries: number;
	deliveries: number;
	latencyMs: { p50: number; p95: number; p99: number; max: number };
	/** Deliveries from a sender on one node to a peer on another (only with more than one URL). */
	crossNodeLatencyMs: {
		p50: number;
		p95: number;
		p99: number;
		max: number;
		deliveries: number;
	} | null;
	/** Edit → the server's save-check answer (Roundtable only; null when never answered). */
	saveAckMs: { p50: number; p99: number } | null;
	closes: Record<string, number>;
	connectMs: number;
	/** Clients that had not synced four minutes after connecting (they never type; their peers' deliveries to them are missing). */
	unsynced: number;
	/** This generator's own CPU over the measured window: if it nears the window, it is the bottleneck. */
	generatorCpuSeconds: number;
}

const messageSync = 0;
const messageAwareness = 1;
const messageSaveCheck = 100;
const SAVE_CHECK_DELAY_MS = 150; // as the browser's LiveRecordConnection

const cookieName = 'rt_session';

/** Carets and save checks are sent only in the `full` mix. */
let chatty = true;

/** client → clock of each edit's last character → when it was typed (and on which node). */
const sentAt = new Map<number, Map<number, number>>();
const nodeOfClient = new Map<number, number>();
let measuring = false;
let latencies: number[] = [];
let crossNode: number[] = [];
let saveAcks: number[] = [];
let edits = 0;
let expectedDeliveries = 0;
const closes: Record<string, number> = {};

function receivedUpdate(update: Uint8Array, ownClient: number, now: number) {
	if (!measuring) return;
	const { to } = Y.parseUpdateMeta(update);
	for (const [client, clock] of to) {
		if (client === ownClient) continue; // the reference echoes to the sender
		const started = sentAt.get(client)?.get(clock - 1);
		if (started === undefined) continue;
		latencies.push(now - started);
		if (nodeOfClient.get(client) !== nodeOfClient.get(ownClient)) crossNode.push(now - started);
	}
}

function noteSent(client: number, clock: number, peers: number) {
	if (!measuring) return;
	let clocks = sentAt.get(client);
	if (!clocks) sentAt.set(client, (clocks = new Map()));
	clocks.set(clock, performance.now());
	edits++;
	expectedDeliveries += peers;
}

function frame(type: number, write: (encoder: encoding.Encoder) => void): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarUint(encoder, type);
	write(encoder);
	return encoding.toUint8Array(encoder);
}

function caretState(text: Y.XmlText, name: string) {
	const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, text.length));
	return { user: { name, color: '#1d4ed8' }, cursor: { anchor: at, head: at } };
}

interface Typist {
	readonly clientId: number;
	readonly synced: boolean;
	/** Types one character and moves the caret after it. */
	type(): void;
	close(): void;
}

/** A person in a meeting who speaks the y-websocket protocol by hand. */
class LightClient implements Typist {
	private readonly doc = new Y.Doc();
	private readonly text: Y.XmlText;
	private readonly ws: WebSocket;
	private awarenessClock = 0;
	private localChanges = 0;
	private saveTimer: ReturnType<typeof setTimeout> | null = null;
	/** Local change count → when it was made, for the save-check answer. */
	private readonly unsaved = new Map<number, number>();
	synced = false;
	private pending: Uint8Array | null = null;

	constructor(
		url: string,
		token: string,
		root: string,
		private readonly peers: number,
		node: number
	) {
		nodeOfClient.set(this.doc.clientID, node);
		const fragment = this.doc.getXmlFragment(root);
		const paragraph = new Y.XmlElement('paragraph');
		this.text = new Y.XmlText('');
		paragraph.insert(0, [this.text]);
		this.doc.on('update', (update: Uint8Array) => {
			this.pending = update;
		});
		fragment.insert(0, [paragraph]);
		this.ws = new WebSocket(url, {
			headers: { cookie: `${cookieName}=${token}` },
			perMessageDeflate: false
		});
		this.ws.binaryType = 'nodebuffer';
		this.ws.on('open', () => {
			// Our state vector; our paragraph goes in the answer to the server's step 1.
			this.send(
				frame(messageSync, (e) => {
					encoding.writeVarUint(e, 0);
					encoding.writeVarUint8Array(e, Y.encodeStateVector(this.doc));
				})
			);
		});
		this.ws.on('message', (data: Buffer) =>
			this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
		);
		this.ws.on('close', (code) => {
			if (code !== 1000 && code !== 1005) closes[code] = (closes[code] ?? 0) + 1;
		});
		this.ws.on('error', () => {});
	}

	get clientId() {
		return this.doc.clientID;
	}

	private send(message: Uint8Array) {
		if (this.ws.readyState === WebSocket.OPEN) this.ws.send(message);
	}

	private receive(message: Uint8Array) {
		const decoder = decoding.createDecoder(message);
		const type = decoding.readVarUint(decoder);
		if (type === messageSync) {
			const step = decoding.readVarUint(decoder);
			const payload = decoding.readVarUint8Array(decoder);
			if (step === 0) {
				// The server's step 1: answer with what it lacks of ours.
				const update = Y.encodeStateAsUpdate(this.doc, payload);
				this.send(
					frame(messageSync, (e) => {
						encoding.writeVarUint(e, 1);
						encoding.writeVarUint8Array(e, update);
					})
				);
			} else if (step === 1) {
				this.synced = true;
			} else {
				receivedUpdate(payload, this.doc.clientID, performance.now());
			}
		} else if (type === messageSaveCheck) {
			const seq = decoding.readVarUint(decoder);
			const now = performance.now();
			for (const [change, at] of this.unsaved) {
				if (change > seq) continue;
				if (measuring) saveAcks.push(now - at);
				this.unsaved.delete(change);
			}
		}
		// Awareness and anything else: a light client does not draw carets.
	}

	type() {
		if (!this.synced) return;
		this.text.insert(this.text.length, 'abcdefghijklmnopqrstuvwxyz'[this.localChanges % 26]);
		const update = this.pending!;
		this.pending = null;
		const clock = Y.getState(this.doc.store, this.doc.clientID) - 1;
		noteSent(this.doc.clientID, clock, this.peers);
		this.send(
			frame(messageSync, (e) => {
				encoding.writeVarUint(e, 2);
				encoding.writeVarUint8Array(e, update);
			})
		);
		this.localChanges++;
		if (!chatty) return;
		const state = JSON.stringify(caretState(this.text, 'light'));
		this.send(
			frame(messageAwareness, (e) => {
				const inner = encoding.createEncoder();
				encoding.writeVarUint(inner, 1);
				encoding.writeVarUint(inner, this.doc.clientID);
				encoding.writeVarUint(inner, ++this.awarenessClock);
				encoding.writeVarString(inner, state);
				encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
			})
		);
		this.unsaved.set(this.localChanges, performance.now());
		if (this.saveTimer) clearTimeout(this.saveTimer);
		this.saveTimer = setTimeout(() => {
			this.saveTimer = null;
			this.send(frame(messageSaveCheck, (e) => encoding.writeVarUint(e, this.localChanges)));
		}, SAVE_CHECK_DELAY_MS);
	}

	close() {
		if (this.saveTimer) clearTimeout(this.saveTimer);
		this.ws.close(1000);
		this.doc.destroy();
	}
}

/** The probe: a stock y-websocket provider with the whole record, as a browser would hold it. */
class ProbeClient implements Typist {
	private readonly doc = new Y.Doc();
	private readonly provider: WebsocketProvider;
	private text: Y.XmlText | null = null;

	constructor(
		url: string,
		meetingId: string,
		token: string,
		private readonly root: string,
		private readonly peers: number,
		node: number
	) {
		nodeOfClient.set(this.doc.clientID, node);
		const Socket = class extends WebSocket {
			constructor(address: string, protocols?: string | string[]) {
				super(address, protocols, {
					headers: { cookie: `${cookieName}=${token}` },
					perMessageDeflate: false
				});
			}
		};
		this.provider = new WebsocketProvider(url, meetingId, this.doc, {
			WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
			disableBc: true
		});
		this.provider.on('connection-close', (event) => {
			const code = event?.code ?? 0;
			if (code !== 1000 && code !== 1005) closes[code] = (closes[code] ?? 0) + 1;
		});
		this.doc.on('update', (update: Uint8Array, origin: unknown) => {
			if (origin === this.provider) receivedUpdate(update, this.doc.clientID, performance.now());
		});
	}

	get clientId() {
		return this.doc.clientID;
	}

	get synced() {
		return this.provider.synced;
	}

	type() {
		if (!this.synced) return;
		if (!this.text) {
			const fragment = this.doc.getXmlFragment(this.root);
			const paragraph = new Y.XmlElement('paragraph');
			this.text = new Y.XmlText('');
			paragraph.insert(0, [this.text]);
			fragment.insert(0, [paragraph]);
			return;
		}
		this.text.insert(this.text.length, 'p');
		noteSent(this.doc.clientID, Y.getState(this.doc.store, this.doc.clientID) - 1, this.peers);
		if (chatty) this.provider.awareness.setLocalState(caretState(this.text, 'probe'));
	}

	close() {
		this.provider.destroy();
		this.doc.destroy();
	}
}

function percentile(sorted: number[], p: number): number {
	if (sorted.length === 0) return NaN;
	return Number(
		sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(2)
	);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let typists: Typist[] = [];
let unsynced = 0;
let timers: ReturnType<typeof setTimeout>[] = [];

async function run(start: GeneratorStart) {
	const began = performance.now();
	process.setMaxListeners(0);
	chatty = start.mix === 'full';
	const storm = start.mix === 'storm';
	// Connect in waves, as people arrive, so the upgrade storm does not measure itself (except
	// in the storm, where everyone comes at once, as after a restart or at nine o'clock).
	for (const meeting of start.meetings) {
		const peers = meeting.people.length - 1;
		meeting.people.forEach((person, i) => {
			const root = `contribution:${person.participantId}`;
			const node = i % start.urls.length;
			const url = start.urls[node];
			typists.push(
				i === 0
					? new ProbeClient(url, meeting.id, person.token, root, peers, node)
					: new LightClient(`${url}/${meeting.id}`, person.token, root, peers, node)
			);
		});
		if (!storm && typists.length % 120 === 0) await sleep(50);
	}
	// A server that cannot take everyone in four minutes is measured with those it took (reported).
	const deadline = Date.now() + 240_000;
	while (typists.some((t) => !t.synced) && Date.now() < deadline) await sleep(50);
	unsynced = typists.filter((t) => !t.synced).length;
	const connectMs = performance.now() - began;
	process.send!({ type: 'synced', connectMs });
	if (!storm) {
		// Everyone's first edit (the paragraph; Roundtable binds the client id) before measuring.
		for (const typist of typists) typist.type();
		await sleep(2_000);
	}
	process.send!({ type: 'connected', connectMs });

	const span = start.maxIntervalMs - start.minIntervalMs;
	const cpuBefore = process.cpuUsage();
	measuring = true;
	timers = typists.map((typist, i) =>
		setTimeout(function tick() {
			typist.type();
			timers[i] = setTimeout(tick, start.minIntervalMs + Math.random() * span);
		}, Math.random() * start.maxIntervalMs)
	);
	await sleep(start.seconds * 1000);
	for (const timer of timers) clearTimeout(timer);
	await sleep(2_000); // what is still on its way counts; later than 2 s it is "not delivered"
	measuring = false;

	latencies.sort((a, b) => a - b);
	saveAcks.sort((a, b) => a - b);
	crossNode.sort((a, b) => a - b);
	const result: GeneratorResult = {
		type: 'measured',
		edits,
		expectedDeliveries,
		deliveries: latencies.length,
		latencyMs: {
			p50: percentile(latencies, 50),
			p95: percentile(latencies, 95),
			p99: percentile(latencies, 99),
			max: percentile(latencies, 100)
		},
		crossNodeLatencyMs:
			start.urls.length > 1
				? {
						p50: percentile(crossNode, 50),
						p95: percentile(crossNode, 95),
						p99: percentile(crossNode, 99),
						max: percentile(crossNode, 100),
						deliveries: crossNode.length
					}
				: null,
		saveAckMs:
			saveAcks.length > 0 ? { p50: percentile(saveAcks, 50), p99: percentile(saveAcks, 99) } : null,
		closes,
		connectMs: Math.round(connectMs),
		unsynced,
		generatorCpuSeconds: Number(
			(Object.values(process.cpuUsage(cpuBefore)).reduce((a, b) => a + b, 0) / 1e6).toFixed(2)
		)
	};
	latencies = [];
	saveAcks = [];
	crossNode = [];
	process.send!(result);
}

process.on('message', (message: { type: string }) => {
	if (message.type === 'start') {
		run(message as GeneratorStart).catch((error: unknown) => {
			process.send!({ type: 'failed', error: String(error) });
		});
	} else if (message.type === 'stop') {
		for (const typist of typists) typist.close();
		typists = [];
		setTimeout(() => process.send!({ type: 'stopped' }, () => process.exit(0)), 200);
	}
});
