/**
 * The server's structured log: one JSON line per event on standard output (pino), each with
 * the id of the request it belongs to (src/lib/server/request-context.ts), so one request's
 * lines can be found together and matched to the reference a person was shown.
 *
 * What is never logged: names, emails, typed words, record content, query strings, request
 * bodies, cookies or tokens. Errors go through `describeErrorSafely` (./errors.ts), which drops
 * a failed query's parameters and withholds quoted values. Relative imports only: server/ uses
 * it under plain Node.
 */
import { pino, type Logger } from 'pino';
import { currentRequest } from './request-context';
import { env } from './env';

/** Where lines go: standard output, through `process.stdout.write` (so tests can read them). */
const toStandardOutput = { write: (line: string) => void process.stdout.write(line) };

/**
 * Tests see warnings and errors only; the server logs info too (LOG_REQUESTS lines). Read at
 * import, so a wrong environment must not throw here: start-up reports it, in one line.
 */
function level(): 'warn' | 'info' {
	try {
		return env().NODE_ENV === 'test' ? 'warn' : 'info';
	} catch {
		return 'info';
	}
}

/** Makes a logger writing to `destination` (tests pass their own). */
export function createLogger(
	destination: { write(line: string): void } = toStandardOutput
): Logger {
	return pino(
		{
			level: level(),
			base: { service: 'roundtable' },
			timestamp: pino.stdTimeFunctions.isoTime,
			// Every line says which request it belongs to, when it belongs to one.
			mixin: () => {
				const request = currentRequest();
				return request ? { requestId: request.requestId } : {};
			},
			// Belt and braces: should a field named like these ever be passed, it is not written.
			redact: {
				paths: [
					'name',
					'email',
					'password',
					'token',
					'cookie',
					'body',
					'query',
					'*.name',
					'*.email',
					'*.password',
					'*.token',
					'*.cookie'
				],
				censor: '[withheld]'
			}
		},
		destination
	);
}

/** The process's log. */
export const log: Logger = createLogger();
