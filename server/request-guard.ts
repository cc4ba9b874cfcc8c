/**
 * One failed request must never end the service. Every meeting in the room shares this one
 * process, so an error that belongs to one request — a handler that throws or rejects, a file
 * stream that fails under the static file server (a precompressed asset that disappeared),
 * an exception thrown later from a callback that request started — is logged safely and ends
 * that request alone: 500 when nothing was sent yet, otherwise its connection is cut (a
 * half-sent answer cannot be taken back). An error outside any request is a real fault: it is
 * logged, then the process stops (after trying to close cleanly) so it is restarted whole.
 */
import type http from 'node:http';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Readable } from 'node:stream';
import { describeErrorSafely } from '../src/lib/server/errors';
import { log } from '../src/lib/server/log';

export type Log = (line: string) => void;
export type Listener = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

interface Scope {
	req: http.IncomingMessage;
	res: http.ServerResponse;
}

/** The request each piece of work belongs to, followed through callbacks, timers and promises. */
const scopes = new AsyncLocalStorage<Scope>();

/** Through the server's structured log (src/lib/server/log.ts); each line is already safe. */
const defaultLog: Log = (line) => log.error({ component: 'server' }, line);

/** Method and path of a request, never its query string (which may carry words). */
function where(req: http.IncomingMessage): string {
	const path = (req.url ?? '/').split('?')[0];
	return `${req.method ?? '?'} ${path.length > 120 ? `${path.slice(0, 120)}…` : path}`;
}

/** Ends a request that failed: a plain 500 when nothing was sent yet, else the connection is cut. */
export function failRequest(res: http.ServerResponse): void {
	if (res.writableEnded || res.destroyed) return;
	if (!res.headersSent) {
		for (const name of res.getHeaderNames()) res.removeHeader(name);
		res.statusCode = 500;
		res.setHeader('content-type', 'text/plain; charset=utf-8');
		res.setHeader('cache-control', 'no-store');
		res.end('Something went wrong on our side. Please try again.');
		return;
	}
	res.destroy();
}

/**
 * A request listener that keeps each request's failure to that request: a throw or rejected
 * promise from `handler`, or an error from any stream piped into the response (sirv pipes
 * files with no error listener, so a vanished file used to be an uncaught exception).
 */
export function guardedListener(
	handler: Listener,
	options: { log?: Log } = {}
): http.RequestListener {
	const log = options.log ?? defaultLog;
	return (req, res) => {
		scopes.run({ req, res }, () => {
			let reported = false;
			const fail = (error: unknown) => {
				if (!reported) log(`[request failed] ${where(req)}: ${describeErrorSafely(error)}`);
				reported = true;
				failRequest(res);
			};
			res.on('pipe', (source: Readable) => source.on('error', fail));
			res.on('error', () => {}); // a response's socket error is the client going away
			req.on('error', () => {}); // likewise an aborted upload; the reader of the body sees it
			try {
				const result = handler(req, res);
				if (result && typeof (result as Promise<unknown>).then === 'function')
					(result as Promise<unknown>).then(undefined, fail);
			} catch (error) {
				fail(error);
			}
		});
	};
}

/**
 * The process's policy for errors nobody caught: one that belongs to a request ends that
 * request (see guardedListener) and the service goes on; one outside any request is logged as
 * fatal and `fatal` is called (by default the process exits with status 1). Returns a function
 * that takes the policy away again.
 */
export function installProcessGuards(
	options: { log?: Log; fatal?: (error: unknown) => void } = {}
): () => void {
	const log = options.log ?? defaultLog;
	const fatal = options.fatal ?? (() => process.exit(1));
	const uncaught = (kind: string) => (error: unknown) => {
		const scope = scopes.getStore();
		if (scope) {
			log(`[request failed] ${where(scope.req)} (${kind}): ${describeErrorSafely(error)}`);
			failRequest(scope.res);
			return;
		}
		log(`[fatal] ${kind} outside any request: ${describeErrorSafely(error)}`);
		fatal(error);
	};
	const onException = uncaught('uncaught exception');
	const onRejection = uncaught('unhandled rejection');
	process.on('uncaughtException', onException);
	process.on('unhandledRejection', onRejection);
	return () => {
		process.off('uncaughtException', onException);
		process.off('unhandledRejection', onRejection);
	};
}
