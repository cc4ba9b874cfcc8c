/**
 * Families, children and their clocks through the JSON API (issue 12): business support makes
 * a family, its parents and carers and its children; a parent of another family cannot read a
 * child by id (404) and search shows each person only the children they may see; a strategy
 * discussion makes the initial conference due; POST /api/meetings invites the parents who hold
 * parental responsibility (and no one else of the family) and refuses a date after the due date
 * without a reason, naming it, and keeps the reason when one is given.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/lib/server/db';
import { meetingParticipants, meetings, outbox, type User } from '../../src/lib/server/db/schema';
import { useSharedDatabase } from '../../src/lib/server/db';
import { POST as postFamily } from '../../src/routes/api/families/+server';
import { POST as postMember } from '../../src/routes/api/families/[id]/members/+server';
import { GET as listChildren, POST as postChild } from '../../src/routes/api/children/+server';
import { GET as getChild } from '../../src/routes/api/children/[childId]/+server';
import { POST as postEvent } from '../../src/routes/api/children/[childId]/events/+server';
import { POST as moveChild } from '../../src/routes/api/children/[childId]/family/+server';
import { POST as postMeeting } from '../../src/routes/api/meetings/+server';
import { POST as postParticipant } from '../../src/routes/api/meetings/[id]/participants/+server';
import { createTestDatabase, makeUnit, makeUser, sessionOf } from '../factories';

let handle: DatabaseHandle;
let admin: User, chair: User, mum: User, stepdad: User, otherParent: User, police: User;
let walkers: string, chrissie: string, leo: string, sam: string;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Handler = (event: any) => Promise<Response> | Response;

async function call(
	handler: Handler,
	user: User,
	props: { body?: unknown; params?: Record<string, string>; query?: string } = {}
) {
	const url = new URL(`http://127.0.0.1/api/x${props.query ?? ''}`);
	const request = new Request(url, {
		method: props.body === undefined ? 'GET' : 'POST',
		body: props.body === undefined ? undefined : JSON.stringify(props.body),
		headers: { 'content-type': 'application/json' }
	});
	const response = await handler({
		request,
		url,
		params: props.params ?? {},
		locals: { user: sessionOf(user), sessionId: 'test' }
	});
	return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	mum = await makeUser(db, {
		role: 'parent',
		email: 'dawn.walker@example.test',
		unitId: unit.id
	});
	stepdad = await makeUser(db, { role: 'parent', email: 'lee@example.test', unitId: unit.id });
	otherParent = await makeUser(db, { role: 'parent', email: 'pat@example.test', unitId: unit.id });
	police = await makeUser(db, { role: 'professional', email: 'jo@police.example.test' });

	walkers = (await call(postFamily, admin, { body: { name: 'Walker family' } })).body.id;
	const harris = (await call(postFamily, admin, { body: { name: 'Harris family' } })).body.id;
	for (const [familyId, userId, relationship, parentalResponsibility] of [
		[walkers, mum.id, 'Mum', true],
		[walkers, stepdad.id, 'Stepdad', false],
		[harris, otherParent.id, 'Dad', true]
	] as const) {
		const added = await call(postMember, admin, {
			params: { id: familyId },
			body: { userId, relationship, parentalResponsibility }
		});
		expect(added.status).toBe(201);
	}
	const child = async (familyId: string, name: string, dateOfBirth: string) => {
		const made = await call(postChild, admin, { body: { familyId, name, dateOfBirth } });
		expect(made.status).toBe(201);
		return made.body.id as string;
	};
	chrissie = await child(walkers, 'Chrissie Walker', '2018-03-05');
	leo = await child(walkers, 'Leo Walker', '2023-07-01');
	sam = await child(harris, 'Sam Harris', '2016-01-20');
});

afterAll(async () => {
	await handle?.close();
});

describe('families and children', () => {
	it('refuses bad input with a message per field, and anyone but chairs and business support with 404', async () => {
		const bad = await call(postChild, admin, {
			body: { familyId: walkers, name: ' ', dateOfBirth: '2018-02-30' }
		});
		expect(bad.status).toBe(400);
		expect(bad.body.errors.name).toBeTruthy();
		const badDate = await call(postChild, admin, {
			body: { familyId: walkers, name: 'Ava', dateOfBirth: '2018-02-30' }
		});
		expect(badDate.body.errors.dateOfBirth).toMatch(/February 2018 has 28 days/);
		const noPr = await call(postMember, admin, {
			params: { id: walkers },
			body: { userId: mum.id, relationship: 'Mum' }
		});
		expect(noPr.status).toBe(400);
		expect(noPr.body.errors.parentalResponsibility).toBeTruthy();
		expect((await call(postFamily, mum, { body: { name: 'Mine' } })).status).toBe(404);
		expect((await call(postFamily, police, { body: { name: 'Mine' } })).status).toBe(404);
		expect(
			(
				await call(postChild, otherParent, {
					body: { familyId: walkers, name: 'X', dateOfBirth: '2019-01-01' }
				})
			).status
		).toBe(404);
	});

	it("another unit's family and child are answered 404 before the body is read, as a missing id (issue 20)", async () => {
		const elsewhere = await makeUnit(handle.db, 'Northfield unit');
		const theirAdmin = await makeUser(handle.db, { role: 'admin', unitId: elsewhere.id });
		for (const [handler, params] of [
			[postEvent, { childId: chrissie }],
			[moveChild, { childId: chrissie }],
			[postMember, { id: walkers }]
		] as const) {
			// An empty body: the unit's own business support is told what to fix (400)...
			expect((await call(handler, admin, { params, body: {} })).status).toBe(400);
			// ...another unit's, nothing: the same 404 as an id that does not exist.
			const theirs = await call(handler, theirAdmin, { params, body: {} });
			expect(theirs).toEqual({ status: 404, body: { errors: { id: 'Not found' } } });
		}
	});

	it('a parent of another family cannot read a child by id; their own family they can', async () => {
		expect((await call(getChild, otherParent, { params: { childId: chrissie } })).status).toBe(404);
		expect((await call(getChild, police, { params: { childId: chrissie } })).status).toBe(404);
		const own = await call(getChild, mum, { params: { childId: chrissie } });
		expect(own.status).toBe(200);
		expect(own.body).toMatchObject({ name: 'Chrissie Walker', dateOfBirth: '2018-03-05' });
		expect((await call(getChild, admin, { params: { childId: sam } })).status).toBe(200);
	});

	it('search shows each person only the children they may see', async () => {
		const names = async (user: User, q = '') =>
			(await call(listChildren, user, { query: `?q=${encodeURIComponent(q)}` })).body.children
				.map((c: { name: string }) => c.name)
				.sort();
		expect(await names(admin)).toEqual(['Chrissie Walker', 'Leo Walker', 'Sam Harris']);
		expect(await names(admin, 'walk')).toEqual(['Chrissie Walker', 'Leo Walker']);
		expect(await names(admin, '%')).toEqual([]);
		expect(await names(mum)).toEqual(['Chrissie Walker', 'Leo Walker']);
		expect(await names(otherParent, 'walker')).toEqual([]);
		expect(await names(otherParent)).toEqual(['Sam Harris']);
		expect(await names(police)).toEqual([]);
	});
});

describe('the clocks and scheduling', () => {
	it('a strategy discussion makes the initial conference due in 15 working days', async () => {
		const recorded = await call(postEvent, admin, {
			params: { childId: chrissie },
			body: { kind: 'strategy-discussion', date: '2026-11-12' }
		});
		expect(recorded.status).toBe(201);
		expect(recorded.body.due).toEqual([
			{ kind: 'initial-conference', dueBy: '2026-12-03', projected: false }
		]);
		const bad = await call(postEvent, admin, {
			params: { childId: chrissie },
			body: { kind: 'birthday', date: '2026-13-01' }
		});
		expect(bad.status).toBe(400);
		expect(bad.body.errors.kind).toBeTruthy();
		expect(
			(
				await call(postEvent, otherParent, {
					params: { childId: chrissie },
					body: { kind: 'strategy-discussion', date: '2026-11-12' }
				})
			).status
		).toBe(404);
	});

	it('refuses a date after the due date without a reason, naming the due date', async () => {
		const late = await call(postMeeting, admin, {
			body: {
				kind: 'initial-conference',
				childIds: [chrissie, leo],
				chairId: chair.id,
				scheduledAt: '2026-12-10T10:00:00Z'
			}
		});
		expect(late.status).toBe(400);
		expect(late.body.errors.reason).toBe(
			'The initial conference is due by Thursday 3 December 2026; give a reason for a later date.'
		);
		expect(await handle.db.select().from(meetings)).toHaveLength(0);
	});

	it('schedules with the reason kept and invites the parents with parental responsibility', async () => {
		const reason = "The only day the family's interpreter can come";
		const made = await call(postMeeting, admin, {
			body: {
				kind: 'initial-conference',
				childIds: [chrissie, leo],
				chairId: chair.id,
				scheduledAt: '2026-12-10T10:00:00Z',
				reason
			}
		});
		expect(made.status).toBe(201);
		const [meeting] = await handle.db.select().from(meetings).where(eq(meetings.id, made.body.id));
		expect(meeting).toMatchObject({ dueBy: '2026-12-03', lateReason: reason });
		const invited = await handle.db
			.select({ userId: meetingParticipants.userId, role: meetingParticipants.role })
			.from(meetingParticipants)
			.where(eq(meetingParticipants.meetingId, meeting.id));
		expect(invited).toEqual(
			expect.arrayContaining([
				{ userId: chair.id, role: 'chair' },
				{ userId: mum.id, role: 'parent' }
			])
		);
		expect(invited.map((p) => p.userId)).not.toContain(stepdad.id);
		expect(invited.map((p) => p.userId)).not.toContain(otherParent.id);
		const mail = await handle.db
			.select({ to: outbox.recipientEmail, purpose: outbox.purpose })
			.from(outbox)
			.where(and(eq(outbox.meetingId, meeting.id), eq(outbox.purpose, 'invitation')));
		// The parent with parental responsibility, and the chair, whom business support scheduled for.
		expect(mail.map((m) => m.to).sort()).toEqual([chair.email, 'dawn.walker@example.test'].sort());

		// Anyone else is invited through the participants endpoint; a stranger's call is not found.
		const police1 = await call(postParticipant, admin, {
			params: { id: meeting.id },
			body: { userId: police.id, role: 'professional' }
		});
		expect(police1.status).toBe(201);
		const twice = await call(postParticipant, admin, {
			params: { id: meeting.id },
			body: { userId: police.id, role: 'professional' }
		});
		expect(twice.status).toBe(400);
		expect(twice.body.errors.userId).toMatch(/already invited/);
		expect(
			(
				await call(postParticipant, otherParent, {
					params: { id: meeting.id },
					body: { userId: otherParent.id, role: 'parent' }
				})
			).status
		).toBe(404);
	});

	it('a date inside the timescale needs no reason', async () => {
		const made = await call(postMeeting, admin, {
			body: {
				kind: 'initial-conference',
				childIds: [chrissie],
				chairId: chair.id,
				scheduledAt: '2026-12-03T10:00:00Z'
			}
		});
		expect(made.status).toBe(201);
	});
});

describe('care and moving between families', () => {
	it('a child comes into care with a named IRO from that day; the first review is due in 20 working days', async () => {
		const notAChair = await call(postEvent, admin, {
			params: { childId: sam },
			body: { kind: 'came-into-care', date: '2026-12-07', iroId: admin.id }
		});
		expect(notAChair.status).toBe(400);
		expect(notAChair.body.errors.iroId).toMatch(/independent reviewing officer/);
		const cared = await call(postEvent, admin, {
			params: { childId: sam },
			body: { kind: 'came-into-care', date: '2026-12-07', iroId: chair.id }
		});
		expect(cared.status).toBe(201);
		expect(cared.body.due[0]).toEqual({
			kind: 'cic-review',
			dueBy: '2027-01-07',
			projected: false
		});
		const read = await call(getChild, otherParent, { params: { childId: sam } });
		expect(read.body).toMatchObject({
			inCareSince: '2026-12-07',
			iro: { id: chair.id, name: chair.name },
			due: [{ kind: 'cic-review', dueBy: '2027-01-07' }]
		});
	});

	it('a child who moves to another family is seen by that family, no longer by the first', async () => {
		const foster = (await call(postFamily, admin, { body: { name: 'Foster family' } })).body.id;
		expect(
			(await call(moveChild, mum, { params: { childId: leo }, body: { familyId: foster } })).status
		).toBe(404);
		const moved = await call(moveChild, admin, {
			params: { childId: leo },
			body: { familyId: foster }
		});
		expect(moved).toEqual({ status: 200, body: { id: leo, familyId: foster } });
		expect((await call(getChild, mum, { params: { childId: leo } })).status).toBe(404);
		expect((await call(getChild, mum, { params: { childId: chrissie } })).status).toBe(200);
	});
});
