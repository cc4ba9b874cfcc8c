/**
 * Delivery to the council's case system (issue 26), done when: a real HTTP receiver started
 * here verifies every signature with the same `standardwebhooks` library; a conference is ended
 * (the chair's outcome recorded over the real collaboration server) and its notes approved, and
 * the receiver sees `plan.started` and `document.final` for the 24-hour plan and both copies of
 * the notes, each with the child's case-system identifier; the PDF is fetched over HTTP through
 * the link the event carries (and refused with the signature changed); the receiver down for a
 * minute loses nothing (the retry clock is driven, not slept); a replay is a new event with the
 * same body. A receiver that stays down is tried again from the persisted queue 1, 2, 4 … minutes
 * apart, at most six hours, and given up after the last attempt; a replay then sends it. A unit
 * with no endpoint queues nothing and ends its meetings all the same.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import type { DatabaseHandle } from '../../src/lib/server/db';
import {
	auditLog,
	caseSystemDeliveries,
	challenges,
	meetingDocuments,
	type User
} from '../../src/lib/server/db/schema';
import { strFromU8, unzipSync } from 'fflate';
import { GET as getFile } from '../../src/routes/api/children/[childId]/file/+server';
import { useSharedDatabase } from '../../src/lib/server/db';
import { recordOutcome } from '../../src/lib/collab/record-shape';
import { endMeeting } from '../../src/lib/server/meetings/commands/end-meeting';
import { approveNotes, submitNotes } from '../../src/lib/server/documents/notes';
import { createCaseSystemDeliverer } from '../../src/lib/server/case-system/deliver';
import { replayDelivery } from '../../src/lib/server/case-system/documents';
import { MAX_DELIVERY_ATTEMPTS } from '../../src/lib/domain/case-system';
import { readStoredRecord } from '../../src/lib/server/records';
import { readRecord } from '../../src/lib/collab/record-shape';
import { PUT as putEndpoint } from '../../src/routes/api/unit/case-system/+server';
import { PUT as putDetails } from '../../src/routes/api/children/[childId]/details/+server';
import { GET as getPdf } from '../../src/routes/api/case-system/documents/[id]/pdf/+server';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	signIn,
	noRegister,
	sessionOf
} from '../factories';
import {
	clientPool,
	startCollabServer,
	synced,
	waitFor,
	type RunningServer
} from './collab-harness';

const SECRET = 'whsec_' + Buffer.from('a case system’s secret, 32 bytes!').toString('base64');

let handle: DatabaseHandle;
let collab: RunningServer;
const pool = clientPool();
let chair: User, admin: User, manager: User, otherChair: User;
let amy: string;
let meetingId: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (event: any) => Promise<Response> | Response;

async function put(handler: Handler, user: User, body: unknown, params = {}) {
	const url = new URL('http://127.0.0.1/api/x');
	const response = await handler({
		request: new Request(url, {
			method: 'PUT',
			body: JSON.stringify(body),
			headers: { 'content-type': 'application/json' }
		}),
		url,
		params,
		locals: { user: sessionOf(user), sessionId: 'test' }
	});
	return { status: response.status, body: await response.json() };
}

/** The case system: verifies each delivery with the library; can be taken down and brought back. */
interface Received {
	id: string;
	type: string;
	data: Record<string, unknown>;
}
const received: Received[] = [];
const refusedSignatures: string[] = [];
let receiver: http.Server;
let receiverPort = 0;
function startReceiver(port = 0): Promise<void> {
	receiver = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			try {
				const event = new Webhook(SECRET).verify(body, {
					'webhook-id': String(req.headers['webhook-id']),
					'webhook-timestamp': String(req.headers['webhook-timestamp']),
					'webhook-signature': String(req.headers['webhook-signature'])
				}) as { type: string; data: Record<string, unknown> };
				received.push({ id: String(req.headers['webhook-id']), ...event });
				res.writeHead(204).end();
			} catch {
				refusedSignatures.push(String(req.headers['webhook-id']));
				res.writeHead(400).end();
			}
		});
	});
	return new Promise((resolve) =>
		receiver.listen(port, '127.0.0.1', () => {
			receiverPort = (receiver.address() as AddressInfo).port;
			resolve();
		})
	);
}
const stopReceiver = () =>
	new Promise<void>((resolve) => {
		receiver.closeAllConnections();
		receiver.close(() => resolve());
	});

/** Roundtable's PDF link over real HTTP: the route's handler behind a plain Node server. */
let app: http.Server;
let appOrigin = '';

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	const other = await makeUnit(db, 'A unit with no case system');
	chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Priya Shah' });
	admin = await makeUser(db, { role: 'admin', unitId: unit.id, name: 'Ben Admin' });
	manager = await makeUser(db, { role: 'manager', unitId: unit.id, name: 'Helen Moss' });
	otherChair = await makeUser(db, { role: 'chair', unitId: other.id, name: 'Ola Chair' });
	amy = (await makeFamily(db, { unitId: unit.id, children: ['Amy Walker'] })).children[0].id;
	const made = await makeMeeting(db, {
		unitId: unit.id,
		kind: 'initial-conference',
		status: 'live',
		scheduledAt: new Date('2026-11-02T10:00:00Z'),
		childIds: [amy],
		participants: [
			{ user: chair, role: 'chair' },
			{ user: admin, role: 'minute-taker' }
		]
	});
	meetingId = made.meeting.id;
	collab = await startCollabServer(db);
	await startReceiver();
	app = http.createServer(async (req, res) => {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const match = /^\/api\/case-system\/documents\/([^/]+)\/pdf$/.exec(url.pathname);
		try {
			if (!match) throw Object.assign(new Error('Not found'), { status: 404 });
			const response = await getPdf({ params: { id: match[1] }, url } as never);
			res.writeHead(response.status, Object.fromEntries(response.headers));
			res.end(Buffer.from(await response.arrayBuffer()));
		} catch (e) {
			res.writeHead((e as { status?: number }).status ?? 500).end();
		}
	});
	await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
	appOrigin = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
});

afterAll(async () => {
	pool.closeAll();
	await collab?.close();
	await stopReceiver().catch(() => {});
	await new Promise((r) => app?.close(r));
	await handle?.close();
});

describe('events for the case system', () => {
	// The retry clock, driven by the test; it starts at the real time, as the receiver checks the
	// signed timestamp against its own clock (the library allows five minutes either way).
	let clock = new Date();
	const deliverer = () =>
		createCaseSystemDeliverer({ db: handle.db, now: () => clock, origin: appOrigin });

	it('a manager sets the endpoint; a wrong secret or address is named; no one else may', async () => {
		const bad = await put(putEndpoint, manager, { url: 'ftp://cases', secret: 'letmein' });
		expect(bad.status).toBe(400);
		expect(Object.keys(bad.body.errors).sort()).toEqual(['secret', 'url']);
		expect((await put(putEndpoint, chair, { url: 'x', secret: SECRET })).status).toBe(404);
		const set = await put(putEndpoint, manager, {
			url: `http://127.0.0.1:${receiverPort}/hooks`,
			secret: SECRET
		});
		expect(set).toMatchObject({ status: 200, body: { secretSet: true } });
		expect(JSON.stringify(set.body)).not.toContain('whsec_');
		expect(
			(await put(putDetails, admin, { caseSystemId: 'LCS-77' }, { childId: amy })).status
		).toBe(200);
	});

	it('ending the conference queues the plan and its final documents; the receiver down a minute loses none', async () => {
		const { db } = handle;
		const client = pool.open({ url: collab.url, meetingId, token: await signIn(db, chair.id) });
		await synced(client);
		recordOutcome(client.doc, {
			childId: amy,
			outcome: 'plan',
			category: 'neglect',
			reason: 'The neglect is long-standing.'
		});
		await waitFor('the outcome on the server', async () => {
			const doc = await readStoredRecord({ db, meetingId });
			const has = readRecord(doc, []).outcomes[amy] !== undefined;
			doc.destroy();
			return has;
		});
		client.destroy();
		await endMeeting({
			db,
			user: sessionOf(chair),
			meetingId,
			confirmation: noRegister,
			now: clock
		});
		const queued = await db.select().from(caseSystemDeliveries);
		expect(queued.map((d) => d.type)).toContain('plan.started');
		const finalDocs = await db
			.select({ id: meetingDocuments.id })
			.from(meetingDocuments)
			.where(eq(meetingDocuments.state, 'final'));
		expect(queued.filter((d) => d.type === 'document.final')).toHaveLength(finalDocs.length);

		// The case system is down: every attempt fails and waits a minute.
		await stopReceiver();
		const down = await deliverer().deliverDue();
		expect(down).toMatchObject({ delivered: 0, retried: queued.length });
		clock = new Date(clock.getTime() + 30_000);
		expect(await deliverer().deliverDue()).toEqual({ delivered: 0, retried: 0, failed: 0 });
		const waiting = await db.select().from(caseSystemDeliveries);
		expect(waiting.every((d) => d.state === 'queued' && d.attempts === 1)).toBe(true);
		expect(waiting[0].lastError).toMatch(/could not be reached/);

		// Back a minute later: all of it arrives, signed, once.
		await startReceiver(receiverPort);
		clock = new Date(clock.getTime() + 31_000);
		expect(await deliverer().deliverDue()).toMatchObject({ delivered: queued.length });
		expect(refusedSignatures).toEqual([]);
		expect(received.map((r) => r.id).sort()).toEqual(queued.map((d) => d.id).sort());
		const started = received.find((r) => r.type === 'plan.started')!;
		expect(started.data).toMatchObject({
			childId: amy,
			caseSystemId: 'LCS-77',
			category: 'neglect',
			startedOn: '2026-11-02',
			nextReviewBy: '2027-02-02',
			meetingId
		});
		const plan = received.find((r) => r.type === 'document.final' && r.data.kind === 'plan-24h')!;
		expect(plan.data).toMatchObject({
			childId: amy,
			caseSystemId: 'LCS-77',
			meetingId,
			version: 1
		});
		expect(plan.data.pdfUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/case-system\/documents\//);
	});

	it('approving the notes sends both copies, and the PDF comes through the link', async () => {
		const { db } = handle;
		const [notes] = await db
			.select()
			.from(meetingDocuments)
			.where(eq(meetingDocuments.kind, 'notes'));
		await submitNotes({ db, user: sessionOf(admin), documentId: notes.id });
		await approveNotes({ db, user: sessionOf(chair), documentId: notes.id, now: clock });
		const before = received.length;
		expect(await deliverer().deliverDue()).toMatchObject({ delivered: 2, retried: 0 });
		const sent = received.slice(before);
		expect(sent.map((r) => r.type)).toEqual(['document.final', 'document.final']);
		const professional = sent.find((r) => r.data.documentId === notes.id)!;
		expect(professional.data).toMatchObject({ audience: 'professionals', caseSystemId: 'LCS-77' });
		expect(sent.some((r) => r.data.audience === 'family')).toBe(true);

		const pdf = await fetch(String(professional.data.pdfUrl));
		expect(pdf.status).toBe(200);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		expect(
			Buffer.from(await pdf.arrayBuffer())
				.subarray(0, 5)
				.toString()
		).toBe('%PDF-');
		// Another first character of the signature (never the same one: a signature may begin with x).
		const forged = String(professional.data.pdfUrl).replace(
			/signature=(.)/,
			(_, first: string) => `signature=${first === 'x' ? 'y' : 'x'}`
		);
		expect((await fetch(forged)).status).toBe(404);
		const delivered = await db
			.select()
			.from(caseSystemDeliveries)
			.where(eq(caseSystemDeliveries.documentId, notes.id));
		expect(delivered.map((d) => d.state)).toEqual(['delivered']);
	});

	it('a replay is sent again as a new event with the same body', async () => {
		const { db } = handle;
		const original = received.find((r) => r.type === 'plan.started')!;
		const replay = await replayDelivery({ db, user: sessionOf(admin), deliveryId: original.id });
		expect(replay).not.toBeNull();
		expect(
			await replayDelivery({ db, user: sessionOf(otherChair), deliveryId: original.id })
		).toBeNull();
		await deliverer().deliverDue();
		const again = received.at(-1)!;
		expect(again.id).toBe(replay!.id);
		expect(again.id).not.toBe(original.id);
		expect(again.data).toEqual(original.data);
	});

	it('the child’s file is one zip: every final document, the plan and the challenge as PDFs, with an index', async () => {
		const { db } = handle;
		await db.insert(challenges).values({
			unitId: chair.unitId,
			childId: amy,
			authorId: chair.id,
			about: 'The referral waited three weeks',
			toAgency: 'Children’s services',
			toPerson: 'Team manager',
			why: 'The plan was late.'
		});
		const response = await getFile({
			params: { childId: amy },
			locals: { user: sessionOf(admin), sessionId: 'test' }
		} as never);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('application/zip');
		const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
		const index = JSON.parse(strFromU8(files['index.json']));
		const finals = await db
			.select({ id: meetingDocuments.id })
			.from(meetingDocuments)
			.where(eq(meetingDocuments.state, 'final'));
		expect(index.child).toMatchObject({ id: amy, caseSystemId: 'LCS-77' });
		expect(index.documents.map((d: { documentId: string }) => d.documentId).sort()).toEqual(
			finals.map((d) => d.id).sort()
		);
		expect(index.plans).toHaveLength(1);
		expect(index.plans[0]).toMatchObject({ startedAt: '2026-11-02', category: 'neglect' });
		expect(index.plans[0].versions.map((v: { version: number }) => v.version)).toEqual([1]);
		expect(index.challenges).toHaveLength(1);
		for (const entry of [...index.documents, ...index.plans, ...index.challenges])
			expect(strFromU8(files[entry.file].subarray(0, 5))).toBe('%PDF-');
		const [logged] = await db
			.select()
			.from(auditLog)
			.where(eq(auditLog.action, 'download-child-file'));
		expect(logged).toMatchObject({ userId: admin.id, targetId: amy });
		// A manager, and another unit's chair, are answered as a missing child.
		for (const who of [manager, otherChair]) {
			const refused = await getFile({
				params: { childId: amy },
				locals: { user: sessionOf(who), sessionId: 'test' }
			} as never);
			expect(refused.status).toBe(404);
		}
	});

	it('a unit with no endpoint queues nothing and ends its meeting all the same', async () => {
		const { db } = handle;
		const kid = (await makeFamily(db, { unitId: otherChair.unitId, children: ['Zed'] }))
			.children[0];
		const made = await makeMeeting(db, {
			unitId: otherChair.unitId,
			kind: 'core-group',
			status: 'live',
			childIds: [kid.id],
			participants: [{ user: otherChair, role: 'chair' }]
		});
		const before = (await db.select().from(caseSystemDeliveries)).length;
		const ended = await endMeeting({
			db,
			user: sessionOf(otherChair),
			meetingId: made.meeting.id,
			confirmation: noRegister
		});
		expect(ended.documents.length).toBeGreaterThan(0);
		expect(await db.select().from(caseSystemDeliveries)).toHaveLength(before);
	});

	it('a receiver that stays down: tried again from the queue 1, 2, 4 … minutes apart, given up after the last attempt, then replayed', async () => {
		const { db } = handle;
		const original = received.find((r) => r.type === 'plan.started')!;
		await stopReceiver();
		const replay = (await replayDelivery({ db, user: sessionOf(admin), deliveryId: original.id }))!;
		const stateOf = async () =>
			(
				await db.select().from(caseSystemDeliveries).where(eq(caseSystemDeliveries.id, replay.id))
			)[0];
		expect(
			(await db.select().from(caseSystemDeliveries)).filter((d) => d.state === 'queued')
		).toHaveLength(1);
		clock = new Date();
		const waits: number[] = [];
		let due = clock;
		for (let attempt = 1; attempt <= MAX_DELIVERY_ATTEMPTS; attempt++) {
			// A second before it is due nothing is tried; when due, a deliverer made afresh (nothing
			// held in memory) finds it in the database and tries it.
			clock = new Date(due.getTime() - 1000);
			expect(await deliverer().deliverDue()).toEqual({ delivered: 0, retried: 0, failed: 0 });
			clock = due;
			const last = attempt === MAX_DELIVERY_ATTEMPTS;
			expect(await deliverer().deliverDue()).toEqual({
				delivered: 0,
				retried: last ? 0 : 1,
				failed: last ? 1 : 0
			});
			const row = await stateOf();
			expect(row.attempts).toBe(attempt);
			waits.push((row.nextAttemptAt.getTime() - clock.getTime()) / 60_000);
			due = row.nextAttemptAt;
		}
		expect(waits.slice(0, MAX_DELIVERY_ATTEMPTS - 1)).toEqual([
			1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360, 360
		]);
		expect(await stateOf()).toMatchObject({
			state: 'failed',
			lastError: expect.stringMatching(/Given up/)
		});
		clock = new Date(clock.getTime() + 24 * 60 * 60_000);
		expect(await deliverer().deliverDue()).toEqual({ delivered: 0, retried: 0, failed: 0 });

		// The case system is back: business support sends the given-up event again, and it arrives.
		await startReceiver(receiverPort);
		const again = (await replayDelivery({ db, user: sessionOf(admin), deliveryId: replay.id }))!;
		clock = new Date();
		expect(await deliverer().deliverDue()).toEqual({ delivered: 1, retried: 0, failed: 0 });
		expect(received.at(-1)).toMatchObject({ id: again.id, data: original.data });
	});
});
