/**
 * The collaboration server's own log (issue 15, docs/security.md "Logs"): with no logger given it
 * writes structured JSON lines through the server's log — component, event, meeting id, close
 * code — and never what was typed, even when a write is refused for what it carries.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { roots } from '../../src/lib/collab/roots';
import { createTestDatabase, makeMeeting, makeUnit, makeUser, signIn } from '../factories';
import {
	rawSocket,
	startCollabServer,
	syncUpdateFrame,
	typeParagraph,
	type RunningServer
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
let meetingId: string, chairParticipantId: string, parentToken: string;

beforeAll(async () => {
	handle = await createTestDatabase();
	const unit = await makeUnit(handle.db);
	const chair = await makeUser(handle.db, { role: 'chair', unitId: unit.id });
	const parent = await makeUser(handle.db, { role: 'parent', name: 'Dawn Walker' });
	const made = await makeMeeting(handle.db, {
		unitId: unit.id,
		participants: [
			{ user: chair, role: 'chair' },
			{ user: parent, role: 'parent' }
		]
	});
	meetingId = made.meeting.id;
	chairParticipantId = made.participants.find((p) => p.userId === chair.id)!.id;
	parentToken = await signIn(handle.db, parent.id);
	// No logger given: the server's default, the structured log.
	server = await startCollabServer(handle.db, { logger: undefined });
});
afterAll(async () => {
	vi.restoreAllMocks();
	await server?.close();
	await handle?.close();
});

describe("the collaboration server's default logger", () => {
	it('writes JSON lines with the event and meeting, never the words of a refused write', async () => {
		const written: string[] = [];
		const original = process.stdout.write.bind(process.stdout);
		vi.spyOn(process.stdout, 'write').mockImplementation(((
			chunk: string | Uint8Array,
			...rest: unknown[]
		) => {
			const text = typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk);
			if (text.startsWith('{')) written.push(text);
			else return original(chunk, ...(rest as []));
			return true;
		}) as typeof process.stdout.write);

		// A parent writes into the chair's contribution: refused, the socket closed.
		const secret = 'Dawn says Chrissie was hit at home';
		const doc = new Y.Doc();
		typeParagraph(doc, roots.contribution(chairParticipantId), secret);
		const { ws, closed } = await rawSocket(server.url, meetingId, parentToken);
		ws.send(syncUpdateFrame(Y.encodeStateAsUpdate(doc)));
		const { code } = await closed;
		expect(code).toBeGreaterThanOrEqual(4000);
		await new Promise((r) => setTimeout(r, 100));
		vi.restoreAllMocks();

		const lines = written
			.flatMap((text) => text.trim().split('\n'))
			.map((line) => JSON.parse(line) as Record<string, unknown>);
		const closedLine = lines.find((line) => line.event === 'collab.closed');
		expect(closedLine).toMatchObject({
			component: 'collab',
			service: 'roundtable',
			meetingId,
			code,
			level: 40
		});
		const text = JSON.stringify(lines);
		for (const value of [secret, 'Chrissie', 'Dawn', 'Walker']) expect(text).not.toContain(value);
	});
});
