/**
 * The live record as plain reactive data for the meeting's views: re-read (at most once a
 * frame) whenever the document changes, and re-bound when the connection reloads the record.
 * Who is connected, and on which section, comes from awareness.
 */
import * as Y from 'yjs';
import { readRecord, type RecordSnapshot } from '../record-shape';
import type { LiveRecordConnection } from './live-record.svelte';

export interface PresentPerson {
	clientId: number;
	/** The meeting participant behind the connection (null for unit staff not on the list). */
	participantId: string | null;
	name: string;
	role: string;
	section: string | null;
}

export class MeetingState {
	snapshot = $state.raw<RecordSnapshot>(readRecord(emptyDoc(), []));
	present = $state.raw<PresentPerson[]>([]);
	/**
	 * The latest "the register changed" stamp anyone connected announced (ms; 0 for none): views
	 * that show the register or the quorum reload it from the server when it moves. A stamp only
	 * asks for a reload, so a client that sends a false one gains nothing.
	 */
	registerStamp = $state(0);
	/** Bumped on every change, for views that render rich text as plain paragraphs. */
	version = $state(0);

	#unbind: (() => void) | null = null;
	#frame: number | null = null;
	#boundTo: Y.Doc | null = null;

	constructor(
		readonly record: LiveRecordConnection,
		readonly participantIds: readonly string[]
	) {}

	/** Binds to the record's current document; call again after a reload (generation change). */
	bind(): void {
		const { doc, provider } = this.record;
		if (this.#boundTo === doc) return;
		this.#unbind?.();
		this.#boundTo = doc;
		const onUpdate = () => this.#schedule();
		const onAwareness = () => this.#readPresence();
		doc.on('update', onUpdate);
		provider.awareness.on('change', onAwareness);
		this.#unbind = () => {
			doc.off('update', onUpdate);
			provider.awareness.off('change', onAwareness);
		};
		this.#refresh();
		this.#readPresence();
	}

	/** Tells others which section this person is looking at. */
	announceSection(section: string | null): void {
		this.record.provider.awareness.setLocalStateField('section', section);
	}

	/** Tells others the register changed on the server, so they reload it. */
	announceRegister(): void {
		const stamp = Date.now();
		this.record.provider.awareness.setLocalStateField('register', stamp);
		this.registerStamp = Math.max(this.registerStamp, stamp);
	}

	#schedule() {
		if (this.#frame !== null) return;
		const run = () => {
			this.#frame = null;
			this.#refresh();
		};
		this.#frame =
			typeof requestAnimationFrame === 'function'
				? requestAnimationFrame(run)
				: (setTimeout(run, 16) as unknown as number);
	}

	#refresh() {
		this.snapshot = readRecord(this.record.doc, this.participantIds);
		this.version++;
	}

	#readPresence() {
		const people: PresentPerson[] = [];
		let stamp = this.registerStamp;
		this.record.provider.awareness.getStates().forEach((state, clientId) => {
			if (typeof state.register === 'number' && state.register > stamp) stamp = state.register;
			const user = state.user as
				{ participantId?: string | null; name?: string; role?: string } | undefined;
			if (!user?.name) return;
			people.push({
				clientId,
				participantId: user.participantId ?? null,
				name: user.name,
				role: user.role ?? '',
				section: typeof state.section === 'string' ? state.section : null
			});
		});
		this.present = people;
		if (stamp !== this.registerStamp) this.registerStamp = stamp;
	}

	destroy(): void {
		this.#unbind?.();
		if (this.#frame !== null && typeof cancelAnimationFrame === 'function')
			cancelAnimationFrame(this.#frame);
	}
}

const emptyDoc = () => new Y.Doc(); // for the first render, before the connection exists
