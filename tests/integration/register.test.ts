/**
 * The register, the quorum and the honest count (issue 21), through the route handlers on the
 * real database and the real collaboration server: the chair, the minute-taker and the unit's
 * business support take the register (everyone else 404); End meeting answers 409 with the
 * register not taken or a conference not quorate, and with the chair's confirmation puts the
 * reason into the notes and the 24-hour plan; a decision where one of four voting professionals
 * gave a view is never "unanimous" and names the others; the socket refuses the chair's outcome
 * without its own reason.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import type { Database, DatabaseHandle } from '../../src/lib/server/db';
import {
	agencies,
	meetingDocuments,
	meetingParticipants,
	meetings,
	type User
} from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import { roots } from '../../src/lib/collab/roots';
import { recordDecision, recordOutcome } from '../../src/lib/collab/record-shape';
import { readStoredRecord } from '../../src/lib/server/records';
import type { DocumentKind } from '../../src/lib/domain/vocabulary';
import * as attendanceApi from '../../src/routes/api/meetings/[id]/attendance/+server';
import * as meetingApi from '../../src/routes/api/meetings/[id]/+server';
import * as endApi from '../../src/routes/api/meetings/[id]/end/+server';
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
	waitFor,
	type RunningServer
} from './collab-harness';

let handle: DatabaseHandle;
let server: RunningServer;
const pool = clientPool();

function event(user: User, meetingId: string, init: RequestInit = {}) {
	const url = new URL(`https://roundtable.example.gov.uk/api/meetings/${meetingId}`);
	return {
		locals: { user: sessionOf(user), sessionId: null },
		params: { id: meetingId },
		url,
		request: new Request(url, init)
	} as unknown as RequestEvent;
}

const postJson = (body: unknown): RequestInit => ({
	method: 'POST',
	headers: { 'content-type': 'application/json' },
	body: JSON.stringify(body)
});

async function call(
	handler: (e: never) => Promise<Response> | Response,
	e: RequestEvent
): Promise<{ status: number; body: Record<string, unknown> }> {
	try {
		const response = await handler(e as never);
		return { status: response.status, body: await response.json() };
	} catch (problem) {
		if (isHttpError(problem))
			return { status: problem.status, body: { message: problem.body.message } };
		throw problem;
	}
}

type Who = 'chair' | 'minutes' | 'admin' | 'otherChair' | 'sw' | 'police' | 'health' | 'school';
const people = {} as Record<Who | 'parent' | 'outsider', User>;
let unitId: string;
let childId: string;

async function agency(db: Database, name: string, kind: string) {
	const [row] = await db.insert(agencies).values({ name, kind }).returning();
	return row.id;
}

/** A live conference with the chair, a minute-taker, four voting professionals and a parent. */
async function conference(status: 'live' | 'scheduled' = 'live') {
	const { db } = handle;
	const made = await makeMeeting(handle.db, {
		unitId,
		status,
		childIds: [childId],
		participants: [
			{ user: people.chair, role: 'chair' },
			{ user: people.minutes, role: 'minute-taker' },
			{ user: people.sw, role: 'professional' },
			{ user: people.police, role: 'professional' },
			{ user: people.health, role: 'professional' },
			{ user: people.school, role: 'professional' },
			{ user: people.parent, role: 'parent' }
		]
	});
	const pid = (u: User) => made.participants.find((p) => p.userId === u.id)!.id;
	void db;
	return { meetingId: made.meeting.id, pid };
}

async function mark(
	by: User,
	meetingId: string,
	participantId: string,
	attendance: string,
	extra: Record<string, unknown> = {}
) {
	return call(
		attendanceApi.POST,
		event(by, meetingId, postJson({ participantId, attendance, ...extra }))
	);
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	unitId = unit.id;
	const socialCare = await agency(db, "Northfield Children's Social Care", 'social-care');
	const police = await agency(db, 'Northfield Police', 'police');
	const health = await agency(db, 'Health visiting', 'health-visiting');
	const school = await agency(db, 'Oakfield Primary School', 'school');
	people.chair = await makeUser(db, { role: 'chair', unitId, name: 'Priya Shah' });
	people.otherChair = await makeUser(db, { role: 'chair', unitId, name: 'Another Chair' });
	people.minutes = await makeUser(db, { role: 'admin', unitId, name: 'Mo Khan' });
	people.admin = await makeUser(db, { role: 'admin', unitId, name: 'Business Support' });
	people.sw = await makeUser(db, {
		role: 'professional',
		name: 'Sam Okafor',
		agencyId: socialCare
	});
	people.police = await makeUser(db, { role: 'professional', name: 'Jo Reid', agencyId: police });
	people.health = await makeUser(db, { role: 'professional', name: 'Kim Lee', agencyId: health });
	people.school = await makeUser(db, {
		role: 'professional',
		name: 'Ellen Green',
		agencyId: school
	});
	people.parent = await makeUser(db, { role: 'parent', name: 'Dawn Walker' });
	people.outsider = await makeUser(db, { role: 'professional', name: 'Not Invited' });
	const { children } = await makeFamily(db, {
		unitId,
		children: ['Leo Walker'],
		parents: [{ userId: people.parent.id, relationship: 'Mum' }]
	});
	childId = children[0].id;
	server = await startCollabServer(db);
});

afterAll(async () => {
	pool.closeAll();
	await server?.close();
	await handle?.close();
});

describe('POST /api/meetings/{id}/attendance', () => {
	it('lets the chair, the minute-taker and the unit’s business support take the register', async () => {
		const { meetingId, pid } = await conference();
		expect(await mark(people.chair, meetingId, pid(people.sw), 'present')).toEqual({
			status: 200,
			body: { participantId: pid(people.sw), attendance: 'present', arrivedLate: false }
		});
		expect(
			(await mark(people.minutes, meetingId, pid(people.police), 'present-online')).status
		).toBe(200);
		expect(
			(await mark(people.admin, meetingId, pid(people.school), 'apologies', { reportSent: true }))
				.status
		).toBe(200);
		expect(
			(await mark(people.chair, meetingId, pid(people.health), 'present', { late: true })).body
		).toMatchObject({ arrivedLate: true });
		const [school] = await handle.db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.id, pid(people.school)));
		expect(school.attendance).toBe('apologies');
		expect(school.reportReceivedAt).not.toBeNull();

		const got = await call(meetingApi.GET, event(people.sw, meetingId));
		expect(got.status).toBe(200);
		const participants = got.body.participants as { id: string; attendance: string }[];
		expect(participants.find((p) => p.id === pid(people.police))).toMatchObject({
			name: 'Jo Reid',
			role: 'professional',
			attendance: 'present-online'
		});
		expect(participants.find((p) => p.id === pid(people.parent))?.attendance).toBe('invited');
		expect(got.body.quorum).toEqual({
			quorate: true,
			// In register order (by name): Jo Reid, Kim Lee, Sam Okafor.
			agenciesPresent: [
				'Northfield Police',
				'Health visiting',
				"Northfield Children's Social Care"
			],
			rule: "At least three agencies present, children's social care among them.",
			lacking: []
		});
	});

	it('answers 404 to everyone else in the meeting and outside it, and changes nothing', async () => {
		const { meetingId, pid } = await conference();
		for (const who of [people.sw, people.police, people.parent, people.outsider, people.otherChair])
			expect((await mark(who, meetingId, pid(people.sw), 'absent')).status, who.name).toBe(404);
		const [row] = await handle.db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.id, pid(people.sw)));
		expect(row.attendance).toBe('invited');
	});

	it('says what to fix for bad input (400), and waits for the meeting to start (409)', async () => {
		const { meetingId, pid } = await conference();
		const unknown = await mark(people.chair, meetingId, pid(people.sw), 'attended');
		expect(unknown.status).toBe(400);
		expect(unknown.body.message).toMatch(/attendance must be one of "present", "present-online"/);
		expect((await mark(people.chair, meetingId, 'nobody', 'present')).status).toBe(400);
		expect(
			(await mark(people.chair, meetingId, pid(people.sw), 'present', { late: 'yes' })).status
		).toBe(400);
		const scheduled = await conference('scheduled');
		const early = await mark(
			people.chair,
			scheduled.meetingId,
			scheduled.pid(people.sw),
			'present'
		);
		expect(early.status).toBe(409);
		expect(early.body.message).toMatch(/once the meeting has started/);
	});
});

describe('POST /api/meetings/{id}/end checks the register and the quorum', () => {
	it('answers 409 with the problems, then ends with the chair’s reason in the notes and the 24-hour plan', async () => {
		const { meetingId, pid } = await conference();
		// Only social care and the police come: not quorate; the register is not taken for the rest.
		await mark(people.chair, meetingId, pid(people.sw), 'present');
		await mark(people.chair, meetingId, pid(people.police), 'present');

		const refused = await call(endApi.POST, event(people.chair, meetingId, { method: 'POST' }));
		expect(refused.status).toBe(409);
		const problems = refused.body.problems as { kind: string; message: string }[];
		expect(problems.map((p) => p.kind)).toEqual(['register-not-taken', 'not-quorate']);
		expect(problems[0].message).toMatch(
			/^The register has not been taken for Dawn Walker, Ellen Green, Kim Lee, Mo Khan and Priya Shah:/
		);
		expect(problems[1].message).toMatch(/two agencies were present, fewer than three/);
		const [still] = await handle.db.select().from(meetings).where(eq(meetings.id, meetingId));
		expect(still.status).toBe('live');

		// A confirmation without a reason is refused with what to fix; a professional is refused 403.
		const noReason = await call(
			endApi.POST,
			event(people.chair, meetingId, postJson({ confirm: true, reason: ' ' }))
		);
		expect(noReason.status).toBe(400);
		expect(noReason.body.message).toMatch(/Say why the meeting is ending/);
		expect(
			(
				await call(
					endApi.POST,
					event(people.sw, meetingId, postJson({ confirm: true, reason: 'x' }))
				)
			).status
		).toBe(403);

		// The register taken for everyone else: only the quorum is left to confirm.
		for (const who of [people.chair, people.minutes, people.parent])
			await mark(people.chair, meetingId, pid(who), 'present');
		await mark(people.chair, meetingId, pid(people.health), 'apologies', { reportSent: false });
		await mark(people.chair, meetingId, pid(people.school), 'absent');
		const onlyQuorum = await call(endApi.POST, event(people.chair, meetingId, { method: 'POST' }));
		expect((onlyQuorum.body.problems as { kind: string }[]).map((p) => p.kind)).toEqual([
			'not-quorate'
		]);

		const reason = 'Leo cannot wait three weeks: the health visitor is ill and the risk is now.';
		const ended = await call(
			endApi.POST,
			event(people.chair, meetingId, postJson({ confirm: true, reason, nextStep: 'ratify' }))
		);
		expect(ended.status).toBe(200);
		const [meeting] = await handle.db.select().from(meetings).where(eq(meetings.id, meetingId));
		expect(meeting.endConfirmation).toMatchObject({ reason, nextStep: 'ratify' });
		const html = async (kind: DocumentKind) =>
			(
				await handle.db
					.select()
					.from(meetingDocuments)
					.where(and(eq(meetingDocuments.meetingId, meetingId), eq(meetingDocuments.kind, kind)))
					.orderBy(desc(meetingDocuments.version))
			)[0].html;
		const plan = await html('plan-24h');
		const notes = await html('notes');
		for (const doc of [plan, notes]) {
			expect(doc).toContain(reason);
			expect(doc).toContain('the meeting was not quorate');
			expect(doc).toContain('The decision is to be ratified by a quorate conference.');
			// The register was taken for everyone: no one's attendance reads "not recorded".
			expect(doc).toContain('data-label="Attendance">present in the room<');
			expect(doc).not.toMatch(/data-label="Attendance">not recorded/);
			expect(doc).not.toContain('The register was not taken');
		}
		expect(plan).toContain('Not quorate:');
		expect(notes).toContain('Kim Lee (Health visiting), no report sent');
	});
});

describe('the honest count, over the real socket', () => {
	it('never calls one view of four "unanimous", names the others, and refuses an outcome without a reason', async () => {
		const { db } = handle;
		const { meetingId, pid } = await conference();
		for (const who of [people.chair, people.minutes, people.sw, people.police, people.parent])
			await mark(people.chair, meetingId, pid(who), 'present');
		await mark(people.chair, meetingId, pid(people.health), 'present-online');
		await mark(people.chair, meetingId, pid(people.school), 'present');

		const sw = pool.open({ url: server.url, meetingId, token: await signIn(db, people.sw.id) });
		await synced(sw);
		expect(
			recordDecision(sw.doc, pid(people.sw), {
				childId,
				recommendation: 'plan',
				reason: 'Leo has dropped two weight centiles in three months.'
			})
		).toEqual({ ok: true });

		// The chair's outcome without its own reason: the server closes the connection (4422).
		const chair = pool.open({
			url: server.url,
			meetingId,
			token: await signIn(db, people.chair.id)
		});
		await synced(chair);
		chair.doc
			.getMap(roots.outcome)
			.set(childId, { outcome: 'plan', category: 'neglect', recordedAt: 1 });
		await waitFor('4422', () => chair.closes.length > 0);
		expect(chair.closes[0].code).toBe(4422);
		const stored = await readStoredRecord({ db, meetingId });
		expect(stored.getMap(roots.outcome).size).toBe(0);
		stored.destroy();

		const again = pool.open({
			url: server.url,
			meetingId,
			token: await signIn(db, people.chair.id)
		});
		await synced(again);
		recordOutcome(again.doc, {
			childId,
			outcome: 'plan',
			category: 'neglect',
			reason: 'Leo is losing weight and nobody has taken him to the doctor.'
		});
		await waitFor('the view and the outcome on the server', async () => {
			const doc = await readStoredRecord({ db, meetingId });
			const done =
				doc.getMap(roots.outcome).size === 1 &&
				doc.getMap(roots.decision(pid(people.sw))).size === 1;
			doc.destroy();
			return done;
		});
		expect(again.closes).toEqual([]);

		const ended = await call(endApi.POST, event(people.chair, meetingId, { method: 'POST' }));
		expect(ended.status).toBe(200);
		const [plan] = await db
			.select()
			.from(meetingDocuments)
			.where(and(eq(meetingDocuments.meetingId, meetingId), eq(meetingDocuments.kind, 'plan-24h')));
		expect(plan.html).not.toContain('unanimous');
		expect(plan.html).toContain(
			'Four voting professionals present; one gave a view: 1 for a plan, 0 for no plan.'
		);
		expect(plan.html).toContain(
			'Ellen Green (Oakfield Primary School), Jo Reid (Northfield Police) and Kim Lee (Health visiting)'
		);
		expect(plan.html).toContain('Leo is losing weight and nobody has taken him to the doctor.');
		expect(plan.html).toContain('Quorate:');
	});
});
