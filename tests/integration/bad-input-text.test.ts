/**
 * Free text has a limit (issue 20, item 9): a 2 MB reason to move or cancel a meeting was
 * accepted, stored and emailed. Every route that takes a reason or a comment, JSON or form, is
 * posted a 2 MB value as SvelteKit would call it; each answers 400 naming the field and the
 * limit (src/lib/domain/text-limits.ts), and nothing is changed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db';
import {
	challenges,
	meetingDocuments,
	meetings,
	outbox,
	planActions,
	type Meeting,
	type User
} from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import { notesKind } from '../../src/lib/server/documents/notes-state';
import { textLimits } from '../../src/lib/domain/text-limits';
import { POST as schedule } from '../../src/routes/api/meetings/+server';
import { POST as reschedule } from '../../src/routes/api/meetings/[id]/reschedule/+server';
import { POST as cancel } from '../../src/routes/api/meetings/[id]/cancel/+server';
import { POST as adjourn } from '../../src/routes/api/meetings/[id]/adjourn/+server';
import { POST as returnNotes } from '../../src/routes/api/documents/[id]/return/+server';
import { POST as correctNotes } from '../../src/routes/api/documents/[id]/correct/+server';
import { POST as raiseChallenge } from '../../src/routes/api/challenges/+server';
import { POST as stageChallenge } from '../../src/routes/api/challenges/[id]/stage/+server';
import { POST as updateAction } from '../../src/routes/api/actions/[id]/+server';
import { actions as newMeeting } from '../../src/routes/meetings/new/+page.server';
import { actions as meetingPage } from '../../src/routes/meetings/[id]/+page.server';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	sessionOf
} from '../factories';

const huge = 'x'.repeat(2 * 1024 * 1024);
const tooLong = (what: string, max: number) =>
	`Use at most ${max.toLocaleString('en-GB')} characters for ${what}`;

let handle: DatabaseHandle;
let manager: User, chair: User;
let childId: string;
let scheduled: Meeting, live: Meeting, ended: Meeting;
let finalNotesId: string, actionId: string;
type Handler = (event: RequestEvent) => Promise<Response>;
/** Posts JSON to a route as SvelteKit would; the status and the JSON (or the error's body). */
async function postJson(handler: unknown, user: User, body: unknown, id = '') {
	const request = new Request('http://127.0.0.1/api', {
		method: 'POST',
		body: JSON.stringify(body),
		headers: { 'content-type': 'application/json' }
	});
	try {
		const response = await (handler as Handler)({
			request,
			params: { id },
			url: new URL(request.url),
			locals: { user: sessionOf(user), sessionId: 'test' }
		} as unknown as RequestEvent);
		return { status: response.status, body: await response.json() };
	} catch (thrown) {
		return { status: (thrown as { status: number }).status, body: thrown };
	}
}

/** Posts a form action as a browser would; the action's failure. */
async function postForm(action: unknown, user: User, fields: Record<string, string>, id = '') {
	const request = new Request('http://127.0.0.1/form', {
		method: 'POST',
		body: new URLSearchParams(fields)
	});
	return (await (action as (e: RequestEvent) => Promise<unknown>)({
		request,
		params: { id },
		url: new URL(request.url),
		locals: { user: sessionOf(user), sessionId: 'test' }
	} as unknown as RequestEvent)) as { status: number; data: Record<string, unknown> };
}

const errorsOf = (body: unknown) => (body as { errors: Record<string, string> }).errors;

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	manager = await makeUser(db, { role: 'manager', unitId: unit.id });
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	const parent = await makeUser(db, { role: 'parent' });
	const { children } = await makeFamily(db, {
		unitId: unit.id,
		children: ['Chrissie'],
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
	childId = children[0].id;
	const participants = [
		{ user: chair, role: 'chair' as const },
		{ user: parent, role: 'parent' as const }
	];
	const meeting = (status: 'scheduled' | 'live' | 'ended') =>
		makeMeeting(db, {
			unitId: unit.id,
			status,
			scheduledAt: new Date(Date.now() + (status === 'scheduled' ? 7 : -1) * 86_400_000),
			childIds: [childId],
			participants
		}).then((m) => m.meeting);
	scheduled = await meeting('scheduled');
	live = await meeting('live');
	ended = await meeting('ended');
	const document = (version: number, state: 'final') =>
		db
			.insert(meetingDocuments)
			.values({
				meetingId: ended.id,
				kind: notesKind,
				audience: 'professionals',
				version,
				generatorName: 'test',
				generatorVersion: '1',
				title: 'Notes',
				fileName: 'notes',
				contentHash: `x${version}`,
				html: '<p></p>',
				content: {} as never,
				state
			})
			.returning()
			.then(([row]) => row.id);
	finalNotesId = await document(1, 'final');
	[{ id: actionId }] = await db
		.insert(planActions)
		.values({
			meetingId: ended.id,
			recordActionId: 'a1',
			childId,
			text: 'Book the dentist',
			who: chair.name,
			ownerId: chair.id
		})
		.returning({ id: planActions.id });
});
afterAll(async () => {
	useSharedDatabase(null);
	await handle?.close();
});

describe('a 2 MB reason or comment', () => {
	it('is refused by POST /api/meetings, naming the reason; nothing is scheduled', async () => {
		const [{ n: before }] = await handle.db.select({ n: count() }).from(meetings);
		const answer = await postJson(schedule, chair, {
			kind: 'core-group',
			childIds: [childId],
			chairId: chair.id,
			scheduledAt: '2027-03-01T10:00:00Z',
			reason: huge
		});
		expect(answer.status).toBe(400);
		expect(errorsOf(answer.body).reason).toMatch(tooLong('the reason', textLimits.reason));
		const titled = await postJson(schedule, chair, {
			kind: 'core-group',
			childIds: [childId],
			chairId: chair.id,
			scheduledAt: '2027-03-01T10:00:00Z',
			title: huge
		});
		expect(errorsOf(titled.body).title).toMatch(tooLong('the title', textLimits.title));
		const [{ n: after }] = await handle.db.select({ n: count() }).from(meetings);
		expect(after).toBe(before);
	});

	it('is refused by /reschedule, /cancel and /adjourn, naming the reason; nothing moves or is mailed', async () => {
		const [{ n: mail }] = await handle.db.select({ n: count() }).from(outbox);
		const moved = await postJson(
			reschedule,
			chair,
			{ scheduledAt: '2027-03-01T10:00:00Z', reason: huge },
			scheduled.id
		);
		expect(moved.status).toBe(400);
		expect(errorsOf(moved.body).reason).toBe(
			'Use at most 2,000 characters for the reason (this has 2,097,152).'
		);
		const cancelled = await postJson(cancel, chair, { reason: huge }, scheduled.id);
		expect(cancelled.status).toBe(400);
		expect(errorsOf(cancelled.body).reason).toMatch(tooLong('the reason', 2000));
		const adjourned = await postJson(
			adjourn,
			chair,
			{ scheduledAt: '2027-03-01T10:00:00Z', reason: huge },
			live.id
		);
		expect(adjourned.status).toBe(400);
		expect(errorsOf(adjourned.body).reason).toMatch(tooLong('the reason', 2000));
		const [kept] = await handle.db.select().from(meetings).where(eq(meetings.id, scheduled.id));
		expect(kept.status).toBe('scheduled');
		expect(kept.scheduledAt.getTime()).toBe(scheduled.scheduledAt.getTime());
		const [stillLive] = await handle.db.select().from(meetings).where(eq(meetings.id, live.id));
		expect(stillLive.status).toBe('live');
		const [{ n: mailAfter }] = await handle.db.select({ n: count() }).from(outbox);
		expect(mailAfter).toBe(mail);
	});

	it('is refused by the meeting forms: schedule, move, cancel and adjourn', async () => {
		const scheduling = await postForm(newMeeting.default, chair, {
			kind: 'core-group',
			date: '2027-03-01',
			time: '10:00',
			chairId: chair.id,
			childIds: childId,
			reason: huge
		});
		expect(scheduling.status).toBe(400);
		expect((scheduling.data.errors as Record<string, string>).reason).toBe(
			'Use at most 2,000 characters for the reason.'
		);
		for (const [name, fields, id] of [
			['reschedule', { date: '2027-03-01', time: '10:00', reason: huge }, scheduled.id],
			['cancel', { reason: huge }, scheduled.id],
			['adjourn', { date: '2027-03-01', time: '10:00', reason: huge }, live.id]
		] as const) {
			const answer = await postForm(meetingPage[name], chair, fields, id);
			expect(answer.status, name).toBe(400);
			const under = (answer.data.dateChange ?? answer.data.adjourn) as {
				errors: Record<string, string>;
			};
			expect(under.errors.reason, name).toBe('Use at most 2,000 characters for the reason.');
		}
	});

	it('is refused when the notes are sent back or corrected, naming the comment or reason', async () => {
		const corrected = await postJson(correctNotes, chair, { reason: huge }, finalNotesId);
		expect(corrected.status).toBe(400);
		expect(errorsOf(corrected.body).reason).toMatch(tooLong('the reason', 2000));
		const returned = await postJson(returnNotes, chair, { comment: huge }, finalNotesId);
		expect(returned.status).toBe(400);
		expect(errorsOf(returned.body).comment).toMatch(tooLong('the comment', 2000));
		const [notes] = await handle.db
			.select()
			.from(meetingDocuments)
			.where(eq(meetingDocuments.id, finalNotesId));
		expect(notes.correctionReason).toBeNull();
		expect(notes.returnedComment).toBeNull();
	});

	it('is refused when a challenge is raised or moved on, naming each field', async () => {
		const raised = await postJson(raiseChallenge, chair, {
			childId,
			about: huge,
			toAgency: huge,
			toPerson: 'Sam Lead',
			why: huge
		});
		expect(raised.status).toBe(400);
		expect(errorsOf(raised.body)).toMatchObject({
			about: tooLong('what the challenge is about', 2000) + '.',
			toAgency: tooLong('the agency challenged', 200) + '.',
			why: tooLong('why you are challenging', 4000) + '.'
		});
		expect((await handle.db.select({ n: count() }).from(challenges))[0].n).toBe(0);
		const made = await postJson(raiseChallenge, chair, {
			childId,
			about: 'The plan',
			toAgency: 'Police',
			toPerson: 'Sam Lead',
			why: 'No report came.'
		});
		expect(made.status).toBe(201);
		const staged = await postJson(
			stageChallenge,
			manager,
			{ stage: 'formal', note: huge },
			made.body.id
		);
		expect(staged.status).toBe(400);
		expect(errorsOf(staged.body).note).toBe(tooLong('a note about this step', 4000) + '.');
	});

	it('is refused as a note on an action’s progress', async () => {
		const answer = await postJson(updateAction, chair, { state: 'done', note: huge }, actionId);
		expect(answer.status).toBe(400);
		expect(errorsOf(answer.body).note).toBe('Keep the note to one line (300 characters at most).');
		const [action] = await handle.db.select().from(planActions).where(eq(planActions.id, actionId));
		expect(action.state).toBe('not-started');
	});
});
