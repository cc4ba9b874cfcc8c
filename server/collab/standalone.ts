/**
 * The collaboration server alone on a port, for the crash and two-node tests and the benchmark:
 *   node --import tsx server/collab/standalone.ts
 * Reads COLLAB_PORT (0: any), DATABASE_URL or COLLAB_DATA_DIR (PGlite folder), REDIS_URL (relay
 * to other nodes), and prints `listening {port}` once ready. Under a parent process it answers
 * `{ type: 'heap' }` with its memory figures (after a garbage collection when started with
 * --expose-gc), and `{ type: 'end-meeting', meetingId, token }` by ending the meeting as the
 * person signed in with that session, here, as the page's action would on this node.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../../src/lib/server/db';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { createCollabServer, relayFromEnv } from './index';

const port = Number(process.env.COLLAB_PORT ?? 0);
const handle = await openDatabase(
	process.env.DATABASE_URL
		? { url: process.env.DATABASE_URL }
		: { dataDir: process.env.COLLAB_DATA_DIR }
);
const logger = process.env.COLLAB_QUIET ? () => {} : undefined;
const collab = createCollabServer({ db: handle.db, logger, relay: await relayFromEnv(logger) });
const server = http.createServer((_req, res) => res.writeHead(404).end());
server.on('upgrade', (req, socket, head) => collab.handleUpgrade(req, socket, head));
server.listen(port, '127.0.0.1', () => {
	console.log(`listening ${(server.address() as AddressInfo).port}`);
});

process.on('message', (message: { type?: string; meetingId?: string; token?: string }) => {
	if (message?.type === 'end-meeting') {
		void endMeetingHere(message.meetingId!, message.token!).then(
			() => process.send?.({ type: 'ended', meetingId: message.meetingId }),
			(error: unknown) =>
				process.send?.({ type: 'end-failed', meetingId: message.meetingId, error: String(error) })
		);
		return;
	}
	if (message?.type !== 'heap') return;
	(globalThis as { gc?: () => void }).gc?.();
	const usage = process.memoryUsage();
	process.send?.({
		type: 'heap',
		heapUsed: usage.heapUsed,
		rss: usage.rss,
		external: usage.external,
		loadedChannels: collab.loadedChannels
	});
});

async function endMeetingHere(meetingId: string, token: string) {
	const { user } = await validateSessionToken({ db: handle.db, token });
	if (!user) throw new Error('no such session');
	const { endMeeting } = await import('../../src/lib/server/meetings/commands/end-meeting');
	// The harness's meetings have no register: end them as a chair who confirms may.
	await endMeeting({
		db: handle.db,
		user,
		meetingId,
		confirmation: { reason: 'Ended by the test harness on this node.' }
	});
}

const stop = async () => {
	await collab.close();
	server.closeAllConnections();
	server.close();
	await handle.close();
	process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
