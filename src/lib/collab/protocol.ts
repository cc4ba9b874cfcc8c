/**
 * The wire vocabulary of the collaboration socket, shared by the server and the browser.
 * Message types 0–3 are the y-websocket protocol; 100 is Roundtable's one addition, which the
 * stock client never sends, so stock clients work unmodified.
 */

/** y-protocols sync (step 1, step 2, update). */
export const messageSync = 0;
/** y-protocols awareness update. */
export const messageAwareness = 1;
/** A request for every awareness state. */
export const messageQueryAwareness = 3;
/**
 * "Is everything I sent so far stored?": the client sends [100, seq]; the server answers
 * [100, seq] once every update received before it on that socket is in the database.
 */
export const messageSaveCheck = 100;

/** Close codes the server uses. 4400–4499 are final for the y-websocket 3.1 client. */
export const closeCodes = {
	/** The frame could not be decoded, or its message type is unknown. Final. */
	malformed: 4400,
	/** The session ended while connected. Final: sign in again. */
	unauthenticated: 4401,
	/** The update wrote where its sender may not, or under another person's client id. Final. */
	forbidden: 4403,
	/** A decision without its reason (or an outcome of "plan" without its category). Final. */
	invalidDecision: 4422,
	/** The record, or the writer's share of it, is full: the update was not applied. Final. */
	recordFull: 4413,
	/** The meeting or the person's part in it changed: reconnect to pick up the new rights. */
	rightsChanged: 4000,
	/**
	 * A live update depended on someone else's changes that the server does not have (they were
	 * lost in a restart and not yet resent). Nothing was applied; reconnect, and the sync sends it
	 * again once it can be placed.
	 */
	outOfSync: 4001,
	/** The server is shutting down; reconnect. (RFC 6455 "going away") */
	goingAway: 1001,
	/**
	 * The server is restarting (a deploy): everything it had is stored; come straight back, after
	 * a short random pause so thousands of clients do not arrive in the same instant. (IANA
	 * "Service Restart"; the stock client reconnects on it as on any code outside 4400–4499.)
	 */
	restarting: 1012,
	/** A frame over the size cap (ws closes with this itself). */
	tooLarge: 1009,
	/** The server could not store or load the record; reconnect later. */
	internalError: 1011
} as const;

/** The socket's path prefix (a channel's path: `collabUrl` in src/lib/domain/vocabulary.ts). */
export { collabPath } from '../domain/vocabulary';
