/**
 * A chair's caseload limit is configurable (issue 14): business support sets it on the People
 * page (the real form action) and the unit's figures weigh the chair's caseload against it;
 * a limit that is not a whole number from 1 to 500 is answered beside its field; a chair may
 * not set one, nor anyone set one for a chair of another unit (404).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { users, type User } from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import { oversightFigures } from '../../src/lib/server/oversight/figures';
import { actions } from '../../src/routes/unit/people/+page.server';
import { createTestDatabase, makeUnit, makeUser, sessionOf } from '../factories';

let handle: DatabaseHandle;
let unitId: string;
let admin: User, manager: User, chair: User, otherChair: User;
/** Posts the caseload limit form as `user`; the action's answer, or the status it threw. */
async function post(user: User, fields: Record<string, string>) {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.set(k, v);
	const url = new URL('http://localhost/unit/people?/caseloadLimit');
	try {
		return await actions.caseloadLimit({
			locals: { user: sessionOf(user) },
			url,
			request: new Request(url, { method: 'POST', body })
		} as never);
	} catch (thrown) {
		return { thrown: (thrown as { status?: number }).status };
	}
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	unitId = (await makeUnit(db)).id;
	admin = await makeUser(db, { role: 'admin', unitId });
	manager = await makeUser(db, { role: 'manager', unitId });
	chair = await makeUser(db, { role: 'chair', unitId, name: 'Ann Chair' });
	otherChair = await makeUser(db, { role: 'chair', unitId: (await makeUnit(db)).id });
});
afterAll(async () => {
	useSharedDatabase(null);
	await handle?.close();
});

const limitOf = async (u: User) =>
	(await handle.db.select().from(users).where(eq(users.id, u.id)))[0].caseloadLimit;

describe('a chair’s caseload limit', () => {
	it('is 70 until business support sets it; the figures weigh the caseload against it', async () => {
		const figures = () =>
			oversightFigures({ db: handle.db, unitId, from: '2026-10-01', to: '2026-10-31' });
		expect((await figures()).caseloads).toEqual([
			{ userId: chair.id, name: 'Ann Chair', count: 0, limit: 70 }
		]);
		expect(await post(admin, { userId: chair.id, limit: '45' })).toEqual({
			changed: "Ann Chair's caseload limit is now 45 children."
		});
		expect((await figures()).caseloads[0].limit).toBe(45);
		await post(manager, { userId: chair.id, limit: '60' });
		expect(await limitOf(chair)).toBe(60);
	});

	it('a limit that is not a whole number from 1 to 500 is answered beside its field', async () => {
		for (const [limit, message] of [
			['0', 'Enter a limit of at least 1 child.'],
			['2.5', 'Enter a whole number of children, for example 70.'],
			['501', 'Enter a limit of 500 children or fewer.']
		]) {
			const answer = (await post(admin, { userId: chair.id, limit })) as {
				status: number;
				data: { caseload: { errors: Record<string, string> } };
			};
			expect(answer.status).toBe(400);
			expect(answer.data.caseload.errors.limit).toBe(message);
		}
		expect(await limitOf(chair)).toBe(60);
	});

	it('a chair may not set one, nor anyone for a chair of another unit', async () => {
		expect(await post(chair, { userId: chair.id, limit: '500' })).toEqual({ thrown: 404 });
		expect(await post(admin, { userId: otherChair.id, limit: '10' })).toEqual({ thrown: 404 });
		expect(await post(admin, { userId: manager.id, limit: '10' })).toEqual({ thrown: 404 });
		expect(await limitOf(chair)).toBe(60);
		expect(await limitOf(otherChair)).toBe(70);
	});
});
