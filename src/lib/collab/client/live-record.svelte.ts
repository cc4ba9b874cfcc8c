/**
 * The browser's side of one meeting's live record: one Y.Doc, one WebsocketProvider (its
 * BroadcastChannel off, so every change reaches the server first) and one awareness, shared
 * by every editor on the page. Held in memory only: nothing from the record goes to browser
 * storage.
 */
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { closeCodes, messageSaveCheck } from '../protocol';
import { collabPath, collabRoom, type Channel } from '../../domain/vocabulary';

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'closed';

/** What the page tells its user after a final close. */
export const closeMessages: Record<number, string> = {
	[closeCodes.forbidden]:
		'A change could not be saved because it was in a part of the record you may not edit. The record has been reloaded.',
	[closeCodes.invalidDecision]:
		'A decision was not saved because it had no reason. Say why, then record it again.',
	[closeCodes.recordFull]:
		'Your last change was not saved: the record is full. Everything before it is saved. Ask the chair to move long text into a document.',
	[closeCodes.unauthenticated]: 'Your session has ended. Sign in again to keep editing the record.',
	[closeCodes.malformed]: 'The connection to the record failed. The record has been reloaded.'
};

export interface LiveRecordOptions {
	meetingId: string;
	/** Which of the meeting's channels to open (`main` unless said). */
	channel?: Channel;
	/** ws(s)://host/collab; defaults to this page's host. */
	serverUrl?: string;
	/** For Node tests: a WebSocket class. */
	WebSocketPolyfill?: typeof WebSocket;
	/** Called when the server says the meeting changed (started, ended): reload the page's data. */
	onMeetingChanged?: () => void;
	/** Called after the record was reloaded (a new document): bind to it again. */
	onReload?: () => void;
}

const SAVE_CHECK_DELAY_MS = 150;
const MAX_RELOADS_PER_MINUTE = 3;
/** After a server restart, clients come back spread over this long. */
const RESTART_JITTER_MS = 2_000;

/** One meeting's live record and its connection state, as runes the UI can read. */
export class LiveRecordConnection {
	status = $state<ConnectionStatus>('connecting');
	/** True when the server has stored every change made on this device. */
	saved = $state(true);
	/** A message for the user after the server closed the connection for good. */
	problem = $state<string | null>(null);
	/** Bumped whenever the record is reloaded, so editors bind to the new document. */
	generation = $state(0);

	doc!: Y.Doc;
	provider!: WebsocketProvider;

	private localChanges = 0;
	private saveCheckTimer: ReturnType<typeof setTimeout> | null = null;
	private everConnected = false;
	private reloads: number[] = [];
	private readonly teardown: (() => void)[] = [];
	private destroyed = false;

	constructor(private readonly options: LiveRecordOptions) {
		if (typeof window !== 'undefined') {
			// When the device loses its network the socket is dead, though the browser may not
			// notice for a long while: close it at once, so the page says "offline" and the words
			// typed meanwhile wait in this device's copy; reconnect the moment the network returns,
			// when the sync sends them and brings everyone else's.
			const onOffline = () => {
				if (this.status !== 'closed') this.provider.disconnect();
				this.updateStatus();
			};
			const onOnline = () => {
				if (this.status !== 'closed' && !this.destroyed) this.provider.connect();
				this.updateStatus();
			};
			window.addEventListener('online', onOnline);
			window.addEventListener('offline', onOffline);
			this.teardown.push(() => {
				window.removeEventListener('online', onOnline);
				window.removeEventListener('offline', onOffline);
			});
		}
		this.open();
	}

	private get serverUrl(): string {
		if (this.options.serverUrl) return this.options.serverUrl;
		const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
		return `${scheme}://${location.host}${collabPath}`;
	}

	private open() {
		const doc = new Y.Doc();
		const provider = new WebsocketProvider(
			this.serverUrl,
			collabRoom(this.options.meetingId, this.options.channel),
			doc,
			{
				disableBc: true,
				...(this.options.WebSocketPolyfill
					? { WebSocketPolyfill: this.options.WebSocketPolyfill }
					: {})
			}
		);
		this.doc = doc;
		this.provider = provider;
		this.localChanges = 0;
		this.saved = true;

		// The server answers [100, seq] once everything sent before [100, seq] is stored.
		provider.messageHandlers[messageSaveCheck] = (_encoder, decoder) => {
			const seq = decoding.readVarUint(decoder);
			if (provider === this.provider && seq >= this.localChanges) this.saved = true;
		};
		doc.on('update', (_update: Uint8Array, origin: unknown) => {
			if (origin === provider) return; // someone else's change
			this.localChanges++;
			this.saved = false;
			this.scheduleSaveCheck();
		});
		provider.on('status', () => this.updateStatus());
		provider.on('sync', (isSynced: boolean) => {
			if (isSynced && !this.saved) this.scheduleSaveCheck();
		});
		provider.on('closed', ({ code }: { code: number }) => this.onFinalClose(code));
		provider.on('connection-close', (event: CloseEvent | null) => {
			if (event?.code === closeCodes.rightsChanged) this.options.onMeetingChanged?.();
			if (event?.code === closeCodes.restarting) this.reconnectAfterRestart(provider);
		});
		this.updateStatus();
	}

	/**
	 * The server restarted (a deploy): come back after a random pause of up to
	 * RESTART_JITTER_MS instead of the provider's fixed 200 ms, so a room of people does not
	 * reconnect in the same instant. The provider's own retry is stood down meanwhile; the words
	 * typed in between stay in this device's copy and go with the sync.
	 */
	private reconnectAfterRestart(provider: WebsocketProvider) {
		provider.shouldConnect = false;
		setTimeout(() => {
			if (provider === this.provider && !this.destroyed && this.status !== 'closed')
				provider.connect();
		}, Math.random() * RESTART_JITTER_MS);
	}

	private scheduleSaveCheck() {
		if (this.saveCheckTimer) clearTimeout(this.saveCheckTimer);
		this.saveCheckTimer = setTimeout(() => {
			this.saveCheckTimer = null;
			const ws = this.provider.ws;
			// After a reconnect, the sync itself carries what the server missed; ask once synced.
			if (!ws || ws.readyState !== 1 /* OPEN */ || !this.provider.synced) return;
			const encoder = encoding.createEncoder();
			encoding.writeVarUint(encoder, messageSaveCheck);
			encoding.writeVarUint(encoder, this.localChanges);
			ws.send(encoding.toUint8Array(encoder));
		}, SAVE_CHECK_DELAY_MS);
	}

	private updateStatus() {
		if (this.destroyed || this.status === 'closed') return;
		if (this.provider.wsconnected) {
			this.everConnected = true;
			this.status = 'connected';
		} else if (typeof navigator !== 'undefined' && navigator.onLine === false) {
			this.status = 'offline';
		} else {
			this.status = this.everConnected ? 'reconnecting' : 'connecting';
		}
	}

	private onFinalClose(code: number) {
		this.problem = closeMessages[code] ?? 'The connection to the record was closed.';
		if (code === closeCodes.unauthenticated) {
			this.status = 'closed';
			return;
		}
		const now = Date.now();
		this.reloads = this.reloads.filter((at) => now - at < 60_000);
		if (this.reloads.length >= MAX_RELOADS_PER_MINUTE) {
			this.status = 'closed';
			this.problem = 'The record keeps refusing changes from this page. Reload the page.';
			return;
		}
		this.reloads.push(now);
		this.reload();
	}

	/** Drops this device's copy (with any refused change) and loads the record afresh. */
	reload(): void {
		this.close();
		this.status = 'connecting';
		this.everConnected = false;
		this.open();
		this.generation++;
		this.options.onReload?.();
	}

	private close() {
		if (this.saveCheckTimer) clearTimeout(this.saveCheckTimer);
		this.saveCheckTimer = null;
		this.provider.destroy();
		this.doc.destroy();
	}

	/** Closes the connection; call when the page goes away. */
	destroy(): void {
		this.destroyed = true;
		this.close();
		for (const undo of this.teardown) undo();
	}
}
