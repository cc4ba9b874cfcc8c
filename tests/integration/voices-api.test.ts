/**
 * Voices before the meeting through the route handlers on the real database (issue 12): a
 * professional's upload is judged by its bytes (a file that is not PDF or Word is refused with
 * a message whatever its name; a PDF is kept and marks the report received); a report reaches
 * the parents only once shared with them; a parent of another family cannot read a report or a
 * consultation form by id (404); the consultation form is asked in words for the child's age on
 * the meeting's date; advocacy is recorded by the chair and no one in the family.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db';
import {
	children,
	meetingParticipants,
	professionalReports,
	type User
} from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import { reportFileType } from '../../src/lib/server/voices/reports';
import { reportRequestsForMeeting } from '../../src/lib/server/mail/report-requests';
import * as reportsApi from '../../src/routes/api/meetings/[id]/reports/+server';
import * as reportApi from '../../src/routes/api/reports/[id]/+server';
import * as sharedApi from '../../src/routes/api/reports/[id]/shared/+server';
import * as consultationsApi from '../../src/routes/api/meetings/[id]/consultations/+server';
import * as consultationApi from '../../src/routes/api/consultations/[id]/+server';
import * as advocacyApi from '../../src/routes/api/meetings/[id]/advocacy/+server';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	sessionOf
} from '../factories';

let handle: DatabaseHandle;
const people = {} as Record<'chair' | 'police' | 'gp' | 'parent' | 'otherParent', User>;
let meetingId: string;
let childId: string;
let policeParticipant: string;

/** A small, real PDF (what file-type finds from the first bytes). */
const tinyPdf = Buffer.from(
	'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
);
const png = Buffer.from(
	'89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
	'hex'
);

function event(user: User, path: string, params: Record<string, string>, init: RequestInit = {}) {
	const url = new URL(`https://roundtable.example.gov.uk${path}`);
	return {
		locals: { user: sessionOf(user), sessionId: null },
		params,
		url,
		request: new Request(url, init)
	} as unknown as RequestEvent;
}

const postJson = (body: unknown) => ({
	method: 'POST',
	headers: { 'content-type': 'application/json' },
	body: JSON.stringify(body)
});

function upload(name: string, bytes: Buffer, type: string) {
	const form = new FormData();
	form.set('title', 'Police report');
	form.set('file', new File([new Uint8Array(bytes)], name, { type }));
	return { method: 'POST', body: form };
}

async function call(
	handler: (e: never) => Promise<Response> | Response,
	e: RequestEvent
): Promise<{ status: number; body: Record<string, unknown>; response?: Response }> {
	try {
		const response = await handler(e as never);
		const isJson = response.headers.get('content-type')?.includes('json');
		return { status: response.status, body: isJson ? await response.json() : {}, response };
	} catch (problem) {
		if (isHttpError(problem)) return { status: problem.status, body: {} };
		throw problem;
	}
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	people.chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	people.police = await makeUser(db, { role: 'professional' });
	people.gp = await makeUser(db, { role: 'professional' });
	people.parent = await makeUser(db, { role: 'parent' });
	people.otherParent = await makeUser(db, { role: 'parent' });
	const family = await makeFamily(db, {
		unitId: unit.id,
		children: ['Chrissie'],
		parents: [{ userId: people.parent.id, relationship: 'Mum' }]
	});
	childId = family.children[0].id;
	// Eight on the day of the meeting: the 8 to 12 form.
	await db.update(children).set({ dateOfBirth: '2018-03-05' }).where(eq(children.id, childId));
	const other = await makeFamily(db, {
		unitId: unit.id,
		children: ['Mia'],
		parents: [{ userId: people.otherParent.id, relationship: 'Dad' }]
	});
	const made = await makeMeeting(db, {
		unitId: unit.id,
		status: 'scheduled',
		scheduledAt: new Date('2026-03-05T10:00:00Z'),
		childIds: [childId],
		participants: [
			{ user: people.chair, role: 'chair' },
			{ user: people.police, role: 'professional' },
			{ user: people.parent, role: 'parent' }
		]
	});
	meetingId = made.meeting.id;
	policeParticipant = made.participants.find((p) => p.userId === people.police.id)!.id;
	// The unit asked the police for a report (the register's request: asked, then received, shared).
	await db
		.update(meetingParticipants)
		.set({ reportRequested: true })
		.where(eq(meetingParticipants.id, policeParticipant));
	// The other family's dad is invited to his own child's meeting only.
	await makeMeeting(db, {
		unitId: unit.id,
		status: 'scheduled',
		childIds: [other.children[0].id],
		participants: [
			{ user: people.chair, role: 'chair' },
			{ user: people.otherParent, role: 'parent' }
		]
	});
});

afterAll(async () => {
	await handle?.close();
});

const reportsPath = () => `/api/meetings/${meetingId}/reports`;

describe('a professional’s report', () => {
	it('refuses a file whose bytes are not PDF or Word, whatever its name or type, with a message', async () => {
		for (const [name, bytes, type] of [
			['report.pdf', Buffer.from('Just some words, not a PDF at all.'), 'application/pdf'],
			[
				'report.docx',
				png,
				'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
			],
			[
				'report.doc',
				Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(600), 'hex'),
				'application/msword'
			]
		] as const) {
			const answer = await call(
				reportsApi.POST,
				event(people.police, reportsPath(), { id: meetingId }, upload(name, bytes, type))
			);
			expect(answer.status, name).toBe(400);
			expect((answer.body.errors as Record<string, string>).file).toMatch(
				/not a PDF or a Word document/
			);
		}
		expect(
			await handle.db
				.select()
				.from(professionalReports)
				.where(eq(professionalReports.meetingId, meetingId))
		).toEqual([]);
		// The bytes decide: a PDF named .txt is a PDF.
		expect(await reportFileType(tinyPdf)).toEqual({ mime: 'application/pdf', ext: 'pdf' });
		// A Word 97–2003 file is a compound file with a WordDocument stream; a bare one is not Word.
		const compound = Buffer.from('d0cf11e0a1b11ae1' + '00'.repeat(600), 'hex');
		const word = Buffer.concat([compound, Buffer.from('WordDocument', 'utf16le')]);
		expect(await reportFileType(word)).toEqual({ mime: 'application/msword', ext: 'doc' });
		expect(await reportFileType(compound)).toBeNull();
	});

	it('keeps a PDF, marks the report received, and shows it to the parents only once shared', async () => {
		const made = await call(
			reportsApi.POST,
			event(
				people.police,
				reportsPath(),
				{ id: meetingId },
				upload('notes.txt', tinyPdf, 'text/plain')
			)
		);
		expect(made.status).toBe(201);
		const reportId = made.body.id as string;
		const [register] = await handle.db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.id, policeParticipant));
		expect(register.reportReceivedAt).not.toBeNull();
		expect(register.reportSharedWithParents).toBe(false);
		const requestState = async () =>
			(await reportRequestsForMeeting({ db: handle.db, meetingId })).find(
				(r) => r.participantId === policeParticipant
			)?.state;
		expect(await requestState()).toBe('received');

		const read = (who: User) =>
			call(reportApi.GET, event(who, `/api/reports/${reportId}`, { id: reportId }));
		const byChair = await read(people.chair);
		expect(byChair.status).toBe(200);
		expect(byChair.response!.headers.get('content-type')).toBe('application/pdf');
		expect(byChair.response!.headers.get('content-disposition')).toContain('notes.pdf');
		expect((await read(people.parent)).status).toBe(404); // not shared yet
		expect((await read(people.otherParent)).status).toBe(404);
		expect((await read(people.gp)).status).toBe(404); // not invited

		// Someone else's report is not theirs to share; a body that does not say so is a 400.
		const share = (who: User, body: unknown) =>
			call(
				sharedApi.POST,
				event(who, `/api/reports/${reportId}/shared`, { id: reportId }, postJson(body))
			);
		expect((await share(people.parent, { shared: true })).status).toBe(404);
		expect((await share(people.police, {})).status).toBe(400);
		expect((await share(people.police, { shared: true })).status).toBe(200);
		expect((await read(people.parent)).status).toBe(200);
		expect((await read(people.otherParent)).status).toBe(404);
		const [after] = await handle.db
			.select()
			.from(meetingParticipants)
			.where(eq(meetingParticipants.id, policeParticipant));
		expect(after.reportSharedWithParents).toBe(true);
		expect(await requestState()).toBe('shared');
	});

	it('takes a report written in the app; the parent cannot add one', async () => {
		const written = await call(
			reportsApi.POST,
			event(
				people.police,
				reportsPath(),
				{ id: meetingId },
				postJson({ title: 'Update', body: 'No police call-outs since the last meeting.' })
			)
		);
		expect(written.status).toBe(201);
		const byParent = await call(
			reportsApi.POST,
			event(people.parent, reportsPath(), { id: meetingId }, postJson({ title: 'x', body: 'y' }))
		);
		expect(byParent.status).toBe(404);
	});
});

describe('the child’s consultation form', () => {
	it('is written down by the social worker in words for the child’s age; another family’s parent cannot read it by id', async () => {
		const path = `/api/meetings/${meetingId}/consultations`;
		const missing = await call(
			consultationsApi.POST,
			event(people.police, path, { id: meetingId }, postJson({ childId, worries: 'x' }))
		);
		expect(missing.status).toBe(400);
		expect(missing.body.errors).toHaveProperty('helpedBy');
		const saved = await call(
			consultationsApi.POST,
			event(
				people.police,
				path,
				{ id: meetingId },
				postJson({
					childId,
					helpedBy: 'her social worker',
					worries: 'Mum and Dad shouting',
					goingWell: 'Swimming on Saturdays',
					wishes: 'To stay at my school'
				})
			)
		);
		expect(saved.status).toBe(201);
		const id = saved.body.id as string;
		const read = (who: User) =>
			call(consultationApi.GET, event(who, `/api/consultations/${id}`, { id }));
		const byParent = await read(people.parent);
		expect(byParent.status).toBe(200);
		expect(byParent.body).toMatchObject({ ageBand: '8-12', wishes: 'To stay at my school' });
		expect((await read(people.otherParent)).status).toBe(404);
		expect((await read(people.gp)).status).toBe(404);
		// Another family's parent cannot write it either.
		const intruder = await call(
			consultationsApi.POST,
			event(
				people.otherParent,
				path,
				{ id: meetingId },
				postJson({ childId, helpedBy: 'me', worries: 'x' })
			)
		);
		expect(intruder.status).toBe(404);
	});
});

describe('advocacy', () => {
	it('the chair records the advocate offered and accepted; a parent cannot; bad input is a 400', async () => {
		const path = `/api/meetings/${meetingId}/advocacy`;
		const record = (who: User, body: unknown) =>
			call(advocacyApi.POST, event(who, path, { id: meetingId }, postJson(body)));
		expect((await record(people.chair, { childId })).status).toBe(400);
		expect((await record(people.chair, { childId, offered: false, accepted: true })).status).toBe(
			400
		);
		expect(
			(
				await record(people.chair, {
					childId,
					offered: true,
					accepted: true,
					advocateName: 'Sam from Voices for Children'
				})
			).status
		).toBe(201);
		expect((await record(people.parent, { childId: null, offered: true })).status).toBe(404);
	});
});
