/**
 * The allegation strategy meeting (issue 25, `lado-strategy`), through the route handlers on the
 * real database: the LADO (a chair) schedules one from an allegation about Amy; Amy is the
 * meeting's child and her mum is not invited. The police officer and the employer (typed, with
 * no account) are invited; Amy's mum, a child, an advocate and the adult under allegation (on an
 * account or typed) are refused with a 400 that says why. Mum never reaches the meeting: not in
 * her list of meetings, not on Amy's page, not the meeting page, its API or its documents (404).
 * Another unit's chair gets 404 and cannot schedule from the allegation; a family's conference
 * scheduled later does not follow on from the strategy meeting. The unit's designated officer
 * (an account of the `lado` role) schedules one from the case and chairs it, and schedules and
 * chairs no other kind (403, 400).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useSharedDatabase, type DatabaseHandle } from '../../src/lib/server/db';
import {
	children,
	familyMembers,
	meetingAllegations,
	meetingChildren,
	meetingParticipants,
	meetings,
	type User
} from '../../src/lib/server/db/schema';
import { POST as allegationsApi } from '../../src/routes/api/allegations/+server';
import { GET as listMeetingsApi, POST as scheduleApi } from '../../src/routes/api/meetings/+server';
import { GET as meetingApi } from '../../src/routes/api/meetings/[id]/+server';
import { POST as startApi } from '../../src/routes/api/meetings/[id]/start/+server';
import { GET as documentsApi } from '../../src/routes/api/meetings/[id]/documents/+server';
import { load as meetingPage } from '../../src/routes/meetings/[id]/+page.server';
import { load as childPage } from '../../src/routes/children/[childId]/+page.server';
import { load as casePage } from '../../src/routes/allegations/[id]/+page.server';
import { load as ownSpace } from '../../src/routes/me/+page.server';
import { createTestDatabase, makeFamily, makeUnit, makeUser, sessionOf } from '../factories';
import { inviteThroughApi } from '../fixtures/invite-api';
import { invitablePeople } from '../../src/lib/server/meetings/invitable-people';
import { saveConsultation } from '../../src/lib/server/voices/consultations';
import { askRoute } from '../fixtures/ask-route';

let handle: DatabaseHandle;
let chair: User, admin: User, mum: User, police: User, adultAccount: User, otherChair: User;
let lado: User;
let amyAccount: User;
let amy: string, otherAllegation: string;

const ask = (...args: Parameters<typeof askRoute>) =>
	askRoute<Record<string, unknown> & { errors?: Record<string, string> }>(...args);

const refer = async (user: User, childIds: string[]) => {
	const answer = await ask(allegationsApi, user, '/api/allegations', {
		body: {
			adult: {
				name: 'Quillon Adult',
				role: 'Sports coach',
				employer: 'Riverside Swimming Club',
				sector: 'sport-and-leisure'
			},
			childIds,
			nature: 'conduct',
			receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
			referrer: { name: 'A club welfare officer', agency: 'Riverside Swimming Club' }
		}
	});
	expect(answer.status).toBe(201);
	return answer.body.id as string;
};

const schedule = (user: User, body: Record<string, unknown>) =>
	ask(scheduleApi, user, '/api/meetings', {
		body: {
			kind: 'lado-strategy',
			chairId: chair.id,
			scheduledAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
			...body
		}
	});

beforeAll(async () => {
	handle = await createTestDatabase();
	useSharedDatabase(handle);
	const { db } = handle;
	const unit = await makeUnit(db);
	const otherUnit = await makeUnit(db, 'Another unit');
	chair = await makeUser(db, { role: 'chair', unitId: unit.id });
	admin = await makeUser(db, { role: 'admin', unitId: unit.id });
	lado = await makeUser(db, { role: 'lado', unitId: unit.id, name: 'Grace Designated' });
	police = await makeUser(db, { role: 'professional', unitId: unit.id, name: 'DC Ada Moss' });
	adultAccount = await makeUser(db, {
		role: 'professional',
		unitId: unit.id,
		name: 'Quillon  adult'
	});
	mum = await makeUser(db, { role: 'parent' });
	otherChair = await makeUser(db, { role: 'chair', unitId: otherUnit.id });
	const walkers = await makeFamily(db, {
		unitId: unit.id,
		children: ['Amy Walker'],
		parents: [{ userId: mum.id, relationship: 'Mum' }]
	});
	amy = walkers.children[0].id;
	// Amy has her own account (issue 27): her space shows her next meeting and her tracker.
	amyAccount = await makeUser(db, { role: 'child', unitId: unit.id, name: 'Amy Walker' });
	await db.update(children).set({ accountId: amyAccount.id }).where(eq(children.id, amy));
	// Mum holds parental responsibility: a family's meeting invites her.
	await db
		.update(familyMembers)
		.set({ parentalResponsibility: true })
		.where(eq(familyMembers.userId, mum.id));
	const theirs = await makeFamily(db, { unitId: otherUnit.id, children: ['Sol Avery'] });
	otherAllegation = await refer(otherChair, [theirs.children[0].id]);
});

afterAll(async () => {
	await handle?.close();
});

describe('an allegation strategy meeting', () => {
	let allegationId: string;
	let meetingId: string;

	it('is scheduled from the allegation: its children, no family invited', async () => {
		allegationId = await refer(chair, [amy]);
		const scheduled = await schedule(admin, { allegationId });
		expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
		meetingId = scheduled.body.id as string;
		const { db } = handle;
		const kids = await db
			.select({ childId: meetingChildren.childId })
			.from(meetingChildren)
			.where(eq(meetingChildren.meetingId, meetingId));
		expect(kids.map((k) => k.childId)).toEqual([amy]);
		const [link] = await db
			.select()
			.from(meetingAllegations)
			.where(eq(meetingAllegations.meetingId, meetingId));
		expect(link.allegationId).toBe(allegationId);
		const people = await db
			.select({ role: meetingParticipants.role })
			.from(meetingParticipants)
			.where(eq(meetingParticipants.meetingId, meetingId));
		expect(people.map((p) => p.role)).toEqual(['chair']);
		const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId));
		expect(meeting.kind).toBe('lado-strategy');
	});

	it('needs an allegation of the unit: 400 naming allegationId', async () => {
		const none = await schedule(chair, {});
		expect(none.status).toBe(400);
		expect(none.body.errors?.allegationId).toMatch(/allegation/);
		const theirs = await schedule(chair, { allegationId: otherAllegation });
		expect(theirs.status).toBe(400);
		expect(theirs.body.errors?.allegationId).toBeTruthy();
		const wrongKind = await schedule(chair, { kind: 'core-group', childIds: [amy], allegationId });
		expect(wrongKind.status).toBe(400);
		expect(wrongKind.body.errors?.allegationId).toMatch(/leave it out/);
	});

	it('invites the police and the employer', async () => {
		const officer = await inviteThroughApi(chair, meetingId, {
			userId: police.id,
			role: 'professional'
		});
		expect(officer.status, JSON.stringify(officer.body)).toBe(201);
		const employer = await inviteThroughApi(chair, meetingId, {
			name: 'Head of the swimming club',
			email: 'head@riverside-swim.example',
			role: 'professional'
		});
		expect(employer.status, JSON.stringify(employer.body)).toBe(201);
	});

	it('offers no parent or child in the invite picker, only professional roles', async () => {
		const offered = await invitablePeople({ db: handle.db, meetingId });
		const ids = offered.map((p) => p.id);
		expect(ids).not.toContain(mum.id);
		expect(ids).not.toContain(amyAccount.id);
		expect(offered.find((p) => p.id === police.id)?.roles).toEqual(['professional', 'observer']);
	});

	it('refuses a parent, a child, an advocate and the adult under allegation with a 400', async () => {
		const asMum = await inviteThroughApi(chair, meetingId, { userId: mum.id, role: 'parent' });
		expect(asMum.status).toBe(400);
		expect(asMum.body.errors?.role).toMatch(/professionals only/);
		for (const role of ['parent', 'child', 'advocate', 'interpreter']) {
			const typed = await inviteThroughApi(chair, meetingId, {
				name: 'Someone',
				email: 'someone@example.test',
				role,
				language: 'Polish'
			});
			expect(typed.status, role).toBe(400);
			expect(typed.body.errors?.role, role).toMatch(/professionals only/);
		}
		const adultTyped = await inviteThroughApi(chair, meetingId, {
			name: 'quillon ADULT',
			email: 'q.adult@riverside-swim.example',
			role: 'professional'
		});
		expect(adultTyped.status).toBe(400);
		expect(adultTyped.body.errors?.userId).toMatch(/the adult the allegation is about/);
		const adultByAccount = await inviteThroughApi(chair, meetingId, {
			userId: adultAccount.id,
			role: 'professional'
		});
		expect(adultByAccount.status).toBe(400);
		const { db } = handle;
		const roles = await db
			.select({ role: meetingParticipants.role, name: meetingParticipants.name })
			.from(meetingParticipants)
			.where(eq(meetingParticipants.meetingId, meetingId));
		expect(roles.map((r) => r.role).sort()).toEqual(['chair', 'professional', 'professional']);
	});

	it('is nowhere a parent looks: 404 or absent', async () => {
		const params = { id: meetingId };
		expect((await ask(meetingApi, mum, `/api/meetings/${meetingId}`, { params })).status).toBe(404);
		expect(
			(await ask(documentsApi, mum, `/api/meetings/${meetingId}/documents`, { params })).status
		).toBe(404);
		expect((await ask(meetingPage, mum, `/meetings/${meetingId}`, { params })).status).toBe(404);
		const list = await ask(listMeetingsApi, mum, '/api/meetings');
		expect(list.status).toBe(200);
		expect(JSON.stringify(list.body)).not.toContain(meetingId);
		const page = await ask(childPage, mum, `/children/${amy}`, { params: { childId: amy } });
		expect(page.status).toBe(200);
		expect(JSON.stringify(page.body)).not.toContain(meetingId);
		expect(JSON.stringify(page.body)).not.toContain('Allegation strategy');
		// Amy's own space does not show it as her next meeting, nor anything of it.
		const space = await ask(ownSpace, amyAccount, '/me');
		expect(space.status).toBe(200);
		expect(JSON.stringify(space.body)).not.toContain(meetingId);
		expect(JSON.stringify(space.body)).not.toContain('DC Ada Moss');
		// The case page is the LADO's: the parent is answered as if there were no such case.
		expect(
			(await ask(casePage, mum, `/allegations/${allegationId}`, { params: { id: allegationId } }))
				.status
		).toBe(404);
	});

	it('holds no child’s wishes-and-feelings form: not offered, and refused', async () => {
		const page = await ask(meetingPage, chair, `/meetings/${meetingId}`, {
			params: { id: meetingId }
		});
		const voices = page.body.voices as { consultationsHeld: boolean; mayFillConsultation: boolean };
		expect(voices).toMatchObject({ consultationsHeld: false, mayFillConsultation: false });
		const saved = await saveConsultation({
			db: handle.db,
			user: sessionOf(chair),
			meetingId,
			childId: amy,
			helpedBy: 'Her social worker',
			worries: 'Nothing',
			goingWell: 'School',
			wishes: 'To swim'
		});
		expect(saved).toBeNull();
	});

	it('is listed on the case page, for those who work the case', async () => {
		const page = await ask(casePage, chair, `/allegations/${allegationId}`, {
			params: { id: allegationId }
		});
		expect(page.status).toBe(200);
		const listed = page.body.meetings as { id: string; kind: string }[];
		expect(listed.map((m) => [m.id, m.kind])).toEqual([[meetingId, 'lado-strategy']]);
	});

	it('links back to its case for those who work it, and for nobody else', async () => {
		const params = { id: meetingId };
		const forChair = await ask(meetingPage, chair, `/meetings/${meetingId}`, { params });
		expect(forChair.body.caseLink).toEqual({
			label: 'The allegation’s case',
			href: `/allegations/${allegationId}`
		});
		// The unit's LADO, not on its list, opens it from the case (it is theirs to watch and prepare).
		const forLado = await ask(meetingPage, lado, `/meetings/${meetingId}`, { params });
		expect(forLado.status).toBe(200);
		expect(forLado.body.role).toBe('observer');
		expect(forLado.body.caseLink).toMatchObject({ href: `/allegations/${allegationId}` });
		// The police officer at the meeting does not work the unit's allegations: no link.
		const forPolice = await ask(meetingPage, police, `/meetings/${meetingId}`, { params });
		expect(forPolice.status).toBe(200);
		expect(forPolice.body.caseLink).toBeNull();
	});

	it('is the professionals’: the police officer reads it; another unit’s chair gets 404', async () => {
		const params = { id: meetingId };
		expect((await ask(meetingApi, police, `/api/meetings/${meetingId}`, { params })).status).toBe(
			200
		);
		expect(
			(await ask(meetingApi, otherChair, `/api/meetings/${meetingId}`, { params })).status
		).toBe(404);
		expect(
			(
				await ask(casePage, otherChair, `/allegations/${allegationId}`, {
					params: { id: allegationId }
				})
			).status
		).toBe(404);
	});

	it('a family conference scheduled later does not follow on from it', async () => {
		const conference = await ask(scheduleApi, admin, '/api/meetings', {
			body: {
				kind: 'initial-conference',
				childIds: [amy],
				chairId: chair.id,
				scheduledAt: new Date(Date.now() + 5 * 86_400_000).toISOString()
			}
		});
		expect(conference.status, JSON.stringify(conference.body)).toBe(201);
		// Who came to the strategy meeting is not proposed for the family's meeting.
		const proposed = JSON.stringify(conference.body.proposed);
		expect(proposed).not.toContain('Head of the swimming club');
		expect(proposed).not.toContain('DC Ada Moss');
		const [row] = await handle.db
			.select({ previous: meetings.previousMeetingId })
			.from(meetings)
			.where(eq(meetings.id, conference.body.id as string));
		expect(row.previous).toBeNull();
		const people = await handle.db
			.select({ role: meetingParticipants.role })
			.from(meetingParticipants)
			.where(eq(meetingParticipants.meetingId, conference.body.id as string));
		// The family's own meeting still invites the family (the seven kinds unchanged).
		expect(people.map((p) => p.role)).toContain('parent');
	});

	it('the designated officer (LADO) schedules one from the case and chairs it', async () => {
		const page = await ask(casePage, lado, `/allegations/${allegationId}`, {
			params: { id: allegationId }
		});
		const chairs = page.body.chairs as { id: string; name: string }[];
		expect(chairs.map((c) => c.id).sort()).toEqual([chair.id, lado.id].sort());
		const scheduled = await schedule(lado, { allegationId, chairId: lado.id });
		expect(scheduled.status, JSON.stringify(scheduled.body)).toBe(201);
		const id = scheduled.body.id as string;
		const [row] = await handle.db.select().from(meetings).where(eq(meetings.id, id));
		expect(row.chairId).toBe(lado.id);
		const room = await ask(meetingPage, lado, `/meetings/${id}`, { params: { id } });
		expect(room.status).toBe(200);
		expect(room.body.role).toBe('chair');
		const started = await ask(startApi, lado, `/api/meetings/${id}/start`, {
			params: { id },
			body: {}
		});
		expect(started.status, JSON.stringify(started.body)).toBe(200);
		const [live] = await handle.db.select().from(meetings).where(eq(meetings.id, id));
		expect(live.status).toBe('live');
	});

	it('the LADO schedules nothing else, and chairs nothing else', async () => {
		const conference = await ask(scheduleApi, lado, '/api/meetings', {
			body: {
				kind: 'initial-conference',
				childIds: [amy],
				chairId: chair.id,
				scheduledAt: new Date(Date.now() + 5 * 86_400_000).toISOString()
			}
		});
		expect(conference.status).toBe(403);
		const chairedByLado = await ask(scheduleApi, admin, '/api/meetings', {
			body: {
				kind: 'initial-conference',
				childIds: [amy],
				chairId: lado.id,
				scheduledAt: new Date(Date.now() + 5 * 86_400_000).toISOString()
			}
		});
		expect(chairedByLado.status).toBe(400);
		expect(chairedByLado.body.errors?.chairId).toBe('Choose a chair from your unit.');
		// Another unit's case is not theirs to convene about.
		const theirs = await schedule(lado, { allegationId: otherAllegation, chairId: lado.id });
		expect(theirs.status).toBe(400);
		expect(theirs.body.errors?.allegationId).toBeTruthy();
	});
});
