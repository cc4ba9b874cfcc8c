/**
 * The little state that belongs to the whole Node process rather than to one copy of a module:
 * one slot on `globalThis`, under one `Symbol.for` key, with a typed field for each thing.
 *
 * Why a process-wide slot at all: the SvelteKit bundle (build/handler.js), the production entry
 * run under tsx (server/index.ts and server/collab) and Vite's dev module graph (pages, and the
 * socket loaded by the dev plugin with ssrLoadModule) each load their own copy of our modules,
 * and Vite loads them again after an edit. Module-level variables would give each copy its own
 * database, its own listeners and its own registry, so an announcement made by a page would
 * never reach the socket, and PGlite, which allows one opener of a data folder, would be opened
 * twice. `Symbol.for` keys are shared by every copy in the process, so this slot is too.
 *
 * Keep it small: a field belongs here only when two copies of a module must see the same value.
 */
import type { SessionsEnded } from './auth/events';
import type { DatabaseHandle } from './db';
import type { PdfPool } from './documents/pdf';
import type { LiveChannels } from './records/stored';

export interface ProcessState {
	/** The one open database (`db/index.ts`, `sharedDatabase`); unset until first used or after closing. */
	database?: Promise<DatabaseHandle>;
	/** The collaboration servers' loaded channels, read by `readStoredRecord` before the database, so unsaved edits are seen (`records/stored.ts`). */
	readonly liveChannels: Set<LiveChannels>;
	/** Who hears "this meeting's status or people changed" (`records/events.ts`): the collaboration server. */
	readonly meetingChangedListeners: Set<(meetingId: string) => void>;
	/** Who hears "these sessions ended" (`auth/events.ts`): the collaboration server. */
	readonly sessionsEndedListeners: Set<(ended: SessionsEnded) => void>;
	/** The PDF worker threads (`documents/pdf.ts`), started on first use. */
	pdfPool?: PdfPool;
	// `collabServer`, the process's one collaboration server, is declared by server/collab/index.ts
	// (interface merging), since code under src/lib never imports server/.
}

const SLOT = Symbol.for('roundtable.process');

/** This process's shared state, made on first use. */
export function processState(): ProcessState {
	const holder = globalThis as { [SLOT]?: ProcessState };
	holder[SLOT] ??= {
		liveChannels: new Set(),
		meetingChangedListeners: new Set(),
		sessionsEndedListeners: new Set()
	};
	return holder[SLOT];
}
