/**
 * "This meeting's status or people changed": announced by the meeting commands (start, end),
 * heard by the collaboration server, which reconnects that meeting's sockets with their new
 * rights and opens a meeting that went live at its first section. The listeners are kept in the
 * process state (../process-state.ts): the SvelteKit bundle and the socket server load separate
 * copies of this module.
 */
import { processState } from '../process-state';

/** Tells every listener in this process that a meeting changed. */
export function announceMeetingChanged(meetingId: string): void {
	for (const listener of processState().meetingChangedListeners) listener(meetingId);
}

/** Listens for changed meetings; returns the function that stops listening. */
export function onMeetingChanged(listener: (meetingId: string) => void): () => void {
	const listeners = processState().meetingChangedListeners;
	listeners.add(listener);
	return () => listeners.delete(listener);
}
