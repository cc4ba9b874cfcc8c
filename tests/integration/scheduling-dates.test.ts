/**
 * Impossible dates are refused with a message, never moved (issue 9, item 10): 30 February
 * 2026 used to become 2 March, month 13 February of the next year, year 0000 became 1900.
 * The schedule form's action is called as SvelteKit calls it, with a real form post, and the
 * command refuses a meeting outside the years people schedule in, on the real database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { isActionFailure, type RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { meetings, type User } from '../../src/lib/server/db/schema';
import { createMeeting } from '../../src/lib/server/meetings/commands/create-meeting';
import { actions } from '../../src/routes/meetings/new/+page.server';
import { createTestDatabase, makeFamily, makeUnit, makeUser, sessionOf } from '../factories';

let handle: DatabaseHandle;
let admin: User, chair: User;
let childId: string;
beforeAll(async () => {
	handle = await createTestDatabase();
	const { db } = handle;
	const unit = await makeUnit(db);
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	const { children } = await makeFamily(db, { unitId: unit.id, children: ['Chrissie'] });
	childId = children[0].id;
});
afterAll(async () => {
	await handle?.close();
});

/** Posts the schedule form as a browser would and returns the action's answer. */
async function postSchedule(date: string) {
	const body = new URLSearchParams({
		kind: 'core-group',
		title: 'Core group',
		date,
		time: '10:00',
		chairId: chair.id,
		childIds: childId
	});
	const request = new Request('http://127.0.0.1:3000/meetings/new', {
		method: 'POST',
		body,
		headers: { origin: 'http://127.0.0.1:3000' }
	});
	const event = {
		request,
		url: new URL(request.url),
		locals: { user: sessionOf(admin), sessionId: 'test' },
		params: {}
	} as unknown as RequestEvent;
	return (actions.default as (event: RequestEvent) => Promise<unknown>)(event);
}

describe('scheduling on a date that does not exist', () => {
	it.each([
		['2026-02-30', 'February 2026 has 28 days, so there is no 30 February: enter a real date.'],
		['2026-13-01', 'There is no month 13: enter a month from 1 to 12.'],
		['0000-01-01', 'Enter a year from 2000 to 2100.'],
		['2026-04-31', 'April 2026 has 30 days, so there is no 31 April: enter a real date.']
	])('the form answers %s with 400 and says why', async (date, message) => {
		const result = await postSchedule(date);
		expect(isActionFailure(result)).toBe(true);
		const failure = result as {
			status: number;
			data: { errors: Record<string, string>; values: Record<string, string> };
		};
		expect(failure.status).toBe(400);
		expect(failure.data.errors.date).toBe(message);
		expect(failure.data.values.date).toBe(date); // what was typed is put back to correct
		const made = await handle.db.select().from(meetings).where(eq(meetings.chairId, chair.id));
		expect(made).toHaveLength(0);
	});

	it('the command refuses a meeting outside 2000–2100 or on no date at all', async () => {
		const { db } = handle;
		const base = {
			db,
			scheduler: sessionOf(admin),
			kind: 'core-group' as const,
			title: 'Core group',
			childIds: [childId],
			chairId: chair.id
		};
		const year0 = new Date(0);
		year0.setUTCFullYear(0, 0, 1);
		for (const scheduledAt of [
			year0,
			new Date('1900-01-01T10:00:00Z'),
			new Date('2101-01-01T10:00:00Z')
		]) {
			await expect(createMeeting({ ...base, scheduledAt })).rejects.toMatchObject({
				field: 'date',
				message: 'Enter a year from 2000 to 2100.'
			});
		}
		await expect(
			createMeeting({ ...base, scheduledAt: new Date(Number.NaN) })
		).rejects.toMatchObject({ field: 'date', message: 'Enter a real date.' });
		expect(await db.select().from(meetings).where(eq(meetings.chairId, chair.id))).toHaveLength(0);
		const made = await createMeeting({ ...base, scheduledAt: new Date('2100-12-31T10:00:00Z') });
		expect(made.scheduledAt.toISOString()).toBe('2100-12-31T10:00:00.000Z');
	});
});
