/**
 * A new child's page (issue 12): a child the unit has just added, with no meeting yet, has a page
 * for those who may see the child (the unit's chairs and business support, their own family's
 * parents and carers): their name, no scores and no meetings. Anyone else is answered 404: a
 * parent of another family, a professional who is invited to no meeting about the child, the
 * business support of another unit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import type { DatabaseHandle } from '../../src/lib/server/db';
import type { User } from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import { load as childPage } from '../../src/routes/children/[childId]/+page.server';
import { createTestDatabase, makeFamily, makeUnit, makeUser } from '../factories';

let handle: DatabaseHandle;
let admin: User, chair: User, mum: User, otherParent: User, police: User, elsewhere: User;
let childId: string;

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	const other = await makeUnit(db, 'Another unit');
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	mum = await makeUser(db, { role: 'parent' });
	otherParent = await makeUser(db, { role: 'parent' });
	police = await makeUser(db, { role: 'professional' });
	elsewhere = await makeUser(db, { role: 'admin', unitId: other.id });
	const { children } = await makeFamily(db, {
		unitId: unit.id,
		name: 'Ash family',
		children: ['Sky Ash'],
		parents: [{ userId: mum.id, relationship: 'Mum' }]
	});
	await makeFamily(db, {
		unitId: unit.id,
		name: 'Birch family',
		children: ['Lee Birch'],
		parents: [{ userId: otherParent.id, relationship: 'Dad' }]
	});
	childId = children[0].id;
});

afterAll(async () => {
	await handle?.close();
});

async function open(user: User) {
	const event = {
		locals: {
			user: {
				id: user.id,
				name: user.name,
				email: user.email,
				role: user.role,
				unitId: user.unitId,
				agencyId: user.agencyId
			},
			sessionId: 'test'
		},
		params: { childId },
		url: new URL(`http://127.0.0.1:3000/children/${childId}`)
	} as unknown as RequestEvent;
	try {
		return { status: 200, data: await childPage(event as Parameters<typeof childPage>[0]) };
	} catch (thrown) {
		return { status: (thrown as { status?: number }).status ?? 500, data: null };
	}
}

describe("a new child's page, before any meeting", () => {
	it('opens for the unit’s business support and chairs, and for the child’s own parent', async () => {
		for (const user of [admin, chair, mum]) {
			const page = await open(user);
			expect(page.status, user.role).toBe(200);
			const data = page.data as { history: { childName: string }; meetings: unknown[] };
			expect(data.history.childName).toBe('Sky Ash');
			expect(data.meetings).toEqual([]);
		}
	});

	it('is a 404 for anyone else', async () => {
		for (const user of [otherParent, police, elsewhere]) {
			expect((await open(user)).status, user.email).toBe(404);
		}
	});
});
