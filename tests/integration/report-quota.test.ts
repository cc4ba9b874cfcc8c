/**
 * Reports have a bound (issue 20, item 10): one person uploaded 12 × 10 MB in seven seconds.
 * Through the real route, with real PDF bytes: one person's place on a meeting adds at most
 * 30 MB and 10 reports, and a meeting holds at most 100 MB; a report past any cap is answered
 * 413 with what to do, and nothing of it is stored. The meeting page's form answers the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { professionalReports, type User } from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import { POST as addReport } from '../../src/routes/api/meetings/[id]/reports/+server';
import { actions as meetingActions } from '../../src/routes/meetings/[id]/+page.server';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	sessionOf
} from '../factories';

const MB = 1024 * 1024;
let handle: DatabaseHandle;
let meetingId: string;
const people = {} as Record<'chair' | 'police' | 'gp' | 'school' | 'hv', User>;
const places = {} as Record<'police' | 'gp' | 'school' | 'hv', string>;

/** A real PDF of about `size` bytes: a page-less document with a stream of that length. */
function pdfOf(size: number): Buffer {
	const head = Buffer.from(
		`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n3 0 obj<</Length ${size}>>stream\n`
	);
	const tail = Buffer.from('\nendstream endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
	return Buffer.concat([
		head,
		Buffer.alloc(Math.max(0, size - head.length - tail.length), 32),
		tail
	]);
}

function uploadForm(bytes: Buffer, title = 'Report') {
	const form = new FormData();
	form.set('title', title);
	form.set('file', new File([new Uint8Array(bytes)], 'report.pdf', { type: 'application/pdf' }));
	return form;
}

async function upload(user: User, bytes: Buffer) {
	const url = new URL(`https://roundtable.example.gov.uk/api/meetings/${meetingId}/reports`);
	const response = await addReport({
		locals: { user: sessionOf(user), sessionId: null },
		params: { id: meetingId },
		url,
		request: new Request(url, { method: 'POST', body: uploadForm(bytes) })
	} as unknown as RequestEvent<{ id: string }, '/api/meetings/[id]/reports'>);
	return { status: response.status, body: await response.json() };
}

/** Reports kept earlier for this meeting, of these sizes in MB (as earlier uploads left them). */
async function keptEarlier(who: 'police' | 'gp' | 'school' | 'hv', sizes: number[]) {
	await handle.db.insert(professionalReports).values(
		sizes.map((mb) => ({
			meetingId,
			participantId: places[who],
			authorId: people[who].id,
			title: 'Earlier report',
			fileName: 'earlier.pdf',
			contentType: 'application/pdf',
			size: Math.round(mb * MB),
			content: new Uint8Array(pdfOf(1024))
		}))
	);
}

const reportsOf = async (participantId: string) =>
	(
		await handle.db
			.select({ n: count() })
			.from(professionalReports)
			.where(
				and(
					eq(professionalReports.meetingId, meetingId),
					eq(professionalReports.participantId, participantId)
				)
			)
	)[0].n;

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	people.chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	people.police = await makeUser(db, { role: 'professional' });
	people.gp = await makeUser(db, { role: 'professional' });
	people.school = await makeUser(db, { role: 'professional' });
	people.hv = await makeUser(db, { role: 'professional' });
	const { children } = await makeFamily(db, { unitId: unit.id, children: ['Chrissie'] });
	const made = await makeMeeting(db, {
		unitId: unit.id,
		status: 'scheduled',
		scheduledAt: new Date(Date.now() + 7 * 86_400_000),
		childIds: [children[0].id],
		participants: [
			{ user: people.chair, role: 'chair' },
			{ user: people.police, role: 'professional' },
			{ user: people.gp, role: 'professional' },
			{ user: people.school, role: 'professional' },
			{ user: people.hv, role: 'professional' }
		]
	});
	meetingId = made.meeting.id;
	for (const who of ['police', 'gp', 'school', 'hv'] as const)
		places[who] = made.participants.find((p) => p.userId === people[who].id)!.id;
}, 60_000);
afterAll(async () => {
	useSharedDatabase(null);
	await handle?.close();
});

describe('one person’s reports for a meeting', () => {
	it('come to at most 30 MB: the file past it is refused with 413 and not stored', async () => {
		await keptEarlier('police', [9.9, 9.9]);
		expect((await upload(people.police, pdfOf(4 * MB))).status).toBe(201);
		// 23.8 MB so far: a real PDF of 9.9 MB would take the police past 30 MB.
		const refused = await upload(people.police, pdfOf(9.9 * MB));
		expect(refused.status).toBe(413);
		expect(refused.body.errors.file).toMatch(
			/^Your reports for this meeting would come to more than 30 MB, the most one person may add\. Send a smaller file/
		);
		expect(await reportsOf(places.police)).toBe(3);
		// A smaller one still fits under the 30 MB.
		expect((await upload(people.police, pdfOf(5 * MB))).status).toBe(201);
	}, 120_000);

	it('are at most 10: the eleventh is refused with 413, whatever its size', async () => {
		const small = pdfOf(2 * 1024);
		while ((await reportsOf(places.gp)) < 10)
			expect((await upload(people.gp, small)).status).toBe(201);
		const refused = await upload(people.gp, small);
		expect(refused.status).toBe(413);
		expect(refused.body.errors.file).toMatch(
			/^You have added 10 reports to this meeting, the most one person may\./
		);
		expect(await reportsOf(places.gp)).toBe(10);
	}, 60_000);

	it('in the meeting page’s form are bounded the same way', async () => {
		const url = new URL(`https://roundtable.example.gov.uk/meetings/${meetingId}?/addReport`);
		const answer = (await meetingActions.addReport({
			locals: { user: sessionOf(people.gp), sessionId: null },
			params: { id: meetingId },
			url,
			request: new Request(url, { method: 'POST', body: uploadForm(pdfOf(2 * 1024)) })
		} as never)) as { status: number; data: { voices: { errors: Record<string, string> } } };
		expect(answer.status).toBe(413);
		expect(answer.data.voices.errors.file).toMatch(/You have added 10 reports/);
	});
});

describe('a meeting’s reports', () => {
	it('come to at most 100 MB in all: a report past it is refused, whoever sends it', async () => {
		// The police 28.8 MB, the GP 20 MB and ten small ones, the school 29 MB and the health
		// visitor 20 MB: about 98 MB so far.
		await keptEarlier('gp', [10, 10]);
		await keptEarlier('school', [9.5, 9.5, 10]);
		await keptEarlier('hv', [10, 10]);
		// The health visitor's 9.9 MB fits her own 30 MB, not the meeting's 100 MB.
		const refused = await upload(people.hv, pdfOf(9.9 * MB));
		expect(refused.status).toBe(413);
		expect(refused.body.errors.file).toMatch(
			/^This meeting's reports would come to more than 100 MB, the most one meeting holds\./
		);
		expect(await reportsOf(places.hv)).toBe(2);
		expect((await upload(people.hv, pdfOf(1.5 * MB))).status).toBe(201);
	}, 60_000);
});
