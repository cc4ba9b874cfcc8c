/**
 * Adjourning (issue 12): the chair adjourns a live conference with a reason and a new date; it
 * keeps its record and continues on that date. Everyone invited is told through the outbox (an
 * update with the calendar file at a raised SEQUENCE), the reason is kept, and the live sockets
 * are told the meeting is no longer live: they close with "rights changed" (not a final close),
 * reconnect read-only, keep every word, and a write after the adjournment is refused. Starting
 * it again opens the same record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import {
	meetingAdjournments,
	meetingCalendar,
	meetings,
	outbox,
	type User
} from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import { roots } from '../../src/lib/collab/roots';
import { closeCodes } from '../../src/lib/collab/protocol';
import { startMeeting } from '../../src/lib/server/meetings/commands/start-meeting';
import { POST as adjourn } from '../../src/routes/api/meetings/[id]/adjourn/+server';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	signIn,
	sessionOf
} from '../factories';
import {
	clientPool,
	startCollabServer,
	synced,
	textOf,
	typeParagraph,
	waitFor,
	type RunningServer
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();
let chair: User, police: User, parent: User;
let meetingId: string;
const tokens: Record<'chair' | 'police' | 'parent', string> = {} as never;
const continuesAt = '2027-01-12T10:00:00.000Z';
async function post(user: User, body: unknown) {
	const request = new Request(`http://127.0.0.1/api/meetings/${meetingId}/adjourn`, {
		method: 'POST',
		body: JSON.stringify(body),
		headers: { 'content-type': 'application/json' }
	});
	const response = await adjourn({
		request,
		params: { id: meetingId },
		locals: { user: sessionOf(user), sessionId: 'test' }
	} as unknown as Parameters<typeof adjourn>[0]);
	return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	chair = await makeUser(db, { role: 'chair', unitId: unit.id, email: 'chair@unit.example.test' });
	police = await makeUser(db, { role: 'professional', email: 'jo@police.example.test' });
	parent = await makeUser(db, { role: 'parent', email: 'dawn@example.test' });
	const { children } = await makeFamily(db, {
		unitId: unit.id,
		children: ['Chrissie'],
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
	const made = await makeMeeting(db, {
		unitId: unit.id,
		status: 'live',
		scheduledAt: new Date('2026-11-20T10:00:00Z'),
		childIds: [children[0].id],
		participants: [
			{ user: chair, role: 'chair' },
			{ user: police, role: 'professional' },
			{ user: parent, role: 'parent' }
		]
	});
	meetingId = made.meeting.id;
	tokens.chair = await signIn(db, chair.id);
	tokens.police = await signIn(db, police.id);
	tokens.parent = await signIn(db, parent.id);
	server = await startCollabServer(db);
	// The server connected itself to the record store's port: the commands' announcements reach the sockets.
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

describe('adjourning a live conference', () => {
	it('only its chair adjourns, with a reason and a time to come', async () => {
		expect(
			(await post(police, { reason: 'Report missing', scheduledAt: continuesAt })).status
		).toBe(404);
		expect(
			(await post(parent, { reason: 'Report missing', scheduledAt: continuesAt })).status
		).toBe(404);
		const noReason = await post(chair, { reason: ' ', scheduledAt: continuesAt });
		expect(noReason.status).toBe(400);
		expect(noReason.body.errors.reason).toMatch(/Say why/);
		const past = await post(chair, {
			reason: 'Report missing',
			scheduledAt: '2020-01-01T10:00:00Z'
		});
		expect(past.status).toBe(400);
		expect(past.body.errors.scheduledAt).toMatch(/not passed/);
		const [still] = await handle.db.select().from(meetings).where(eq(meetings.id, meetingId));
		expect(still.status).toBe('live');
	});

	it('keeps the record, tells the invitees and the sockets, and continues on the new date', async () => {
		const { db } = handle;
		const chairClient = pool.open({ url: server.url, meetingId, token: tokens.chair });
		const policeClient = pool.open({ url: server.url, meetingId, token: tokens.police });
		const parentClient = pool.open({ url: server.url, meetingId, token: tokens.parent });
		await Promise.all([synced(chairClient), synced(policeClient), synced(parentClient)]);
		typeParagraph(chairClient.doc, roots.section('summary'), 'Heard so far: the school’s view.');
		await waitFor('the police client to see the words', () =>
			textOf(policeClient.doc, roots.section('summary')).includes('Heard so far')
		);

		const reason = "The parents have not seen the social worker's report";
		const answer = await post(chair, { reason, scheduledAt: continuesAt });
		expect(answer).toEqual({
			status: 200,
			body: { id: meetingId, status: 'scheduled', scheduledAt: continuesAt }
		});

		// Each socket is told the meeting changed (not a final close) and comes back read-only.
		for (const client of [chairClient, policeClient, parentClient]) {
			await waitFor('rights changed', () =>
				client.connectionCloses.includes(closeCodes.rightsChanged)
			);
			expect(client.closes).toEqual([]);
		}
		await waitFor(
			'reconnected',
			() => policeClient.provider.wsconnected && policeClient.provider.synced
		);
		expect(textOf(policeClient.doc, roots.section('summary'))).toContain('Heard so far');
		typeParagraph(policeClient.doc, roots.section('summary'), 'Written while adjourned.');
		await waitFor('the write to be refused', () =>
			policeClient.closes.some((c) => c.code === closeCodes.forbidden)
		);

		const [adjourned] = await db.select().from(meetingAdjournments);
		expect(adjourned).toMatchObject({ meetingId, reason, adjournedBy: chair.id });
		expect(adjourned.continuesAt.toISOString()).toBe(continuesAt);
		const [calendar] = await db
			.select()
			.from(meetingCalendar)
			.where(eq(meetingCalendar.meetingId, meetingId));
		expect(calendar.sequence).toBeGreaterThan(0);
		const told = await db
			.select({ to: outbox.recipientEmail, purpose: outbox.purpose, text: outbox.textBody })
			.from(outbox)
			.where(eq(outbox.meetingId, meetingId));
		expect(told.map((m) => m.to).sort()).toEqual(
			['chair@unit.example.test', 'dawn@example.test', 'jo@police.example.test'].sort()
		);
		for (const mail of told) {
			expect(mail.purpose).toBe('update');
			expect(mail.text).not.toContain('Chrissie');
			expect(mail.text).not.toContain(reason);
		}

		expect((await post(chair, { reason, scheduledAt: continuesAt })).status).toBe(409);
	});

	it('starting it again opens the same record', async () => {
		const { db } = handle;
		await startMeeting({ db, user: sessionOf(chair), meetingId, now: new Date(continuesAt) });
		const again = pool.open({ url: server.url, meetingId, token: tokens.chair });
		await synced(again);
		expect(textOf(again.doc, roots.section('summary'))).toContain('Heard so far');
		expect(textOf(again.doc, roots.section('summary'))).not.toContain('Written while adjourned');
	});
});
