/**
 * Moving or cancelling a meeting from its page (issue 11): the page's `reschedule` and `cancel`
 * actions, called as SvelteKit calls them, use the same commands as the API — the chair and
 * business support only (anyone else 404), each refusal beside its field (a missing reason, a
 * date that does not exist, a time that has passed) — and put the update or cancellation in the
 * outbox. The page offers the form only to those who may use it, and shows each report request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { meetingCalendar, meetings, outbox, type User } from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import { createMeeting } from '../../src/lib/server/meetings/commands/create-meeting';
import { inviteParticipant } from '../../src/lib/server/meetings/commands/invite-participant';
import { actions, load } from '../../src/routes/meetings/[id]/+page.server';
import { createTestDatabase, makeFamily, makeUnit, makeUser, sessionOf } from '../factories';

let handle: DatabaseHandle;
let admin: User;
let chair: User;
let police: User;
let meetingId: string;
const year = new Date().getFullYear() + 1;

function event(user: User, fields: Record<string, string> = {}) {
	const url = new URL(`http://127.0.0.1:3000/meetings/${meetingId}`);
	return {
		locals: { user: sessionOf(user), sessionId: null },
		params: { id: meetingId },
		url,
		request: new Request(url, { method: 'POST', body: new URLSearchParams(fields) })
	} as unknown as RequestEvent<{ id: string }>;
}

type DateChange = {
	status: number;
	data: {
		dateChange: { form: string; errors: Record<string, string>; values: Record<string, string> };
	};
};

async function act(name: 'reschedule' | 'cancel', user: User, fields: Record<string, string>) {
	return (await actions[name](event(user, fields) as never)) as unknown as DateChange & {
		message?: string;
	};
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	police = await makeUser(db, { role: 'professional', email: 'jo.reid@police.example.test' });
	const family = await makeFamily(db, { unitId: unit.id, children: ['Chrissie'] });
	const meeting = await createMeeting({
		db,
		scheduler: sessionOf(admin),
		kind: 'core-group',
		title: 'Core group',
		scheduledAt: new Date(`${year}-02-04T10:00:00Z`),
		childIds: family.children.map((c) => c.id),
		chairId: chair.id
	});
	meetingId = meeting.id;
	await inviteParticipant({
		db,
		actorId: admin.id,
		meetingId,
		userId: police.id,
		name: null,
		role: 'professional',
		agencyId: null,
		voting: true,
		reportRequested: true
	});
});

afterAll(async () => {
	useSharedDatabase(null);
	await handle?.close();
});

describe("the meeting page's move and cancel forms", () => {
	it('are offered to the chair and business support, not to a professional; report requests are shown to those who prepare it', async () => {
		const pageOf = async (user: User) =>
			(await load(event(user) as never)) as {
				canChangeDate: boolean;
				reportRequests: { name: string; state: string }[];
			};
		expect((await pageOf(chair)).canChangeDate).toBe(true);
		expect((await pageOf(admin)).canChangeDate).toBe(true);
		expect((await pageOf(police)).canChangeDate).toBe(false);
		expect((await pageOf(admin)).reportRequests.map((r) => [r.name, r.state])).toEqual([
			[police.name, 'asked']
		]);
		expect((await pageOf(police)).reportRequests).toEqual([]);
	});

	it('refuse each problem beside its field, keeping what was typed', async () => {
		const missing = await act('reschedule', chair, {
			date: `${year}-02-11`,
			time: '10:00',
			reason: '  '
		});
		expect(missing.status).toBe(400);
		expect(missing.data.dateChange).toEqual({
			form: 'reschedule',
			errors: {
				reason: 'Say why, so everyone invited knows: the reason is kept with the meeting.'
			},
			values: { date: `${year}-02-11`, time: '10:00', reason: '  ' }
		});
		expect(
			(await act('reschedule', chair, { date: `${year}-02-30`, time: '10:00', reason: 'Room' }))
				.data.dateChange.errors
		).toEqual({
			date: `February ${year} has 28 days, so there is no 30 February: enter a real date.`
		});
		expect(
			(await act('reschedule', chair, { date: `${year}-02-11`, time: '25:00', reason: 'Room' }))
				.data.dateChange.errors
		).toEqual({ time: 'There is no hour 25: enter an hour from 00 to 23.' });
		expect(
			(await act('reschedule', chair, { date: '2020-02-11', time: '10:00', reason: 'Room' })).data
				.dateChange.errors
		).toEqual({ date: 'Choose a time that has not passed yet.' });
		expect((await act('cancel', chair, { reason: '' })).data.dateChange).toMatchObject({
			form: 'cancel',
			errors: { reason: expect.stringContaining('Say why') }
		});
		const [meeting] = await handle.db.select().from(meetings).where(eq(meetings.id, meetingId));
		expect(meeting.scheduledAt.toISOString()).toBe(`${year}-02-04T10:00:00.000Z`);
	});

	it('answer 404 to someone who may not change the meeting', async () => {
		const thrown = await act('reschedule', police, {
			date: `${year}-02-11`,
			time: '10:00',
			reason: 'Room'
		}).catch((e: unknown) => e);
		expect(isHttpError(thrown) && thrown.status).toBe(404);
	});

	it('move it (UK time) and queue the update for everyone invited', async () => {
		const moved = await act('reschedule', admin, {
			date: `${year}-06-11`,
			time: '14:30',
			reason: 'The room is booked'
		});
		expect(moved.message).toMatch(
			/^The meeting has moved to \w+day,? 11 June \d{4} at 14:30\. Everyone invited is sent an update/
		);
		const [meeting] = await handle.db.select().from(meetings).where(eq(meetings.id, meetingId));
		expect(meeting.scheduledAt.toISOString()).toBe(`${year}-06-11T13:30:00.000Z`); // 14:30 BST
		const [entry] = await handle.db
			.select()
			.from(meetingCalendar)
			.where(eq(meetingCalendar.meetingId, meetingId));
		expect(entry).toMatchObject({ sequence: 1, changeReason: 'The room is booked' });
		const updates = await handle.db
			.select()
			.from(outbox)
			.where(and(eq(outbox.meetingId, meetingId), eq(outbox.purpose, 'update')));
		expect(updates.map((m) => m.recipientEmail).sort()).toEqual([chair.email, police.email].sort());
	});

	it('cancel it and queue the cancellations', async () => {
		expect((await act('cancel', chair, { reason: 'The family moved away' })).message).toContain(
			'The meeting is cancelled.'
		);
		const [meeting] = await handle.db.select().from(meetings).where(eq(meetings.id, meetingId));
		expect(meeting.status).toBe('cancelled');
		expect(
			await handle.db
				.select()
				.from(outbox)
				.where(and(eq(outbox.meetingId, meetingId), eq(outbox.purpose, 'cancellation')))
		).toHaveLength(2);
		expect((await act('cancel', chair, { reason: 'again' })).status).toBe(409);
	});
});
