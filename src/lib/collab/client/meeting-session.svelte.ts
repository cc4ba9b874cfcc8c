/**
 * One meeting page's live session, shared by the room, the family view and the projector: the
 * main record's connection (and the restricted document's, for those who may read it), the
 * record as reactive data bound again whenever a connection reloads it, the chair's current
 * section, who is here, and each child's risk plots with this meeting's live scores in place.
 * Held in memory only: nothing from the record goes to browser storage.
 */
import type { MeetingTemplate, TemplateSection } from '$lib/domain/templates';
import type { MeetingRole, MeetingStatus } from '$lib/domain/vocabulary';
import { LiveRiskPlots } from '$lib/components/risk/risk-history.svelte';
import { setCurrentSection, type RecordSnapshot } from '../record-shape';
import { LiveRecordConnection, type LiveRecordOptions } from './live-record.svelte';
import { MeetingState, type PresentPerson } from './meeting-state.svelte';

/** What a session reads from its page; read through a getter, so it follows reloaded data. */
export interface MeetingSessionProps {
	meetingId: string;
	status: MeetingStatus;
	template: MeetingTemplate;
	children: readonly { id: string; name: string }[];
	participants: readonly { id: string; name: string; role: MeetingRole }[];
	/** Open the restricted document too: only for those `mayReadRestricted` allows. */
	restricted?: boolean;
	/** Fetch each child's risk history (each fetch is audited): only for views that draw plots. */
	riskPlots?: boolean;
	/** The server says the meeting started or ended: reload the page's data. */
	onMeetingChanged?: () => void;
	/** For Node tests: where the socket is and how to open it. */
	connection?: Pick<LiveRecordOptions, 'serverUrl' | 'WebSocketPolyfill'>;
}

export class MeetingSession {
	/** The main record's connection; null until `connect()` (and on the server). */
	record = $state.raw<LiveRecordConnection | null>(null);
	/** The restricted document's connection, for those who may read it. */
	restricted = $state.raw<LiveRecordConnection | null>(null);
	/** Each child's history from the server with this meeting's live scores in place. */
	readonly risk: LiveRiskPlots;

	#state = $state.raw<MeetingState | null>(null);
	readonly #props: () => MeetingSessionProps;
	#teardown: (() => void) | null = null;

	readonly #currentIndex = $derived.by(() => {
		const key = this.currentKey;
		return this.#props().template.sections.findIndex((section) => section.key === key);
	});

	constructor(props: () => MeetingSessionProps) {
		this.#props = props;
		this.risk = new LiveRiskPlots(() => {
			const { meetingId, template, status, children, participants } = this.#props();
			const snapshot = this.snapshot;
			return {
				children,
				live: {
					meetingId,
					kind: template.kind,
					live: status === 'live',
					concerns: snapshot?.concerns ?? [],
					ratings: snapshot?.ratings ?? {},
					participants
				}
			};
		});
	}

	/** The record as plain data; null until connected. */
	get snapshot(): RecordSnapshot | null {
		return this.#state?.snapshot ?? null;
	}

	/** Bumped on every change, for views that render rich text as plain paragraphs. */
	get version(): number {
		return this.#state?.version ?? 0;
	}

	/** Who is connected, and which section each is looking at. */
	get present(): PresentPerson[] {
		return this.#state?.present ?? [];
	}

	/** The latest "the register changed" stamp announced by anyone connected (0: none yet). */
	get registerStamp(): number {
		return this.#state?.registerStamp ?? 0;
	}

	/** Tells everyone connected that the register changed, so their views reload it. */
	announceRegister(): void {
		this.#state?.announceRegister();
	}

	/** The key of the chair's current section, as the record says (null before the first). */
	get currentKey(): string | null {
		return this.snapshot?.meta.currentSection ?? null;
	}

	/** The chair's current section's place in the agenda, or -1. */
	get currentIndex(): number {
		return this.#currentIndex;
	}

	/** The chair's current section, or null. */
	get currentSection(): TemplateSection | null {
		return this.#props().template.sections[this.#currentIndex] ?? null;
	}

	/** Opens the connections; call once in the browser (onMount). Returns `destroy`. */
	connect(): () => void {
		if (this.#teardown) return () => this.destroy();
		const { meetingId, participants, restricted, riskPlots, onMeetingChanged, connection } =
			this.#props();
		// A reloaded record is a new document: bind to it again (a reload comes later, never during this).
		const main = new LiveRecordConnection({
			meetingId,
			onMeetingChanged,
			onReload: () => state.bind(),
			...connection
		});
		const state = new MeetingState(
			main,
			participants.map((p) => p.id)
		);
		state.bind();
		// Restricted information lives in its own document, which family connections never open.
		const third = restricted
			? new LiveRecordConnection({ meetingId, channel: 'restricted', ...connection })
			: null;
		this.record = main;
		this.restricted = third;
		this.#state = state;
		this.#teardown = () => {
			state.destroy();
			main.destroy();
			third?.destroy();
		};
		if (riskPlots) void this.risk.load();
		return () => this.destroy();
	}

	/** Tells others which section this person is looking at (null: none in particular). */
	announceSection(section: string | null): void {
		this.#state?.announceSection(section);
	}

	/** The chair moves the meeting to a section. */
	moveTo(section: string): void {
		if (this.record) setCurrentSection(this.record.doc, section);
	}

	/** Closes the connections; call when the page goes away. */
	destroy(): void {
		this.#teardown?.();
		this.#teardown = null;
	}
}
