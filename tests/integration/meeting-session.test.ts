/**
 * The page's meeting session (the rune class every meeting view uses) against the real server:
 * the record as data, the chair's current section, who is on which section, the restricted
 * document only when asked for, and binding to the new document after a reload.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { roots } from '../../src/lib/collab/roots';
import { addConcern } from '../../src/lib/collab/record-shape';
import {
	MeetingSession,
	type MeetingSessionProps
} from '../../src/lib/collab/client/meeting-session.svelte';
import { templateFor } from '../../src/lib/domain';
import type { DatabaseHandle } from '../../src/lib/server/db';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	signIn
} from '../factories';
import {
	cookieSocket,
	startCollabServer,
	typeParagraph,
	waitFor,
	type RunningServer
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
let facts: Omit<MeetingSessionProps, 'connection'>;
let childId: string;
const tokens: Record<'chair' | 'police', string> = {} as never;
const participantIds: Record<'chair' | 'police', string> = {} as never;
const sessions: MeetingSession[] = [];

beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	const chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Chris Chair' });
	const police = await makeUser(db, { role: 'professional', name: 'Pat Police' });
	const { children } = await makeFamily(db, { unitId: unit.id });
	childId = children[0].id;
	const made = await makeMeeting(db, {
		unitId: unit.id,
		childIds: [childId],
		participants: [
			{ user: chair, role: 'chair' },
			{ user: police, role: 'professional' }
		]
	});
	const byUser = (userId: string) => made.participants.find((p) => p.userId === userId)!;
	participantIds.chair = byUser(chair.id).id;
	participantIds.police = byUser(police.id).id;
	tokens.chair = await signIn(db, chair.id);
	tokens.police = await signIn(db, police.id);
	facts = {
		meetingId: made.meeting.id,
		status: 'live',
		template: templateFor('initial-conference'),
		children: children.map((c) => ({ id: c.id, name: c.name })),
		participants: made.participants.map((p) => ({ id: p.id, name: p.name, role: p.role }))
	};
	server = await startCollabServer(db);
});

afterAll(async () => {
	for (const session of sessions) session.destroy();
	await server?.close();
	await handle?.close();
});

function open(who: 'chair' | 'police', options: Partial<MeetingSessionProps> = {}): MeetingSession {
	const session = new MeetingSession(() => ({
		...facts,
		...options,
		connection: {
			serverUrl: server.url,
			WebSocketPolyfill: cookieSocket(tokens[who]) as unknown as typeof WebSocket
		}
	}));
	session.connect();
	sessions.push(session);
	return session;
}

const synced = (session: MeetingSession) =>
	waitFor('synced', () => session.record?.status === 'connected' && session.record.provider.synced);

it('shows nothing before it connects, then the record and the chair’s section as they change', async () => {
	const idle = new MeetingSession(() => facts);
	expect(idle.record).toBeNull();
	expect(idle.snapshot).toBeNull();
	expect(idle.currentSection).toBeNull();
	expect(idle.present).toEqual([]);

	const chair = open('chair');
	const police = open('police');
	await Promise.all([synced(chair), synced(police)]);
	const [first, second] = facts.template.sections;
	// The server opens a live meeting at its first section.
	await waitFor('first section', () => police.currentKey === first.key);
	expect(police.currentIndex).toBe(0);

	chair.moveTo(second.key);
	await waitFor('second section', () => police.currentSection?.key === second.key);
	expect(police.currentIndex).toBe(1);

	addConcern(chair.record!.doc, { childId, title: 'Late for school' });
	await waitFor(
		'concern',
		() => police.snapshot?.concerns.some((c) => c.title === 'Late for school') ?? false
	);
	const before = police.version;
	typeParagraph(chair.record!.doc, roots.section('welcome'), 'Hello');
	await waitFor('version', () => police.version > before);
});

it('opens the restricted document only when asked', async () => {
	const police = open('police', { restricted: true });
	const chair = open('chair');
	await Promise.all([synced(police), synced(chair)]);
	expect(chair.restricted).toBeNull();
	await waitFor('restricted', () => police.restricted?.status === 'connected');
});

it('tells the others which section this person is on', async () => {
	const chair = open('chair');
	const police = open('police');
	await Promise.all([synced(chair), synced(police)]);
	police.announceSection('professionals');
	await waitFor('presence', () =>
		chair.present.some(
			(p) => p.participantId === participantIds.police && p.section === 'professionals'
		)
	);
	expect(chair.present.find((p) => p.participantId === participantIds.police)?.name).toBe(
		'Pat Police'
	);
});

it('binds to the new document after a refused change reloads the record', async () => {
	const chair = open('chair');
	const police = open('police');
	await Promise.all([synced(chair), synced(police)]);
	// Not police's to write: the server closes with 4403 and the page reloads the record.
	typeParagraph(police.record!.doc, roots.contribution(participantIds.chair), 'not mine');
	await waitFor('reloaded', () => police.record!.generation === 1);
	await synced(police);
	addConcern(chair.record!.doc, { childId, title: 'Added after the reload' });
	await waitFor(
		'new document',
		() => police.snapshot?.concerns.some((c) => c.title === 'Added after the reload') ?? false
	);
});
