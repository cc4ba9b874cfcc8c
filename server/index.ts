/**
 * Production entry: one Node process, one port. The SvelteKit app (adapter-node's handler)
 * serves pages and the API; the collaboration socket takes upgrades on /collab/….
 *
 * On SIGTERM or SIGINT it stops accepting connections, lets the mail sender finish the message
 * in hand (the rest stays queued, due, for the next start) while it writes the live meetings'
 * records and closes their sockets with 1012 ("restarting: come straight back"), gives requests
 * in flight a moment, closes the database and exits — within `SHUTDOWN_MS` whatever happens
 * (docs/mail.md, "Stopping"; docs/performance.md, "Restarting").
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { env } from '../src/lib/server/env';
import {
	DatabaseUnavailableError,
	closeSharedDatabase,
	sharedDatabase
} from '../src/lib/server/db';
import { attachAppLink, type AppLink } from '../src/lib/server/app-link';
import { guardedListener, installProcessGuards } from './request-guard';

/** The most a stop may take before the process exits anyway. */
const SHUTDOWN_MS = 9_000;
/** How long the sender may take over the message in hand when stopping. */
const SENDER_STOP_MS = 5_000;
/** How long requests in flight are given to finish before their connections are cut. */
const REQUESTS_STOP_MS = 2_000;

const delay = (ms: number) =>
	new Promise<void>((resolve) => {
		setTimeout(resolve, ms).unref();
	});

export interface RunningServer {
	server: http.Server;
	url: string;
	close(): Promise<void>;
}

/** Opens the database, loads the built app and listens. */
export async function startServer(): Promise<RunningServer> {
	const config = env();
	await sharedDatabase({ offTheEventLoop: true }); // migrations first, and one clear line if the database is unreachable
	const handlerPath = path.resolve('build/handler.js');
	if (!existsSync(handlerPath)) {
		throw new Error(
			'No built app at build/handler.js: run `npm run build` first (npm run demo does it for you).'
		);
	}
	// adapter-node assumes https when neither ORIGIN nor PROTOCOL_HEADER is set, which breaks
	// form posts on plain http (npm run demo). Tell it the real protocol of each connection.
	const ownProtocolHeader =
		!process.env.ORIGIN && !process.env.PROTOCOL_HEADER ? 'x-roundtable-protocol' : null;
	if (ownProtocolHeader) process.env.PROTOCOL_HEADER = ownProtocolHeader;
	// Professionals upload reports of up to 10 MB (src/lib/server/voices/reports.ts); adapter-node
	// refuses bodies over 512 KB unless told otherwise, so allow the report and its form around it.
	process.env.BODY_SIZE_LIMIT ??= '11M';
	const { handler } = (await import(pathToFileURL(handlerPath).href)) as {
		handler: (req: http.IncomingMessage, res: http.ServerResponse, next?: () => void) => unknown;
	};
	const { sharedCollabServer } = await import('./collab/index');
	const collab = await sharedCollabServer();
	// The app's bundle has its own copies of our modules: it is handed this database and this
	// collaboration server with each request (src/lib/server/app-link.ts).
	const appLink: AppLink = {
		database: await sharedDatabase(),
		...collab.ports
	};
	// With METRICS_PORT, /metrics for the operators, on its own port (./metrics.ts).
	const metrics =
		config.METRICS_PORT === undefined
			? null
			: await (
					await import('./metrics')
				).startMetricsServer({
					db: (await sharedDatabase()).db,
					collab,
					port: config.METRICS_PORT,
					host: config.METRICS_HOST
				});
	if (metrics) console.log(`Metrics for operators on ${metrics.url}`);
	// The outbox's sender (docs/mail.md): without SMTP_URL it leaves every message queued.
	const { createMailSender } = await import('../src/lib/server/mail/sender');
	const mailSender = createMailSender({ db: (await sharedDatabase()).db });
	mailSender.start();
	// Beside it, the scheduler queues reminders, report requests and chasers as they fall due.
	const { createMailScheduler } = await import('../src/lib/server/mail/scheduler');
	const mailScheduler = createMailScheduler({ db: (await sharedDatabase()).db });
	mailScheduler.start();
	// Events for the council's case system (docs/case-system.md): nothing is queued without an endpoint.
	const { createCaseSystemDeliverer } = await import('../src/lib/server/case-system/deliver');
	const caseSystem = createCaseSystemDeliverer({ db: (await sharedDatabase()).db });
	caseSystem.start();

	// One request's failure (a throw, a file stream that errors) ends that request, not the process.
	const server = http.createServer(
		guardedListener((req, res) => {
			if (ownProtocolHeader)
				req.headers[ownProtocolHeader] =
					'encrypted' in req.socket && req.socket.encrypted ? 'https' : 'http';
			attachAppLink(req, appLink);
			return handler(req, res);
		})
	);
	server.on('upgrade', (request, socket, head) => {
		if (request.url?.startsWith('/collab/')) collab.handleUpgrade(request, socket, head);
		else socket.destroy();
	});
	server.on('clientError', (_error, socket) => socket.destroy());

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(config.PORT, config.HOST, () => resolve());
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : config.PORT;
	const host = config.HOST === '0.0.0.0' || config.HOST === '::' ? 'localhost' : config.HOST;
	return {
		server,
		url: config.ORIGIN ?? `http://${host}:${port}`,
		async close() {
			// No new connections from now on; idle keep-alive ones are closed.
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			server.closeIdleConnections();
			// The scheduler stops after the meeting in hand, the sender after the message in hand,
			// the case system's deliveries after the one in hand; meanwhile the live records are
			// written and their sockets told to come back (1012).
			await Promise.all([
				mailScheduler.stop(),
				mailSender.stop({ withinMs: SENDER_STOP_MS }),
				caseSystem.stop(),
				collab.close()
			]);
			await metrics?.close();
			await Promise.race([closed, delay(REQUESTS_STOP_MS)]);
			server.closeAllConnections();
			await closeSharedDatabase();
		}
	};
}

/** Starts the server, or prints one line saying what to fix and exits. */
export async function main(): Promise<RunningServer> {
	try {
		const running = await startServer();
		console.log(`Roundtable is listening on ${running.url}`);
		// An error nobody caught ends its request if it belongs to one; otherwise it is logged
		// as fatal and the process closes (writing live records) and exits to be restarted.
		let stopping = false;
		installProcessGuards({
			fatal: () => {
				if (stopping) return;
				stopping = true;
				setTimeout(() => process.exit(1), 5_000).unref();
				void running
					.close()
					.catch(() => {})
					.finally(() => process.exit(1));
			}
		});
		const stop = async (signal: string) => {
			if (stopping) return;
			stopping = true;
			console.log(`${signal}: Roundtable is stopping (unsent mail stays queued).`);
			// Whatever hangs (a mail server that never answers), the process is gone in time.
			setTimeout(() => process.exit(1), SHUTDOWN_MS).unref();
			await running.close().catch(() => {});
			process.exit(0);
		};
		process.once('SIGINT', () => void stop('SIGINT'));
		process.once('SIGTERM', () => void stop('SIGTERM'));
		return running;
	} catch (error) {
		if (error instanceof DatabaseUnavailableError || error instanceof Error) {
			console.error(error.message);
		} else {
			console.error('Roundtable could not start.');
		}
		process.exit(1);
	}
}

const invokedDirectly =
	process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) await main();
