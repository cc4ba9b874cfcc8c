/**
 * "These sessions ended": announced by the session module whenever sessions are invalidated
 * (sign-out, every session of an account after a password change or when it is disabled, an
 * expired session found), heard by the collaboration server, which closes their sockets with
 * 4401 (it listens when it starts). In production the SvelteKit bundle has its own copy of this
 * module, to which the production entry connects the same server (src/lib/server/app-link.ts).
 */

/** Which sessions ended: these ids, or every session of this user (or both). */
export interface SessionsEnded {
	/** Session ids (the SHA-256 of the token, as stored). */
	sessionIds?: readonly string[];
	/** Every session of this user. */
	userId?: string;
}

type Listener = (ended: SessionsEnded) => void;

const listeners = new Set<Listener>();

/** True when a session of this user with this id is among those that ended. */
export function sessionEndedBy(
	ended: SessionsEnded,
	session: { sessionId: string; userId: string }
): boolean {
	return (
		(ended.userId !== undefined && ended.userId === session.userId) ||
		(ended.sessionIds?.includes(session.sessionId) ?? false)
	);
}

/** Tells every listener in this process that sessions ended. */
export function announceSessionsEnded(ended: SessionsEnded): void {
	for (const listener of listeners) listener(ended);
}

/** Listens for ended sessions; returns the function that stops listening. */
export function onSessionsEnded(listener: Listener): () => void {
	listeners.add(listener);
	return () => {
		listeners.delete(listener);
	};
}
