/**
 * What the server knows about the request being served, followed through every await with
 * `AsyncLocalStorage`: its id (for the log) and the address it came from (for the audit log).
 * `handle` in src/hooks.server.ts runs each request inside one; the audit and the logger read it,
 * so a route need not pass either along. The collaboration server, which serves sockets rather
 * than SvelteKit requests, passes the address to `audit` itself.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
	/** A random id for this request, in every log line it causes and in the `x-request-id` header. */
	requestId: string;
	/** The client's address, as adapter-node reports it; null when unknown. */
	address: string | null;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `work` as part of one request. */
export function runInRequest<T>(context: RequestContext, work: () => T): T {
	return storage.run(context, work);
}

/** The request being served now, if any. */
export function currentRequest(): RequestContext | undefined {
	return storage.getStore();
}

/** A new request id: 16 hex digits, enough to find one request's lines. */
export function newRequestId(): string {
	return crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}
