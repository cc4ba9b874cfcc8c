/**
 * Impossible date-times through the API (issue 20, item 8): `2027-02-30T10:00:00Z` on
 * POST /api/meetings and /reschedule was stored as 2 March and emailed to every invitee, and
 * `T24:00` became the next day. The routes are called as SvelteKit calls them; each refuses
 * with 400 naming `scheduledAt`, stores nothing and queues no mail. The forms read their date
 * and time with the same reader (24:00 is refused beside the time field).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { meetings, outbox, type Meeting, type User } from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import { POST as schedule } from '../../src/routes/api/meetings/+server';
import { POST as reschedule } from '../../src/routes/api/meetings/[id]/reschedule/+server';
import { POST as adjourn } from '../../src/routes/api/meetings/[id]/adjourn/+server';
import { actions as newMeeting } from '../../src/routes/meetings/new/+page.server';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	sessionOf
} from '../factories';

let handle: DatabaseHandle;
let admin: User, chair: User;
let childId: string;
let scheduled: Meeting, live: Meeting;
type Handler = (event: RequestEvent) => Promise<Response>;
async function postJson(handler: unknown, user: User, path: string, body: unknown, id = '') {
	const request = new Request(`http://127.0.0.1${path}`, {
		method: 'POST',
		body: JSON.stringify(body),
		headers: { 'content-type': 'application/json' }
	});
	try {
		const response = await (handler as Handler)({
			request,
			params: { id },
			locals: { user: sessionOf(user), sessionId: 'test' }
		} as unknown as RequestEvent);
		return { status: response.status, body: await response.json() };
	} catch (thrown) {
		return { status: (thrown as { status: number }).status, body: thrown };
	}
}

const impossible = [
	[
		'2027-02-30T10:00:00Z',
		'February 2027 has 28 days, so there is no 30 February: enter a real date.'
	],
	['2027-02-11T24:00:00Z', 'There is no hour 24: enter an hour from 00 to 23.'],
	['2027-02-11T10:60:00Z', 'There is no minute 60: enter minutes from 00 to 59.'],
	['2027-13-01T10:00:00Z', 'There is no month 13: enter a month from 1 to 12.']
] as const;

const mailCount = async () => (await handle.db.select({ n: count() }).from(outbox))[0].n;
const stored = async (id: string) =>
	(await handle.db.select().from(meetings).where(eq(meetings.id, id)))[0];

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
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
	scheduled = (
		await makeMeeting(db, {
			unitId: unit.id,
			status: 'scheduled',
			scheduledAt: new Date('2027-02-10T10:00:00Z'),
			childIds: [childId],
			participants
		})
	).meeting;
	live = (
		await makeMeeting(db, { unitId: unit.id, status: 'live', childIds: [childId], participants })
	).meeting;
});
afterAll(async () => {
	useSharedDatabase(null);
	await handle?.close();
});

describe('a date-time that does not exist', () => {
	it('is refused by POST /api/meetings, naming scheduledAt; nothing is stored', async () => {
		const [{ n: before }] = await handle.db.select({ n: count() }).from(meetings);
		for (const [scheduledAt, message] of impossible) {
			const answer = await postJson(schedule, admin, '/api/meetings', {
				kind: 'core-group',
				childIds: [childId],
				chairId: chair.id,
				scheduledAt,
				reason: 'The family asked for this date.'
			});
			expect(answer).toEqual({ status: 400, body: { errors: { scheduledAt: message } } });
		}
		const [{ n: after }] = await handle.db.select({ n: count() }).from(meetings);
		expect(after).toBe(before);
		// A real date is still scheduled, at the instant given.
		const made = await postJson(schedule, admin, '/api/meetings', {
			kind: 'core-group',
			childIds: [childId],
			chairId: chair.id,
			scheduledAt: '2027-02-28T23:30:00Z',
			reason: 'The family asked for this date.'
		});
		expect(made.status).toBe(201);
		expect((await stored(made.body.id)).scheduledAt.toISOString()).toBe('2027-02-28T23:30:00.000Z');
	});

	it('is refused by /reschedule, naming scheduledAt; the meeting stays and no update is mailed', async () => {
		const mail = await mailCount();
		for (const [scheduledAt, message] of impossible) {
			const answer = await postJson(
				reschedule,
				chair,
				`/api/meetings/${scheduled.id}/reschedule`,
				{ scheduledAt, reason: 'The room is booked.' },
				scheduled.id
			);
			expect(answer).toEqual({
				status: 400,
				body: { message, errors: { scheduledAt: message } }
			});
		}
		expect((await stored(scheduled.id)).scheduledAt.toISOString()).toBe('2027-02-10T10:00:00.000Z');
		expect(await mailCount()).toBe(mail);
		// Someone who may not move it still learns nothing about it, whatever the date.
		const stranger = await makeUser(handle.db, { role: 'professional' });
		expect(
			(
				await postJson(
					reschedule,
					stranger,
					`/api/meetings/${scheduled.id}/reschedule`,
					{ scheduledAt: '2027-02-30T10:00:00Z', reason: 'x' },
					scheduled.id
				)
			).status
		).toBe(404);
	});

	it('is refused by /adjourn, naming scheduledAt; the meeting stays live', async () => {
		for (const [scheduledAt, message] of impossible) {
			const answer = await postJson(
				adjourn,
				chair,
				`/api/meetings/${live.id}/adjourn`,
				{ scheduledAt, reason: 'We ran out of time.' },
				live.id
			);
			expect(answer).toEqual({
				status: 400,
				body: { message, errors: { scheduledAt: message } }
			});
		}
		expect((await stored(live.id)).status).toBe('live');
	});

	it('is refused by the schedule form: 24:00 beside the time field', async () => {
		const body = new URLSearchParams({
			kind: 'core-group',
			date: '2027-02-11',
			time: '24:00',
			chairId: chair.id,
			childIds: childId,
			reason: 'The family asked for this date.'
		});
		const request = new Request('http://127.0.0.1/meetings/new', { method: 'POST', body });
		const answer = (await (newMeeting.default as (e: RequestEvent) => Promise<unknown>)({
			request,
			url: new URL(request.url),
			locals: { user: sessionOf(admin), sessionId: 'test' },
			params: {}
		} as unknown as RequestEvent)) as { status: number; data: { errors: Record<string, string> } };
		expect(answer.status).toBe(400);
		expect(answer.data.errors).toEqual({
			time: 'There is no hour 24: enter an hour from 00 to 23.'
		});
	});
});
