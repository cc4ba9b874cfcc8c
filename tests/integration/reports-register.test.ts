/**
 * One truth about reports (issue 21), through the route handlers on the real database: the
 * register `GET /api/meetings/{id}/reports` lists what was asked for, received and shared (and
 * when); a parent is given the same list filtered to what was shared with them, another family's
 * parent 404; a report received another way and ticked by hand is in the register too, never
 * "no reports"; the first time a parent opens a shared report the report records when, once,
 * and the audit says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db';
import {
	auditLog,
	meetingParticipants,
	professionalReports,
	type User
} from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import * as reportsApi from '../../src/routes/api/meetings/[id]/reports/+server';
import * as reportApi from '../../src/routes/api/reports/[id]/+server';
import * as sharedApi from '../../src/routes/api/reports/[id]/shared/+server';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	sessionOf
} from '../factories';

let handle: DatabaseHandle;
const people = {} as Record<'chair' | 'police' | 'gp' | 'teacher' | 'parent' | 'otherParent', User>;
let meetingId: string;
let reportId: string;

function event(user: User, path: string, params: Record<string, string>, init: RequestInit = {}) {
	const url = new URL(`https://roundtable.example.gov.uk${path}`);
	return {
		locals: { user: sessionOf(user), sessionId: null },
		params,
		url,
		request: new Request(url, init)
	} as unknown as RequestEvent;
}

async function call(
	handler: (e: never) => Promise<Response> | Response,
	e: RequestEvent
): Promise<{ status: number; body: Record<string, unknown> }> {
	try {
		const response = await handler(e as never);
		const isJson = response.headers.get('content-type')?.includes('json');
		return { status: response.status, body: isJson ? await response.json() : {} };
	} catch (problem) {
		if (isHttpError(problem)) return { status: problem.status, body: {} };
		throw problem;
	}
}

type Listed = {
	id: string;
	title: string;
	state: string;
	sharedWithParentsAt: string | null;
	downloadUrl: string | null;
	parentsFirstOpenedAt?: string | null;
};
async function register(user: User): Promise<{ status: number; reports: Listed[] }> {
	const answer = await call(
		reportsApi.GET,
		event(user, `/api/meetings/${meetingId}/reports`, { id: meetingId })
	);
	return { status: answer.status, reports: (answer.body.reports as Listed[]) ?? [] };
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	people.chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	people.police = await makeUser(db, { role: 'professional' });
	people.gp = await makeUser(db, { role: 'professional', name: 'Dr Ravi Patel' });
	people.teacher = await makeUser(db, { role: 'professional', name: 'Mrs Ellen Green' });
	people.parent = await makeUser(db, { role: 'parent' });
	people.otherParent = await makeUser(db, { role: 'parent' });
	const family = await makeFamily(db, {
		unitId: unit.id,
		children: ['Chrissie'],
		parents: [{ userId: people.parent.id, relationship: 'Mum' }]
	});
	await makeFamily(db, {
		unitId: unit.id,
		children: ['Mia'],
		parents: [{ userId: people.otherParent.id, relationship: 'Dad' }]
	});
	const made = await makeMeeting(db, {
		unitId: unit.id,
		status: 'scheduled',
		scheduledAt: new Date('2030-03-05T10:00:00Z'),
		childIds: [family.children[0].id],
		participants: [
			{ user: people.chair, role: 'chair' },
			{ user: people.police, role: 'professional' },
			{ user: people.gp, role: 'professional' },
			{ user: people.teacher, role: 'professional' },
			{ user: people.parent, role: 'parent' }
		]
	});
	meetingId = made.meeting.id;
	const participantOf = (u: User) => made.participants.find((p) => p.userId === u.id)!.id;
	// The GP was asked and has not sent it; the teacher's came on paper, ticked received and shared.
	await db
		.update(meetingParticipants)
		.set({ reportRequested: true })
		.where(eq(meetingParticipants.id, participantOf(people.gp)));
	await db
		.update(meetingParticipants)
		.set({
			reportRequested: true,
			reportReceivedAt: new Date('2030-03-01T10:00:00Z'),
			reportSharedWithParents: true
		})
		.where(eq(meetingParticipants.id, participantOf(people.teacher)));
	const added = await call(
		reportsApi.POST,
		event(
			people.police,
			`/api/meetings/${meetingId}/reports`,
			{ id: meetingId },
			{
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ title: 'Police report', body: 'No call-outs since May.' })
			}
		)
	);
	expect(added.status).toBe(201);
	reportId = added.body.id as string;
});
afterAll(async () => {
	await handle?.close();
});

describe('GET /api/meetings/{id}/reports: one register', () => {
	it('lists for the chair what was asked for, received and shared, with where to download', async () => {
		const { status, reports } = await register(people.chair);
		expect(status).toBe(200);
		expect(reports.map((r) => [r.title, r.state])).toEqual([
			['Police report', 'received'],
			[expect.stringMatching(/^Report from /), 'asked'],
			[expect.stringMatching(/^Report from /), 'shared']
		]);
		const police = reports[0];
		expect(police).toMatchObject({
			id: reportId,
			sharedWithParentsAt: null,
			downloadUrl: `/api/reports/${reportId}`,
			parentsFirstOpenedAt: null
		});
		expect(Object.keys(police)).toEqual(
			expect.arrayContaining([
				'id',
				'agency',
				'title',
				'state',
				'sharedWithParentsAt',
				'downloadUrl'
			])
		);
		// The teacher's paper report: shared, with no copy here and no invented date.
		expect(reports[2]).toMatchObject({ downloadUrl: null, sharedWithParentsAt: null });
	});

	it('gives a parent only what was shared with them, and another family’s parent nothing (404)', async () => {
		const before = await register(people.parent);
		expect(before.status).toBe(200);
		expect(before.reports.map((r) => r.state)).toEqual(['shared']);
		expect(before.reports[0]).not.toHaveProperty('parentsFirstOpenedAt');
		expect((await register(people.otherParent)).status).toBe(404);
		const shared = await call(
			sharedApi.POST,
			event(
				people.police,
				`/api/reports/${reportId}/shared`,
				{ id: reportId },
				{
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ shared: true })
				}
			)
		);
		expect(shared.status).toBe(200);
		const after = await register(people.parent);
		expect(after.reports.map((r) => [r.title, r.state])).toEqual([
			['Police report', 'shared'],
			[expect.stringMatching(/^Report from /), 'shared']
		]);
		expect(after.reports[0].sharedWithParentsAt).toMatch(/^\d{4}-/);
		expect(after.reports[0].downloadUrl).toBe(`/api/reports/${reportId}`);
		// The chair's register says the same.
		const chairs = await register(people.chair);
		expect(chairs.reports[0].state).toBe('shared');
		expect(chairs.reports[0].sharedWithParentsAt).toBe(after.reports[0].sharedWithParentsAt);
	});

	it('records when a parent first opened a shared report, once, and audits it', async () => {
		const { db } = handle;
		const stored = async () =>
			(
				await db
					.select({ at: professionalReports.parentsFirstOpenedAt })
					.from(professionalReports)
					.where(eq(professionalReports.id, reportId))
			)[0].at;
		// The chair's download is not the parents'.
		const chairRead = await call(
			reportApi.GET,
			event(people.chair, `/api/reports/${reportId}`, { id: reportId })
		);
		expect(chairRead.status).toBe(200);
		expect(await stored()).toBeNull();
		const first = await call(
			reportApi.GET,
			event(people.parent, `/api/reports/${reportId}`, { id: reportId })
		);
		expect(first.status).toBe(200);
		const openedAt = await stored();
		expect(openedAt).toBeInstanceOf(Date);
		await call(reportApi.GET, event(people.parent, `/api/reports/${reportId}`, { id: reportId }));
		expect((await stored())!.getTime()).toBe(openedAt!.getTime());
		const audited = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.targetId, reportId), eq(auditLog.userId, people.parent.id)));
		expect(audited).toHaveLength(2);
		expect(
			audited.filter((a) => (a.detail as Record<string, unknown>)?.firstOpenedByParents)
		).toHaveLength(1);
		const { reports } = await register(people.chair);
		expect(reports[0].parentsFirstOpenedAt).toBe(openedAt!.toISOString());
		// Another family's parent cannot open it by id.
		const other = await call(
			reportApi.GET,
			event(people.otherParent, `/api/reports/${reportId}`, { id: reportId })
		);
		expect(other.status).toBe(404);
	});
});
