/**
 * The people and agency pickers' searches (issue 28), through the route handlers on the real
 * database: GET /api/meetings/{id}/invitable finds only people who may be invited to the meeting
 * (two Sam Taylors told apart by agency and email; never another unit's staff or another family),
 * GET /api/agencies/search only the agencies the unit sees, by name, kind or team address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useSharedDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import { agencies, type User } from '../../src/lib/server/db/schema';
import { GET as invitableApi } from '../../src/routes/api/meetings/[id]/invitable/+server';
import { GET as agencySearchApi } from '../../src/routes/api/agencies/search/+server';
import type { AgencyChoice, InviteeChoice } from '../../src/lib/domain/picker-search';
import {
	createTestDatabase,
	makeFamily,
	makeMeeting,
	makeUnit,
	makeUser,
	sessionOf
} from '../factories';

let handle: DatabaseHandle;
let chair: User, admin: User, parent: User, otherParent: User, otherChair: User;
let samAtSchool: User, samAtPolice: User, samElsewhere: User;
let meetingId: string;

/** Calls a route handler as the user would: its status and JSON answer. */
async function ask<B>(
	handler: (event: never) => Promise<Response>,
	user: User,
	url: string,
	params: Record<string, string> = {}
): Promise<{ status: number; body: B }> {
	const event = {
		url: new URL(`http://127.0.0.1:3000${url}`),
		params,
		locals: { user: sessionOf(user), sessionId: 'test' }
	} as never;
	try {
		const response = await handler(event);
		return { status: response.status, body: (await response.json()) as B };
	} catch (thrown) {
		return { status: (thrown as { status: number }).status, body: {} as B };
	}
}

const invitable = (user: User, q: string, meeting = meetingId) =>
	ask<{ people?: InviteeChoice[] }>(
		invitableApi as never,
		user,
		`/api/meetings/${meeting}/invitable?q=${encodeURIComponent(q)}`,
		{ id: meeting }
	);
const agencySearch = (user: User, q: string) =>
	ask<{ agencies?: AgencyChoice[] }>(
		agencySearchApi as never,
		user,
		`/api/agencies/search?q=${encodeURIComponent(q)}`
	);

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	const otherUnit = await makeUnit(db, 'Another unit');
	const [school, police, theirs] = await db
		.insert(agencies)
		.values([
			{
				name: 'Hill Top Primary School',
				kind: 'school',
				unitId: unit.id,
				email: 'office@hilltop.test'
			},
			{ name: 'Riverside Police', kind: 'police', unitId: null, email: null },
			{
				name: 'Quarry Lane Academy',
				kind: 'school',
				unitId: otherUnit.id,
				email: 'office@quarry.test'
			}
		])
		.returning();
	chair = await makeUser(db, { role: 'chair', unitId: unit.id, name: 'Priya Chair' });
	admin = await makeUser(db, { role: 'admin', unitId: unit.id, name: 'Alan Admin' });
	parent = await makeUser(db, { role: 'parent', name: 'Dawn Taylor' });
	otherParent = await makeUser(db, { role: 'parent', name: 'Jordan Taylor' });
	otherChair = await makeUser(db, { role: 'chair', unitId: otherUnit.id, name: 'Sam Taylor' });
	samAtSchool = await makeUser(db, {
		role: 'professional',
		unitId: unit.id,
		name: 'Sam Taylor',
		email: 'sam.taylor@hilltop.test',
		agencyId: school.id
	});
	samAtPolice = await makeUser(db, {
		role: 'professional',
		name: 'Sam Taylor',
		email: 'sam.taylor@police.test',
		agencyId: police.id
	});
	samElsewhere = await makeUser(db, {
		role: 'professional',
		unitId: otherUnit.id,
		name: 'Sam Taylor',
		email: 'sam.taylor@quarry.test',
		agencyId: theirs.id
	});
	const { children } = await makeFamily(db, {
		unitId: unit.id,
		name: 'Taylor family',
		children: ['Leo'],
		parents: [{ userId: parent.id, relationship: 'Mum' }]
	});
	await makeFamily(db, {
		unitId: unit.id,
		name: 'Other Taylor family',
		children: ['Mia'],
		parents: [{ userId: otherParent.id, relationship: 'Dad' }]
	});
	const { meeting } = await makeMeeting(db, {
		unitId: unit.id,
		status: 'scheduled',
		childIds: [children[0].id],
		participants: [{ user: chair, role: 'chair' }]
	});
	meetingId = meeting.id;
});

afterAll(async () => {
	await handle?.close();
});

describe('GET /api/meetings/{id}/invitable', () => {
	it('finds the two Sam Taylors who may be invited, each with their agency and email address', async () => {
		const { status, body } = await invitable(chair, 'sam taylor');
		expect(status).toBe(200);
		const people = body.people ?? [];
		expect(people.map((p) => p.id).sort()).toEqual([samAtSchool.id, samAtPolice.id].sort());
		const school = people.find((p) => p.id === samAtSchool.id)!;
		expect(school).toMatchObject({
			name: 'Sam Taylor',
			role: 'professional',
			agency: 'Hill Top Primary School',
			email: 'sam.taylor@hilltop.test'
		});
		expect(school.roles[0]).toBe('professional');
		expect(people.find((p) => p.id === samAtPolice.id)?.agency).toBe('Riverside Police');
	});

	it('finds one by a word of their agency or their address', async () => {
		const byAgency = await invitable(chair, 'sam police');
		expect(byAgency.body.people?.map((p) => p.id)).toEqual([samAtPolice.id]);
		const byEmail = await invitable(chair, 'hilltop.test');
		expect(byEmail.body.people?.map((p) => p.id)).toEqual([samAtSchool.id]);
	});

	it('never finds another unit’s staff or professionals, or another family', async () => {
		const found = (await invitable(chair, 'taylor')).body.people ?? [];
		const ids = found.map((p) => p.id);
		expect(ids).toContain(parent.id);
		expect(ids).not.toContain(otherParent.id);
		expect(ids).not.toContain(otherChair.id);
		expect(ids).not.toContain(samElsewhere.id);
		expect(found.find((p) => p.id === parent.id)?.roles).toEqual(['parent']);
	});

	it('answers an empty query with nobody, a long one with 400, and anyone who does not prepare the meeting with 404', async () => {
		expect((await invitable(chair, '')).body.people).toEqual([]);
		const long = await invitable(chair, 'x'.repeat(101));
		expect(long.status).toBe(400);
		expect((long.body as { errors?: Record<string, string> }).errors?.q).toMatch(/100 characters/);
		expect((await invitable(admin, 'sam')).status).toBe(200);
		for (const user of [otherChair, samAtSchool, parent])
			expect((await invitable(user, 'sam')).status, user.name).toBe(404);
	});
});

describe('GET /api/agencies/search', () => {
	it('finds the unit’s own agencies and the shared ones by name, kind or team address, never another unit’s', async () => {
		const bySchool = await agencySearch(admin, 'school');
		expect(bySchool.status).toBe(200);
		expect(bySchool.body.agencies).toEqual([
			expect.objectContaining({
				name: 'Hill Top Primary School',
				kindLabel: expect.any(String),
				email: 'office@hilltop.test'
			})
		]);
		expect((await agencySearch(admin, 'riverside')).body.agencies?.map((a) => a.name)).toEqual([
			'Riverside Police'
		]);
		expect((await agencySearch(admin, 'hilltop.test')).body.agencies?.map((a) => a.name)).toEqual([
			'Hill Top Primary School'
		]);
		expect((await agencySearch(admin, 'quarry')).body.agencies).toEqual([]);
		expect((await agencySearch(admin, '')).body.agencies).toEqual([]);
	});

	it('answers a long query with 400 and those who may not read the unit’s agencies with 404', async () => {
		expect((await agencySearch(admin, 'x'.repeat(101))).status).toBe(400);
		for (const user of [parent, samAtSchool])
			expect((await agencySearch(user, 'school')).status, user.name).toBe(404);
	});
});
