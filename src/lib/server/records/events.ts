/**
 * "This meeting's status or people changed": announced by pages and the API, heard by the
 * collaboration server, which reconnects that meeting's sockets with their new rights.
 * On globalThis because the SvelteKit bundle and the production entry load separate copies.
 */
type Listener = (meetingId: string) => void;
const SHARED = Symbol.for('roundtable.meetingChangedListeners');

function listeners(): Set<Listener> {
	const holder = globalThis as { [SHARED]?: Set<Listener> };
	holder[SHARED] ??= new Set();
	return holder[SHARED];
}

/** Tells every listener in this process that a meeting changed. */
export function announceMeetingChanged(meetingId: string): void {
	for (const listener of listeners()) listener(meetingId);
}

/** Listens for changed meetings; returns the function that stops listening. */
export function onMeetingChanged(listener: Listener): () => void {
	listeners().add(listener);
	return () => listeners().delete(listener);
}
